import t from 'tap'
import { sql } from 'kysely'
import { connect } from '../../server/db/connect'
import { createTestDatabase } from '../db'

t.test('each test file gets its own migrated database', async (t) => {
  const db = connect(await createTestDatabase(t))
  t.teardown(() => db.destroy())
  const tables = await db
    .selectFrom('information_schema.tables' as any)
    .select('table_name' as any)
    .where('table_schema' as any, '=', 'public')
    .execute()
  const names = tables.map((r: any) => r.table_name)
  for (const table of ['schools', 'users', 'memberships', 'sessions', 'audit_log']) t.ok(names.includes(table), table)
})

t.test('dates come back as YYYY-MM-DD strings, never shifted', async (t) => {
  const db = connect(await createTestDatabase(t))
  t.teardown(() => db.destroy())
  const { rows } = await sql<{ d: string }>`select '2014-09-01'::date as d`.execute(db)
  t.equal(rows[0]?.d, '2014-09-01')
})

t.test('the audit log refuses updates and deletes', async (t) => {
  const db = connect(await createTestDatabase(t))
  t.teardown(() => db.destroy())
  await db.insertInto('audit_log').values({ action: 'test', user_id: null, school_id: null, subject_type: null, subject_id: null, ip: null }).execute()
  await t.rejects(db.updateTable('audit_log').set({ action: 'changed' }).execute(), /append-only/)
  await t.rejects(db.deleteFrom('audit_log').execute(), /append-only/)
})
