import { sql, type Kysely } from 'kysely'

// Frozen in time: several files uploaded together wait as one set, one pending_imports row per file
// sharing a set id, with the file's place in the set's import order. A single upload has neither.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('pending_imports')
    .addColumn('set_id', 'uuid')
    .addColumn('position', 'integer')
    .execute()
  await db.schema
    .alterTable('pending_imports')
    .addCheckConstraint('pending_imports_set_position_check', sql`(set_id is null) = (position is null)`)
    .execute()
  await db.schema.createIndex('pending_imports_set_idx').on('pending_imports').columns(['set_id', 'position']).unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('pending_imports_set_idx').execute()
  await db.schema.alterTable('pending_imports').dropConstraint('pending_imports_set_position_check').execute()
  await db.schema.alterTable('pending_imports').dropColumn('position').dropColumn('set_id').execute()
}
