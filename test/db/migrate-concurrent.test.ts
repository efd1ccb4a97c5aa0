// Two instances starting at once (a rolling deploy, or two replicas booting) both run the migrator
// against the same fresh database: both succeed, each migration runs exactly once, and the schema is
// the same as one migrator's alone.
import { readdirSync } from 'node:fs'
import t from 'tap'
import { sql, type Kysely } from 'kysely'
import { connect } from '../../server/db/connect'
import { migrateToLatest, migrationsFolder } from '../../server/db/migrate'
import { createEmptyDatabase, createTestDatabase } from '../db'

/** Every table's columns and every index, as text, to compare two databases' schemas. */
async function schemaOf(db: Kysely<any>): Promise<string[]> {
  const columns = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as line
    from information_schema.columns where table_schema = 'public' order by 1`.execute(db)
  const indexes = await sql<{ line: string }>`select indexdef as line from pg_indexes where schemaname = 'public' order by 1`.execute(db)
  const constraints = await sql<{ line: string }>`
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as line
    from pg_constraint where connamespace = 'public'::regnamespace order by 1`.execute(db)
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.line)
}

const migrationCount = readdirSync(migrationsFolder).filter((f) => f.endsWith('.js')).length

for (const round of [1, 2, 3]) {
  t.test(`two migrators at once on a fresh database both succeed and the schema is the same as one's (round ${round})`, async (t) => {
    const url = await createEmptyDatabase(t)
    const first = connect(url, 2)
    const second = connect(url, 2)
    t.teardown(async () => {
      await first.destroy()
      await second.destroy()
    })
    const [a, b] = await Promise.allSettled([migrateToLatest(first), migrateToLatest(second)])
    t.equal(a.status, 'fulfilled', `the first migrator succeeded${a.status === 'rejected' ? `: ${(a.reason as Error).message}` : ''}`)
    t.equal(b.status, 'fulfilled', `the second migrator succeeded${b.status === 'rejected' ? `: ${(b.reason as Error).message}` : ''}`)
    const ran = [a, b].flatMap((r) => (r.status === 'fulfilled' ? r.value : []))
    t.equal(ran.length, migrationCount, 'between them every migration ran once (the one that waited found nothing to do)')
    t.equal(new Set(ran.map((r) => r.migrationName)).size, migrationCount, 'no migration ran twice')

    const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(first)
    t.equal(recorded.rows.length, migrationCount, 'each migration is recorded once')

    const reference = connect(await createTestDatabase(t), 1)
    t.teardown(() => reference.destroy())
    t.same(await schemaOf(first), await schemaOf(reference), 'the schema is exactly the one a single migrator makes')
  })
}
