import { sql, type Kysely } from 'kysely'

// Frozen in time: a per-school counter of changes to what screening reads. Every write that changes
// it (an import or its rollback, a letter typed, read again or reviewed) bumps it in its own
// transaction; screening records the version it screened, so staleness is exact, not guessed from
// import counts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_data_versions')
    .addColumn('school_id', 'integer', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('screening_settings').addColumn('screened_version', 'bigint').execute()
  // What was screened before this counter existed counts as stale once: the next write re-screens it.
  await sql`insert into school_data_versions (school_id, version) select id, 1 from schools`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('screening_settings').dropColumn('screened_version').execute()
  await db.schema.dropTable('school_data_versions').execute()
}
