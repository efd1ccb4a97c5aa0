import { sql, type Kysely } from 'kysely'

// Frozen in time: an uploaded file waiting for its lead to confirm the import, kept in PostgreSQL
// (app servers keep no state) for one school and one user, until it is confirmed, cancelled or expires.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pending_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // the kind the lead chose; null means Lantern detects it from the content
    .addColumn('kind', 'text', (c) => c.check(sql`kind in ('ctf', 'pupils', 'attainment', 'attendance', 'sdq', 'letters', 'opportunities')`))
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // the last check's report (kind, counts, column mapping, first rows, every problem)
    .addColumn('result', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('pending_imports_school_user_idx').on('pending_imports').columns(['school_id', 'user_id']).execute()
  await db.schema.createIndex('pending_imports_user_idx').on('pending_imports').column('user_id').execute()
  await db.schema.createIndex('pending_imports_expires_idx').on('pending_imports').column('expires_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pending_imports').execute()
}
