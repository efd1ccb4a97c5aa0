import { sql, type Kysely } from 'kysely'

// Frozen in time: staff review of letters (the decision screening uses, beside the analyser's, with
// its history) and safeguarding alerts with the record of what the DSL did. Alerts and their events
// are append-only in spirit: an alert is handled, never deleted, and never closes by itself.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('letters')
    .addColumn('review_concern', 'text', (c) => c.check(sql`review_concern in ('none', 'some', 'high')`))
    .addColumn('review_worries', sql`text[]`)
    .addColumn('review_interests', sql`text[]`)
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('letters_reviewed_by_idx').on('letters').column('reviewed_by').execute()

  await db.schema
    .createTable('letter_reviews')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('analyser_concern', 'text')
    .addColumn('concern', 'text', (c) => c.notNull().check(sql`concern in ('none', 'some', 'high')`))
    .addColumn('worries', sql`text[]`, (c) => c.notNull())
    .addColumn('interests', sql`text[]`, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('letter_reviews_school_idx').on('letter_reviews').column('school_id').execute()
  await db.schema.createIndex('letter_reviews_letter_idx').on('letter_reviews').column('letter_id').execute()
  await db.schema.createIndex('letter_reviews_user_idx').on('letter_reviews').column('user_id').execute()

  await db.schema
    .createTable('safeguarding_alerts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('pupil_id', 'integer', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('categories', sql`text[]`, (c) => c.notNull())
    // the matched passages in the child's own words, as they stood when the alert was raised
    .addColumn('passages', 'jsonb', (c) => c.notNull())
    .addColumn('letter_text', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'handled')`))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('referral_made', 'already_known', 'not_a_concern')`))
    .addColumn('outcome_reason', 'text')
    .addColumn('handled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('handled_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('safeguarding_alerts_school_status_idx').on('safeguarding_alerts').columns(['school_id', 'status']).execute()
  await db.schema.createIndex('safeguarding_alerts_pupil_idx').on('safeguarding_alerts').column('pupil_id').execute()
  await db.schema.createIndex('safeguarding_alerts_letter_idx').on('safeguarding_alerts').column('letter_id').execute()
  await db.schema.createIndex('safeguarding_alerts_handled_by_idx').on('safeguarding_alerts').column('handled_by').execute()

  await db.schema
    .createTable('safeguarding_alert_events')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('safeguarding_alerts.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute()
  await db.schema.createIndex('safeguarding_alert_events_school_idx').on('safeguarding_alert_events').column('school_id').execute()
  await db.schema.createIndex('safeguarding_alert_events_alert_idx').on('safeguarding_alert_events').column('alert_id').execute()
  await db.schema.createIndex('safeguarding_alert_events_user_idx').on('safeguarding_alert_events').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('safeguarding_alert_events').execute()
  await db.schema.dropTable('safeguarding_alerts').execute()
  await db.schema.dropTable('letter_reviews').execute()
  await db.schema
    .alterTable('letters')
    .dropColumn('review_concern')
    .dropColumn('review_worries')
    .dropColumn('review_interests')
    .dropColumn('review_note')
    .dropColumn('reviewed_by')
    .dropColumn('reviewed_at')
    .execute()
}
