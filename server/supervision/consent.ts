// Consent to share a pupil's information with the CAMHS link team (issue 14; research note §1.5): who
// gave it (a parent or carer, or the pupil where competent to decide — Gillick competence), their name,
// for what, on which date, and who recorded it when. Withdrawal is recorded the same way, as a new
// event: nothing is rewritten (a trigger refuses UPDATE), and the latest event per pupil is the pupil's
// consent now. Only the school's lead and its DSLs record consent; staff who read profiles see it.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, InvalidInputError, NotFoundError } from '../platform/errors'

type Db = Kysely<Database>
export type ConsentKind = 'given' | 'withdrawn'
export type ConsentGiver = 'parent_carer' | 'pupil'

export const DEFAULT_CONSENT_PURPOSE = 'Named discussion with the CAMHS link team at supervision'
export const CONSENT_GIVERS: readonly ConsentGiver[] = ['parent_carer', 'pupil']
/** The form's choices, and the words after a name on the profile ("Grace Okafor (parent or carer)"). */
export const GIVER_WORDS: Record<ConsentGiver, string> = { parent_carer: 'Parent or carer', pupil: 'The pupil (competent to decide)' }
export const GIVER_ROLE_WORDS: Record<ConsentGiver, string> = { parent_carer: 'parent or carer', pupil: 'the pupil, competent to decide' }

export interface ConsentEvent {
  id: string
  pupilId: number
  kind: ConsentKind
  /** the pupil's consent stands after this event */
  given: boolean
  givenBy: ConsentGiver
  givenByName: string
  purpose: string
  /** YYYY-MM-DD: the day it was given or withdrawn */
  givenOn: string
  recordedBy: string | null
  recordedAt: Date
}

/** Who of a school may record consent (and read the share log): its lead, or a DSL among its staff. */
export function mayRecordConsent(access: { role: string; isDsl: boolean }): boolean {
  return access.role === 'lead' || (access.role === 'pastoral' && access.isDsl)
}

function events(db: Db, schoolId: number) {
  return db
    .selectFrom('consent_events as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .select(['c.id', 'c.pupil_id', 'c.kind', 'c.given_by', 'c.given_by_name', 'c.purpose', 'c.given_on', 'c.recorded_at', 'u.name as recorded_by_name'])
    .where('c.school_id', '=', schoolId)
}

type EventRow = Awaited<ReturnType<ReturnType<typeof events>['execute']>>[number]
const toEvent = (r: EventRow): ConsentEvent => ({
  // int8 ids arrive as numbers (db/pg-types.ts); the type says string, so make it one
  id: String(r.id),
  pupilId: r.pupil_id,
  kind: r.kind,
  given: r.kind === 'given',
  givenBy: r.given_by,
  givenByName: r.given_by_name,
  purpose: r.purpose,
  givenOn: r.given_on,
  recordedBy: r.recorded_by_name,
  recordedAt: r.recorded_at
})

/**
 * Each pupil's consent now: the latest event per pupil. A pupil with no event is absent from the map —
 * consent not recorded, which is to say not given. Without `pupilIds`, every pupil of the school.
 */
export async function currentConsent(db: Db, schoolId: number, pupilIds?: readonly number[]): Promise<Map<number, ConsentEvent>> {
  if (pupilIds && !pupilIds.length) return new Map()
  let q = events(db, schoolId).distinctOn('c.pupil_id')
  if (pupilIds) q = q.where('c.pupil_id', 'in', [...pupilIds])
  const rows = await q.orderBy('c.pupil_id').orderBy('c.id', 'desc').execute()
  return new Map(rows.map((r) => [r.pupil_id, toEvent(r)]))
}

/** Every consent event of one pupil, newest first. */
export async function consentHistory(db: Db, schoolId: number, pupilId: number): Promise<ConsentEvent[]> {
  return (await events(db, schoolId).where('c.pupil_id', '=', pupilId).orderBy('c.id', 'desc').execute()).map(toEvent)
}

export interface ConsentInput {
  schoolId: number
  pupilId: number
  userId: number
  kind: ConsentKind
  givenBy: ConsentGiver
  givenByName: string
  purpose: string
  /** YYYY-MM-DD */
  givenOn: string
  ip?: string | null
}

/** Records consent given or withdrawn, with its audit row, in one transaction. Returns the event's id. */
export async function recordConsent(db: Db, input: ConsentInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    // the pupil's row locked, so two people recording at once are put in order and both see the other
    const pupil = await trx.selectFrom('pupils').select('id').where('school_id', '=', input.schoolId).where('id', '=', input.pupilId).forUpdate().executeTakeFirst()
    if (!pupil) throw new NotFoundError()
    const now = (await currentConsent(trx, input.schoolId, [input.pupilId])).get(input.pupilId)
    if (input.kind === 'withdrawn' && !now?.given) throw new ConflictError('There is no consent on record to withdraw for this pupil.')
    // events stay in date order, so the latest recorded is also the latest decided: a consent dated
    // before a withdrawal on record would otherwise quietly undo it
    if (now && input.givenOn < now.givenOn) {
      const message = `The date must be on or after ${now.givenOn.split('-').reverse().join('/')}, when the consent now on record was ${now.kind}`
      throw new InvalidInputError(message, [{ field: 'given_on_day', message }])
    }
    const { id } = await trx
      .insertInto('consent_events')
      .values({
        school_id: input.schoolId,
        pupil_id: input.pupilId,
        kind: input.kind,
        given_by: input.givenBy,
        given_by_name: input.givenByName.trim(),
        purpose: input.purpose.trim(),
        given_on: input.givenOn,
        recorded_by: input.userId
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      action: input.kind === 'given' ? 'consent_given' : 'consent_withdrawn',
      userId: input.userId,
      schoolId: input.schoolId,
      ip: input.ip ?? null,
      subjectType: 'pupil',
      subjectId: input.pupilId,
      detail: { consent_event: id, given_by: input.givenBy, given_on: input.givenOn }
    })
    return String(id)
  })
}
