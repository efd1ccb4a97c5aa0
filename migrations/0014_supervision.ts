import { sql, type Kysely } from 'kysely'

// Frozen in time: supervision with the CAMHS link team.
// - term_dates: a school's half terms (meetings are proposed twice in each).
// - supervision_meetings and their attendees; the named link worker and who covers.
// - agenda_changes: the lead's additions and removals before a meeting starts (a log, latest wins);
//   agenda_items: the agenda as fixed when the meeting started, with what was known then (snapshot).
// - discussion_entries: the record of each pupil's discussion; every save is a new row, the latest
//   per (meeting, pupil) is the record, and after the meeting closes a new row is a correction.
// - supervision_actions and action_updates: who will do what by when, and each review of it.
// - consent_events: consent to share with the link team, given and withdrawn, never rewritten.
// - pupil_pseudonyms: a random code per pupil per school; the key stays in the school's database.
// - shares: what a link worker viewed or printed, or a pack handed over, and why.
// Rows reference (school_id, pupil_id) together, so no record can join one school's pupil to another.
const APPEND_ONLY = ['discussion_entries', 'action_updates', 'consent_events', 'shares', 'agenda_changes'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('term_dates')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) between 1 and 60`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addCheckConstraint('term_dates_order', sql`ends_on >= starts_on`)
    .addUniqueConstraint('term_dates_school_start', ['school_id', 'starts_on'])
    .execute()

  await db.schema
    .createTable('supervision_meetings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('meets_on', 'date', (c) => c.notNull())
    .addColumn('meets_at', 'text', (c) => c.check(sql`meets_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('location', 'text')
    .addColumn('link_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('cover_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned').check(sql`status in ('planned', 'started', 'closed')`))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('started_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('supervision_meetings_school_id', ['school_id', 'id'])
    .addUniqueConstraint('supervision_meetings_school_date', ['school_id', 'meets_on'])
    .execute()
  for (const col of ['link_user_id', 'cover_user_id', 'created_by', 'started_by', 'closed_by']) {
    await db.schema.createIndex(`supervision_meetings_${col}_idx`).on('supervision_meetings').column(col).execute()
  }

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) between 1 and 120`))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`length(btrim(role)) between 1 and 120`))
    .addForeignKeyConstraint('meeting_attendees_meeting_fk', ['school_id', 'meeting_id'], 'supervision_meetings', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('meeting_attendees_meeting_idx').on('meeting_attendees').columns(['school_id', 'meeting_id']).execute()
  await db.schema.createIndex('meeting_attendees_user_idx').on('meeting_attendees').column('user_id').execute()

  await db.schema
    .createTable('agenda_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.notNull())
    .addColumn('pupil_id', 'integer', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull().check(sql`change in ('add', 'remove')`))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(btrim(reason)) between 1 and 500`))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('agenda_changes_meeting_fk', ['school_id', 'meeting_id'], 'supervision_meetings', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('agenda_changes_pupil_fk', ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('agenda_changes_meeting_idx').on('agenda_changes').columns(['school_id', 'meeting_id']).execute()
  await db.schema.createIndex('agenda_changes_pupil_idx').on('agenda_changes').columns(['school_id', 'pupil_id']).execute()
  await db.schema.createIndex('agenda_changes_user_idx').on('agenda_changes').column('user_id').execute()

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.notNull())
    .addColumn('pupil_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // [{ code, text }] in priority order: why the pupil is on the agenda
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('dsl', 'boolean', (c) => c.notNull().defaultTo(false))
    // what was known when the meeting started: level, attendance, SDQ total, placement
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addForeignKeyConstraint('agenda_items_meeting_fk', ['school_id', 'meeting_id'], 'supervision_meetings', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('agenda_items_pupil_fk', ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addUniqueConstraint('agenda_items_meeting_pupil', ['meeting_id', 'pupil_id'])
    .execute()
  await db.schema.createIndex('agenda_items_school_meeting_idx').on('agenda_items').columns(['school_id', 'meeting_id']).execute()
  await db.schema.createIndex('agenda_items_pupil_idx').on('agenda_items').columns(['school_id', 'pupil_id']).execute()

  await db.schema
    .createTable('discussion_entries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.notNull())
    .addColumn('pupil_id', 'integer', (c) => c.notNull())
    .addColumn('strengths', 'text')
    .addColumn('concerns', 'text')
    .addColumn('possible_reasons', 'text')
    .addColumn('advice', 'text')
    .addColumn('level', 'text', (c) => c.check(sql`level in ('thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support')`))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('strategies', 'signposting', 'referral', 'dsl')`))
    // [{ goal, score }] Goal Based Outcomes, 0–10
    .addColumn('goals', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('corrects_id', 'bigint', (c) => c.references('discussion_entries.id'))
    .addColumn('correction_reason', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('discussion_entries_meeting_fk', ['school_id', 'meeting_id'], 'supervision_meetings', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('discussion_entries_pupil_fk', ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('discussion_entries_meeting_idx').on('discussion_entries').columns(['school_id', 'meeting_id', 'pupil_id', 'id']).execute()
  await db.schema.createIndex('discussion_entries_pupil_idx').on('discussion_entries').columns(['school_id', 'pupil_id']).execute()
  await db.schema.createIndex('discussion_entries_corrects_idx').on('discussion_entries').column('corrects_id').execute()
  await db.schema.createIndex('discussion_entries_recorded_by_idx').on('discussion_entries').column('recorded_by').execute()

  await db.schema
    .createTable('supervision_actions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.notNull())
    .addColumn('pupil_id', 'integer')
    .addColumn('description', 'text', (c) => c.notNull().check(sql`length(btrim(description)) between 1 and 1000`))
    .addColumn('owner_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('owner_name', 'text', (c) => c.notNull().check(sql`length(btrim(owner_name)) between 1 and 120`))
    .addColumn('due_on', 'date')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('supervision_actions_meeting_fk', ['school_id', 'meeting_id'], 'supervision_meetings', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('supervision_actions_pupil_fk', ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addUniqueConstraint('supervision_actions_school_id', ['school_id', 'id'])
    .execute()
  await db.schema.createIndex('supervision_actions_meeting_idx').on('supervision_actions').columns(['school_id', 'meeting_id']).execute()
  await db.schema.createIndex('supervision_actions_pupil_idx').on('supervision_actions').columns(['school_id', 'pupil_id']).execute()
  await db.schema.createIndex('supervision_actions_owner_idx').on('supervision_actions').column('owner_user_id').execute()
  await db.schema.createIndex('supervision_actions_created_by_idx').on('supervision_actions').column('created_by').execute()

  await db.schema
    .createTable('action_updates')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('action_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'in_progress', 'done', 'dropped')`))
    .addColumn('note', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('action_updates_action_fk', ['school_id', 'action_id'], 'supervision_actions', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('action_updates_meeting_fk', ['school_id', 'meeting_id'], 'supervision_meetings', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('action_updates_action_idx').on('action_updates').columns(['school_id', 'action_id', 'id']).execute()
  await db.schema.createIndex('action_updates_meeting_idx').on('action_updates').columns(['school_id', 'meeting_id']).execute()
  await db.schema.createIndex('action_updates_user_idx').on('action_updates').column('user_id').execute()

  await db.schema
    .createTable('consent_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('pupil_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('given', 'withdrawn')`))
    .addColumn('given_by', 'text', (c) => c.notNull().check(sql`given_by in ('parent_carer', 'pupil')`))
    .addColumn('given_by_name', 'text', (c) => c.notNull().check(sql`length(btrim(given_by_name)) between 1 and 120`))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`length(btrim(purpose)) between 1 and 500`))
    .addColumn('given_on', 'date', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('consent_events_pupil_fk', ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('consent_events_pupil_idx').on('consent_events').columns(['school_id', 'pupil_id', 'id']).execute()
  await db.schema.createIndex('consent_events_recorded_by_idx').on('consent_events').column('recorded_by').execute()

  await db.schema
    .createTable('pupil_pseudonyms')
    .addColumn('school_id', 'integer', (c) => c.notNull())
    .addColumn('pupil_id', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().check(sql`code ~ '^P-[0-9A-Z]{4,8}$'`))
    .addPrimaryKeyConstraint('pupil_pseudonyms_pk', ['school_id', 'pupil_id'])
    .addUniqueConstraint('pupil_pseudonyms_code', ['school_id', 'code'])
    .addForeignKeyConstraint('pupil_pseudonyms_pupil_fk', ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()

  await db.schema
    .createTable('shares')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // who received it, in words, e.g. "Priya Nair (CAMHS link worker)"
    .addColumn('shared_with', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'integer')
    .addColumn('pupil_ids', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('identified_pupil_ids', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('shares_school_idx').on('shares').columns(['school_id', 'at']).execute()
  await db.schema.createIndex('shares_user_idx').on('shares').column('user_id').execute()

  // Records are kept, never rewritten; rows go only with their pupil or school (cascade).
  await sql`
    CREATE FUNCTION supervision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`.execute(db)
  for (const table of APPEND_ONLY) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_change`)} BEFORE UPDATE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION supervision_append_only()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['shares', 'pupil_pseudonyms', 'consent_events', 'action_updates', 'supervision_actions', 'discussion_entries', 'agenda_items', 'agenda_changes', 'meeting_attendees', 'supervision_meetings', 'term_dates']) {
    await db.schema.dropTable(table).execute()
  }
  await sql`DROP FUNCTION supervision_append_only()`.execute(db)
}
