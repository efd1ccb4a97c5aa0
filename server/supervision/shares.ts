// The share log (golden rule 7: "record what you have shared, with whom and for what purpose"): every
// view and print of pupils' information by a link worker, and every pack handed over, is one row —
// never rewritten (a trigger refuses UPDATE). The school's lead and its DSLs read it.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { pupilName } from '../pupils/names'

type Db = Kysely<Database>

/** Why something was shared, in the words of HM Government's seven golden rules of information sharing. */
export const SHARE_PURPOSES = {
  supervision: 'Seeking advice from the CAMHS link team at supervision (golden rules 3, 6 and 7)',
  consented: 'Named discussion with the CAMHS link team, with consent to share recorded (golden rules 4, 6 and 7)',
  safety: 'Shared without consent because a child’s safety may be at risk (golden rules 5, 6 and 7)'
} as const

export interface ShareInput {
  schoolId: number
  /** who shared or viewed: the link worker who opened a page, or the staff member who handed a pack over */
  userId: number | null
  /** who received it, in words: "Priya Nair (CAMHS link worker)" */
  sharedWith: string
  /** what was shared: "Agenda for the meeting on 3 Dec 2026 (viewed)", "Supervision pack, link team copy (printed)" */
  what: string
  /** why: one of SHARE_PURPOSES, or words to the same effect */
  purpose: string
  meetingId?: number | null
  pupilIds: readonly number[]
  /** the pupils shown by name (consent recorded); the others were shown by pseudonym */
  identifiedPupilIds: readonly number[]
}

/**
 * Records one share. Runs on the caller's database or transaction, so a page can log the share in the
 * same transaction as its audit row. Refuses pupils of another school and identified pupils who were
 * not shared: a log that could be wrong is no record.
 */
export async function recordShare(db: Db, input: ShareInput): Promise<string> {
  const pupilIds = [...new Set(input.pupilIds)].sort((a, b) => a - b)
  const identified = [...new Set(input.identifiedPupilIds)].sort((a, b) => a - b)
  const shared = new Set(pupilIds)
  if (identified.some((id) => !shared.has(id))) throw new Error('recordShare: an identified pupil must be one of the pupils shared')
  if (!input.sharedWith.trim() || !input.what.trim() || !input.purpose.trim()) throw new Error('recordShare: say with whom, what and why')
  if (pupilIds.length) {
    const found = await db.selectFrom('pupils').select((eb) => eb.fn.countAll<string>().as('n')).where('school_id', '=', input.schoolId).where('id', 'in', pupilIds).executeTakeFirstOrThrow()
    if (Number(found.n) !== pupilIds.length) throw new Error('recordShare: a pupil shared is not one of this school’s')
  }
  const { id } = await db
    .insertInto('shares')
    .values({
      school_id: input.schoolId,
      user_id: input.userId,
      shared_with: input.sharedWith.trim(),
      what: input.what.trim(),
      purpose: input.purpose.trim(),
      meeting_id: input.meetingId ?? null,
      pupil_ids: pupilIds,
      identified_pupil_ids: identified
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return String(id)
}

export interface ShareRow {
  id: string
  at: Date
  /** who shared or viewed, null when their account is gone */
  by: string | null
  sharedWith: string
  what: string
  purpose: string
  meetingId: number | null
  pupilIds: number[]
  identifiedPupilIds: number[]
}

/** A page of the school's shares, newest first; `before` is the id of the last row of the previous page. */
export async function listShares(db: Db, schoolId: number, opts: { limit: number; before?: string | null }): Promise<{ rows: ShareRow[]; nextBefore: string | null }> {
  let q = db
    .selectFrom('shares as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.at', 'u.name as by', 's.shared_with', 's.what', 's.purpose', 's.meeting_id', 's.pupil_ids', 's.identified_pupil_ids'])
    .where('s.school_id', '=', schoolId)
  if (opts.before) q = q.where('s.id', '<', opts.before)
  const found = await q.orderBy('s.id', 'desc').limit(opts.limit + 1).execute()
  // int8 ids arrive as numbers (db/pg-types.ts); the type says string, so make it one
  const rows = found.slice(0, opts.limit).map((r) => ({
    id: String(r.id),
    at: r.at,
    by: r.by,
    sharedWith: r.shared_with,
    what: r.what,
    purpose: r.purpose,
    meetingId: r.meeting_id,
    pupilIds: r.pupil_ids,
    identifiedPupilIds: r.identified_pupil_ids
  }))
  return { rows, nextBefore: found.length > opts.limit ? rows[rows.length - 1]!.id : null }
}

/** A page of the share log with the names of the pupils it mentions (for the school's own staff). */
export async function loadShareLog(db: Db, schoolId: number, opts: { limit: number; before?: string | null }) {
  const page = await listShares(db, schoolId, opts)
  const ids = [...new Set(page.rows.flatMap((r) => r.pupilIds))]
  const pupils = ids.length
    ? await db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename']).where('school_id', '=', schoolId).where('id', 'in', ids).execute()
    : []
  return { ...page, names: new Map(pupils.map((p) => [p.id, pupilName(p)])) }
}
