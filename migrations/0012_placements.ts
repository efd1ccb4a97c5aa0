import { sql, type Kysely } from 'kysely'

// Frozen in time: a pupil's place on an opportunity and its life: proposed (by the allocation) →
// offered (staff accepted the proposal or chose another) → active → ended, or declined with a reason.
// Every change is kept in placement_events; attendance at the opportunity is a register per session.
// A placement references (school_id, pupil_id) and (school_id, opportunity_id) together, so it can
// never join one school's pupil to another school's opportunity.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table opportunities add constraint opportunities_school_id unique (school_id, id)`.execute(db)
  await db.schema
    .createTable('placements')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('pupil_id', 'integer', (c) => c.notNull())
    .addColumn('opportunity_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('proposed', 'offered', 'active', 'ended', 'declined')`))
    .addColumn('fit', 'integer')
    .addColumn('explanation', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('changed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addForeignKeyConstraint('placements_pupil_fk', ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('placements_opportunity_fk', ['school_id', 'opportunity_id'], 'opportunities', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('placements_pupil_idx').on('placements').columns(['school_id', 'pupil_id']).execute()
  await db.schema.createIndex('placements_opportunity_idx').on('placements').columns(['school_id', 'opportunity_id']).execute()
  await db.schema.createIndex('placements_changed_by_idx').on('placements').column('changed_by').execute()
  // one live place per pupil on an opportunity
  await sql`create unique index placements_live_once on placements (school_id, pupil_id, opportunity_id) where status in ('proposed', 'offered', 'active')`.execute(db)

  await db.schema
    .createTable('placement_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('placement_id', 'integer', (c) => c.notNull().references('placements.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('placement_events_placement_idx').on('placement_events').column('placement_id').execute()
  await db.schema.createIndex('placement_events_school_idx').on('placement_events').column('school_id').execute()
  await db.schema.createIndex('placement_events_user_idx').on('placement_events').column('user_id').execute()

  await db.schema
    .createTable('placement_attendance')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('placement_id', 'integer', (c) => c.notNull().references('placements.id').onDelete('cascade'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('present', 'boolean', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('placement_attendance_pk', ['placement_id', 'held_on'])
    .execute()
  await db.schema.createIndex('placement_attendance_school_idx').on('placement_attendance').column('school_id').execute()
  await db.schema.createIndex('placement_attendance_recorded_by_idx').on('placement_attendance').column('recorded_by').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('placement_attendance').execute()
  await db.schema.dropTable('placement_events').execute()
  await db.schema.dropTable('placements').execute()
  await sql`alter table opportunities drop constraint opportunities_school_id`.execute(db)
}
