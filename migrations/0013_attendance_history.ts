import { sql, type Kysely } from 'kysely'

// Frozen in time: every attendance figure an import wrote, not only the latest. `attendance` stays the
// one current figure per pupil (screening reads it); `attendance_history` gains a row each time an
// import (CSV or CTF) brings a pupil's figure, so change since the transition baseline can be shown and
// "attendance as of a date" read back. A row remembers the import that wrote it, so undoing that import
// removes it too. Existing figures are backfilled once, each attributed to the standing import that
// last wrote it (older figures were overwritten before this table existed and cannot be recovered).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attendance_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('pupil_id', 'integer', (c) => c.notNull())
    .addColumn('possible', 'integer', (c) => c.notNull().check(sql`possible >= 0`))
    .addColumn('absent', 'integer', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addCheckConstraint('attendance_history_absent_range', sql`absent >= 0 and absent <= possible`)
    .addForeignKeyConstraint('attendance_history_pupil_fk', ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()
  // (school_id, pupil_id, recorded_at) serves the pupil foreign key and every read: a pupil's series in order
  await db.schema.createIndex('attendance_history_pupil_idx').on('attendance_history').columns(['school_id', 'pupil_id', 'recorded_at']).execute()
  await db.schema.createIndex('attendance_history_import_idx').on('attendance_history').column('import_id').execute()

  await sql`
    insert into attendance_history (school_id, pupil_id, possible, absent, period, recorded_at, import_id)
    select a.school_id, a.pupil_id, a.possible, a.absent, a.period, a.updated_at,
      (select max(w.import_id) from (
         select c.import_id from import_changes c where c.school_id = a.school_id and c.table_name = 'attendance' and c.row_id = a.id
         union all
         select ic.import_id from import_created ic where ic.school_id = a.school_id and ic.table_name = 'attendance' and a.id = any(ic.ids)
       ) w join imports i on i.id = w.import_id and i.status = 'committed')
    from attendance a
    order by a.school_id, a.pupil_id`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attendance_history').execute()
}
