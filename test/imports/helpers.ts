// Shared set-up for import tests: a database of their own, a school, a lead user, fixture files.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { connect } from '../../server/db/connect'
import type { Database } from '../../server/db/schema'
import { projectRoot } from '../../server/paths'
import { createTestDatabase } from '../db'

export const fixturesDir = join(projectRoot, 'test', 'imports', 'fixtures')
export const fixture = (name: string): Buffer => readFileSync(join(fixturesDir, name))
export const TODAY = '2026-11-23'

interface T { teardown(fn: () => unknown): void }

export async function setUp(t: T): Promise<{ db: Kysely<Database>; schoolId: number; userId: number }> {
  const db = connect(await createTestDatabase(t))
  t.teardown(() => db.destroy())
  const school = await db.insertInto('schools').values({ urn: '100001', name: 'Lantern Test Academy' }).returning('id').executeTakeFirstOrThrow()
  const user = await db.insertInto('users').values({ email: 'lead@example.org', name: 'Test Lead', password_hash: null }).returning('id').executeTakeFirstOrThrow()
  return { db, schoolId: school.id, userId: user.id }
}

/** Rows in every table an import writes, so a test can show that nothing was written. */
export async function counts(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of ['pupils', 'attainment', 'attendance', 'sdq_administrations', 'letters', 'opportunities', 'imports', 'import_changes', 'import_created']) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)
    out[table] = rows[0]?.n ?? 0
  }
  return out
}
