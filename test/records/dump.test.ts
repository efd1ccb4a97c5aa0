// pg_dump then pg_restore of a school's data into a fresh database gives back every table, row for
// row, with the kept records still refusing to change.
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { sql, type Kysely } from 'kysely'
import { connect } from '../../server/db/connect'
import { migrateToLatest } from '../../server/db/migrate'
import type { Database } from '../../server/db/schema'
import { seedDemo } from '../../server/demo/seed'
import { erasePupil } from '../../server/records/erase'
import { createTestDatabase } from '../db'
import { connectionFile } from '../setup/harness'
import { findPgTools, startServerOf } from './pg-tools'

async function tableDigests(db: Kysely<Database>): Promise<Map<string, { rows: number; digest: string }>> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  const out = new Map<string, { rows: number; digest: string }>()
  for (const { table_name } of tables) {
    const { rows } = await sql<{ rows: number; digest: string | null }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from ${sql.table(table_name)} t`.execute(db)
    out.set(table_name, { rows: rows[0]!.rows, digest: rows[0]!.digest ?? '' })
  }
  return out
}

async function serverMajor(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return Math.floor(Number((await c.query<{ server_version_num: string }>('show server_version_num')).rows[0]!.server_version_num) / 10000)
  } finally {
    await c.end()
  }
}

t.test('pg_dump and pg_restore round-trip every table of a school’s data', async (t) => {
  const tools = findPgTools()
  if (!tools) {
    if (process.env.LANTERN_CI) t.fail('pg_dump and pg_restore are not installed (Debian: postgresql-client)')
    else t.comment('skipped: pg_dump and pg_restore are not installed (Debian: postgresql-client)')
    return
  }
  const shared = new URL((JSON.parse(readFileSync(connectionFile, 'utf8')) as { url: string }).url)
  let source: string
  let target: (name: string) => Promise<string>
  if (tools.major >= (await serverMajor(shared.toString()))) {
    source = await createTestDatabase(t)
    target = async () => createTestDatabase(t)
  } else {
    // the client tools are older than the test server: run the round trip on a server of their own version
    const server = await startServerOf(tools)
    if (!server) {
      t.fail(`pg_dump ${tools.major} is older than the test server and has no server of its own to use`)
      return
    }
    t.teardown(server.stop)
    const admin = new pg.Client({ connectionString: server.url('postgres') })
    await admin.connect()
    await admin.query('create database lantern_source')
    await admin.end()
    source = server.url('lantern_source')
    target = async (name) => {
      const c = new pg.Client({ connectionString: server.url('postgres') })
      await c.connect()
      await c.query(`create database ${name}`)
      await c.end()
      return server.url(name)
    }
    const db = connect(source, 2)
    await migrateToLatest(db)
    await db.destroy()
  }
  t.comment(`pg_dump ${tools.major} from ${tools.bin}`)

  const db = connect(source, 2)
  t.teardown(() => db.destroy())
  await seedDemo(db)
  // kept records of every kind, and an erasure
  const school = await db.selectFrom('schools').select('id').where('urn', '=', '999001').executeTakeFirstOrThrow()
  const alert = await db.selectFrom('safeguarding_alerts').select(['id', 'pupil_id']).where('school_id', '=', school.id).orderBy('id').executeTakeFirstOrThrow()
  await db.updateTable('safeguarding_alerts').set({ status: 'handled', outcome: 'referral_made', outcome_reason: 'Referred to MASH', handled_by: null, handled_at: new Date() }).where('id', '=', alert.id).execute()
  await db.insertInto('level_decisions').values({ school_id: school.id, pupil_id: alert.pupil_id, level: 'getting_risk_support', suggested_level: 'getting_risk_support', reason: 'Agreed with the DSL', decided_by: null }).execute()
  const toErase = await db.selectFrom('pupils').select('id').where('school_id', '=', school.id).where('id', '<>', alert.pupil_id).where(({ not, exists, selectFrom }) => not(exists(selectFrom('safeguarding_alert_records').select('id').whereRef('safeguarding_alert_records.pupil_id', '=', 'pupils.id')))).orderBy('id').executeTakeFirstOrThrow()
  await erasePupil(db, { schoolId: school.id, userId: null, via: 'cli' }, toErase.id, 'Erasure request')
  const before = await tableDigests(db)
  t.ok(before.size >= 40, `${before.size} tables`)
  for (const table of ['pupils', 'letters', 'safeguarding_alert_records', 'safeguarding_alert_outcomes', 'level_decisions', 'discussion_entries', 'placements', 'pupil_erasures', 'audit_log']) t.ok(before.get(table)!.rows > 0, `${table} has rows`)

  const dir = mkdtempSync(join(tmpdir(), 'lantern-dump-file-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'lantern.dump')
  const dump = spawnSync(join(tools.bin, 'pg_dump'), ['--format=custom', '--no-owner', '--file', file, source], { encoding: 'utf8' })
  t.equal(dump.status, 0, `pg_dump: ${dump.stderr}`)
  const restored = await target(`lantern_restored_${process.pid}`)
  const restore = spawnSync(join(tools.bin, 'pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', restored, file], { encoding: 'utf8' })
  t.equal(restore.status, 0, `pg_restore: ${restore.stderr}`)

  const copy = connect(restored, 2)
  t.teardown(() => copy.destroy())
  const after = await tableDigests(copy)
  t.same([...after.keys()], [...before.keys()], 'the same tables')
  for (const [table, b] of before) t.same(after.get(table), b, `${table}: ${b.rows} rows, the same`)
  // the copy is a working Lantern database: derived alert state, kept records still kept, sequences on
  t.match(await copy.selectFrom('safeguarding_alerts').selectAll().where('id', '=', alert.id).executeTakeFirstOrThrow(), { status: 'handled', outcome: 'referral_made' })
  await t.rejects(sql`update level_decisions set reason = 'rewritten'`.execute(copy), /append-only/)
  await t.rejects(sql`delete from safeguarding_alert_records`.execute(copy), /append-only/)
  const next = await copy.insertInto('audit_log').values({ action: 'restored', detail: '{}' }).returning('id').executeTakeFirstOrThrow()
  const maxBefore = (await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m
  t.ok(Number(next.id) > Number(maxBefore), 'sequences continue after the restored rows')
})
