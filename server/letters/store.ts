// Letters and safeguarding alerts (Kysely only). Every query takes the school id.
import type { Concern } from '../vocabulary'
import { sql, type Kysely } from 'kysely'
import type { AlertOutcome, Database } from '../db/schema'

export function findLetter(db: Kysely<Database>, schoolId: number, letterId: number) {
  return db
    .selectFrom('letters')
    .innerJoin('pupils', (j) => j.onRef('pupils.id', '=', 'letters.pupil_id').onRef('pupils.school_id', '=', 'letters.school_id'))
    .selectAll('letters')
    .select(['pupils.forename', 'pupils.surname', 'pupils.preferred_forename', 'pupils.upn', 'pupils.form'])
    .where('letters.school_id', '=', schoolId)
    .where('letters.id', '=', letterId)
    .executeTakeFirst()
}

export function lettersOfPupil(db: Kysely<Database>, schoolId: number, pupilId: number) {
  return db
    .selectFrom('letters')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('pupil_id', '=', pupilId)
    .orderBy('written_on', (ob) => ob.desc().nullsLast())
    .orderBy('id', 'desc')
    .execute()
}

/** Letters whose analysis is missing or came from another version of the analyser, any school. */
export function lettersToAnalyse(db: Kysely<Database>, version: string, limit: number) {
  return db
    .selectFrom('letters')
    .select(['id', 'school_id', 'text'])
    .where((eb) => eb.or([eb('analyser_version', 'is', null), eb('analyser_version', '!=', version)]))
    .orderBy('id')
    .limit(limit)
    .execute()
}

export function saveAnalysis(db: Kysely<Database>, schoolId: number, letterId: number, a: { concern: string; analysis: unknown; version: string }) {
  return db
    .updateTable('letters')
    .set({ concern: a.concern as Concern, analysis: JSON.stringify(a.analysis), analyser_version: a.version })
    .where('school_id', '=', schoolId)
    .where('id', '=', letterId)
    .execute()
}

export function insertLetter(db: Kysely<Database>, schoolId: number, pupilId: number, text: string, writtenOn: string | null) {
  return db.insertInto('letters').values({ school_id: schoolId, pupil_id: pupilId, text, written_on: writtenOn }).returning('id').executeTakeFirstOrThrow()
}

export function saveReview(
  db: Kysely<Database>,
  schoolId: number,
  letterId: number,
  review: { concern: Concern; worries: string[]; interests: string[]; note: string | null; userId: number; analyserConcern: string | null }
) {
  return Promise.all([
    db
      .updateTable('letters')
      .set({ review_concern: review.concern, review_worries: review.worries, review_interests: review.interests, review_note: review.note, reviewed_by: review.userId, reviewed_at: new Date() })
      .where('school_id', '=', schoolId)
      .where('id', '=', letterId)
      .execute(),
    db
      .insertInto('letter_reviews')
      .values({ school_id: schoolId, letter_id: letterId, analyser_concern: review.analyserConcern, concern: review.concern, worries: review.worries, interests: review.interests, note: review.note, user_id: review.userId })
      .execute()
  ])
}

export function reviewHistory(db: Kysely<Database>, schoolId: number, letterId: number) {
  return db
    .selectFrom('letter_reviews')
    .leftJoin('users', 'users.id', 'letter_reviews.user_id')
    .select(['letter_reviews.at', 'letter_reviews.concern', 'letter_reviews.analyser_concern', 'letter_reviews.worries', 'letter_reviews.interests', 'letter_reviews.note', 'users.name as user_name'])
    .where('letter_reviews.school_id', '=', schoolId)
    .where('letter_reviews.letter_id', '=', letterId)
    .orderBy('letter_reviews.id', 'desc')
    .execute()
}

export function lettersAwaitingReview(db: Kysely<Database>, schoolId: number) {
  return db
    .selectFrom('letters')
    .innerJoin('pupils', (j) => j.onRef('pupils.id', '=', 'letters.pupil_id').onRef('pupils.school_id', '=', 'letters.school_id'))
    .select(['letters.id', 'letters.concern', 'letters.written_on', 'pupils.id as pupil_id', 'pupils.forename', 'pupils.surname', 'pupils.preferred_forename', 'pupils.form'])
    .select(sql<unknown>`letters.analysis -> 'families'`.as('families'))
    .select(sql<boolean>`jsonb_array_length(coalesce(letters.analysis -> 'safeguarding', '[]'::jsonb)) > 0`.as('has_safeguarding'))
    .where('letters.school_id', '=', schoolId)
    .where('letters.reviewed_at', 'is', null)
    .where('letters.analysis', 'is not', null)
    // The analyser's priority (1.4.0 on); a letter read by an older version sorts by what it had: a
    // safeguarding match, then its concern, at the bottom of the matching priority band.
    .orderBy(sql`coalesce(
      case when jsonb_typeof(letters.analysis -> 'priority') = 'number' then (letters.analysis ->> 'priority')::numeric end,
      case when jsonb_array_length(coalesce(letters.analysis -> 'safeguarding', '[]'::jsonb)) > 0 then 90
           when letters.concern = 'high' then 60 when letters.concern = 'some' then 10 else 0 end)`, 'desc')
    .orderBy('pupils.surname')
    .orderBy('pupils.forename')
    .execute()
}

/** Letters with a safeguarding match and no alert yet for the same text (all schools when schoolId is null). */
export function lettersNeedingAlerts(db: Kysely<Database>, schoolId: number | null) {
  let q = db
    .selectFrom('letters')
    .select(['letters.id', 'letters.school_id', 'letters.pupil_id', 'letters.text', 'letters.analysis'])
    .where(sql<boolean>`jsonb_array_length(coalesce(letters.analysis -> 'safeguarding', '[]'::jsonb)) > 0`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('safeguarding_alerts')
            .select('safeguarding_alerts.id')
            .whereRef('safeguarding_alerts.letter_id', '=', 'letters.id')
            .whereRef('safeguarding_alerts.letter_text', '=', 'letters.text')
        )
      )
    )
  if (schoolId !== null) q = q.where('letters.school_id', '=', schoolId)
  return q.execute()
}

export function insertAlert(
  db: Kysely<Database>,
  alert: { schoolId: number; pupilId: number; letterId: number; categories: string[]; passages: unknown; letterText: string }
) {
  return db
    .insertInto('safeguarding_alerts')
    .values({ school_id: alert.schoolId, pupil_id: alert.pupilId, letter_id: alert.letterId, categories: alert.categories, passages: JSON.stringify(alert.passages), letter_text: alert.letterText })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function insertAlertEvent(db: Kysely<Database>, e: { schoolId: number; alertId: number; userId: number | null; action: string; note: string | null }) {
  return db.insertInto('safeguarding_alert_events').values({ school_id: e.schoolId, alert_id: e.alertId, user_id: e.userId, action: e.action, note: e.note }).execute()
}

export async function countOpenAlerts(db: Kysely<Database>, schoolId: number): Promise<number> {
  const row = await db
    .selectFrom('safeguarding_alerts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_id', '=', schoolId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listAlerts(db: Kysely<Database>, schoolId: number) {
  return db
    .selectFrom('safeguarding_alerts')
    .innerJoin('pupils', (j) => j.onRef('pupils.id', '=', 'safeguarding_alerts.pupil_id').onRef('pupils.school_id', '=', 'safeguarding_alerts.school_id'))
    .leftJoin('users', 'users.id', 'safeguarding_alerts.handled_by')
    .select([
      'safeguarding_alerts.id',
      'safeguarding_alerts.categories',
      'safeguarding_alerts.raised_at',
      'safeguarding_alerts.status',
      'safeguarding_alerts.outcome',
      'safeguarding_alerts.handled_at',
      'users.name as handled_by_name',
      'pupils.id as pupil_id',
      'pupils.forename',
      'pupils.surname',
      'pupils.preferred_forename',
      'pupils.form',
      'safeguarding_alerts.passages'
    ])
    .where('safeguarding_alerts.school_id', '=', schoolId)
    .orderBy((eb) => eb.case().when('safeguarding_alerts.status', '=', 'open').then(0).else(1).end())
    .orderBy('safeguarding_alerts.raised_at', 'desc')
    .execute()
}

export function findAlert(db: Kysely<Database>, schoolId: number, alertId: number) {
  return db
    .selectFrom('safeguarding_alerts')
    .innerJoin('pupils', (j) => j.onRef('pupils.id', '=', 'safeguarding_alerts.pupil_id').onRef('pupils.school_id', '=', 'safeguarding_alerts.school_id'))
    .leftJoin('users', 'users.id', 'safeguarding_alerts.handled_by')
    .selectAll('safeguarding_alerts')
    .select(['pupils.forename', 'pupils.surname', 'pupils.preferred_forename', 'pupils.form', 'pupils.upn', 'users.name as handled_by_name'])
    .where('safeguarding_alerts.school_id', '=', schoolId)
    .where('safeguarding_alerts.id', '=', alertId)
    .executeTakeFirst()
}

export function alertEvents(db: Kysely<Database>, schoolId: number, alertId: number) {
  return db
    .selectFrom('safeguarding_alert_events')
    .leftJoin('users', 'users.id', 'safeguarding_alert_events.user_id')
    .select(['safeguarding_alert_events.at', 'safeguarding_alert_events.action', 'safeguarding_alert_events.note', 'users.name as user_name'])
    .where('safeguarding_alert_events.school_id', '=', schoolId)
    .where('safeguarding_alert_events.alert_id', '=', alertId)
    .orderBy('safeguarding_alert_events.id')
    .execute()
}

export function recordOutcome(db: Kysely<Database>, schoolId: number, alertId: number, o: { outcome: AlertOutcome; reason: string; userId: number }) {
  return db
    .updateTable('safeguarding_alerts')
    .set({ status: 'handled', outcome: o.outcome, outcome_reason: o.reason, handled_by: o.userId, handled_at: new Date() })
    .where('school_id', '=', schoolId)
    .where('id', '=', alertId)
    .executeTakeFirst()
}

/** The school's DSLs (active members marked DSL). */
export function schoolDsls(db: Kysely<Database>, schoolId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('memberships.school_id', '=', schoolId)
    .where('memberships.is_dsl', '=', true)
    .where('memberships.role', '!=', 'link')
    .where('memberships.active', '=', true)
    .where('users.active', '=', true)
    .execute()
}
