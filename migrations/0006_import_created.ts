import { sql, type Kysely } from 'kysely'

// Frozen in time: the ids of the rows an import created, one row per import and table, so undoing
// an import deletes them. Rows an import changed keep their before-images in import_changes; a row
// per created row there cost more than the import's own writes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_created')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('table_name', 'text', (c) => c.notNull().check(sql`table_name in ('pupils', 'attainment', 'attendance', 'sdq_administrations', 'letters', 'opportunities')`))
    .addColumn('ids', sql`integer[]`, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_created_pkey', ['import_id', 'table_name'])
    .execute()
  await db.schema.createIndex('import_created_school_idx').on('import_created').column('school_id').execute()
  // what earlier imports created moves across, so every import is undone the same way
  await sql`
    insert into import_created (import_id, school_id, table_name, ids)
    select import_id, school_id, table_name, array_agg(row_id order by row_id) from import_changes where before is null group by import_id, school_id, table_name`.execute(db)
  await sql`delete from import_changes where before is null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    insert into import_changes (import_id, school_id, table_name, row_id)
    select import_id, school_id, table_name, unnest(ids) from import_created`.execute(db)
  await db.schema.dropTable('import_created').execute()
}
