// Page views are audited by group commit: events that arrive together share one insert and one commit,
// each caller learns only once its own row is committed, and one bad event fails only its own caller.
import t from 'tap'
import { sql } from 'kysely'
import { AuditWriter } from '../../server/platform/audit'
import { buildTestApp, createSchool, connect } from '../helper'

t.test('twenty views at once: every row committed before its caller goes on, in fewer commits than views', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const writer = new AuditWriter(app.db)
  const url = (app.pg.pool as unknown as { options: { connectionString: string } }).options.connectionString
  const elsewhere = connect(url, 1)
  t.teardown(() => elsewhere.destroy())
  const seen: number[] = []
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      writer.record({ action: 'test_viewed', schoolId: school.id, subjectType: 'pupil', subjectId: i, detail: { n: i } }).then(async () => {
        // read from another connection: the row is committed, not just written
        const row = await elsewhere.selectFrom('audit_log').select('id').where('action', '=', 'test_viewed').where('subject_id', '=', String(i)).executeTakeFirst()
        if (row) seen.push(i)
      })
    )
  )
  t.equal(seen.length, 20, 'each caller found its own row committed')
  const { rows } = await sql<{ commits: number }>`select count(distinct xmin::text)::int as commits from audit_log where action = 'test_viewed'`.execute(app.db)
  t.ok(rows[0]!.commits < 20, `written in ${rows[0]!.commits} commits`)
  t.ok(rows[0]!.commits >= 2, 'the first went at once, the rest together after it')
})

t.test('an event that cannot be stored fails only its own caller', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const writer = new AuditWriter(app.db)
  const results = await Promise.allSettled([
    writer.record({ action: 'first', schoolId: school.id }),
    writer.record({ action: 'good', schoolId: school.id }),
    writer.record({ action: 'bad', schoolId: 2_000_000_000 }),
    writer.record({ action: 'good', schoolId: school.id })
  ])
  t.same(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
  const actions = (await app.db.selectFrom('audit_log').select('action').where('action', 'in', ['first', 'good', 'bad']).execute()).map((r) => r.action).sort()
  t.same(actions, ['first', 'good', 'good'], 'the good events are stored once each')
  const alone = await Promise.allSettled([writer.record({ action: 'bad', schoolId: 2_000_000_000 })])
  t.equal(alone[0]!.status, 'rejected', 'alone, it fails too')
})
