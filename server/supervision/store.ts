// Supervision's queries. Every one is scoped to one school; records are only ever inserted, except a
// meeting's own details and status, which change until it closes.
import { sql, type Kysely } from 'kysely'
import type { ActionStatusColumn, Database, DiscussionOutcomeColumn, LevelColumn, MeetingStatus, StoredAgendaReason } from '../db/schema'

type Db = Kysely<Database>

// ---- term dates ----

export function listTermDates(db: Db, schoolId: number) {
  return db.selectFrom('term_dates').select(['id', 'name', 'starts_on', 'ends_on']).where('school_id', '=', schoolId).orderBy('starts_on').execute()
}

export async function replaceTermDates(db: Db, schoolId: number, terms: ReadonlyArray<{ name: string; starts_on: string; ends_on: string }>) {
  await db.deleteFrom('term_dates').where('school_id', '=', schoolId).execute()
  if (terms.length) await db.insertInto('term_dates').values(terms.map((t) => ({ school_id: schoolId, ...t }))).execute()
}

// ---- meetings ----

const MEETING_COLUMNS = [
  'm.id',
  'm.school_id',
  'm.meets_on',
  'm.meets_at',
  'm.location',
  'm.link_user_id',
  'm.cover_user_id',
  'm.status',
  'm.started_at',
  'm.closed_at',
  'm.created_at'
] as const

export function listMeetings(db: Db, schoolId: number) {
  return db
    .selectFrom('supervision_meetings as m')
    .leftJoin('users as l', 'l.id', 'm.link_user_id')
    .leftJoin('users as c', 'c.id', 'm.cover_user_id')
    .select([...MEETING_COLUMNS, 'l.name as link_name', 'c.name as cover_name'])
    .select((eb) => eb.selectFrom('agenda_items as a').whereRef('a.meeting_id', '=', 'm.id').select(eb.fn.countAll<number>().as('n')).as('agenda_count'))
    .where('m.school_id', '=', schoolId)
    .orderBy('m.meets_on', 'desc')
    .execute()
}

export function findMeeting(db: Db, schoolId: number, meetingId: number, opts: { lock?: boolean } = {}) {
  let q = db
    .selectFrom('supervision_meetings as m')
    .leftJoin('users as l', 'l.id', 'm.link_user_id')
    .leftJoin('users as c', 'c.id', 'm.cover_user_id')
    .select([...MEETING_COLUMNS, 'l.name as link_name', 'c.name as cover_name'])
    .where('m.school_id', '=', schoolId)
    .where('m.id', '=', meetingId)
  if (opts.lock) q = q.forUpdate('m')
  return q.executeTakeFirst()
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>

export function findMeetingOn(db: Db, schoolId: number, date: string) {
  return db.selectFrom('supervision_meetings').select('id').where('school_id', '=', schoolId).where('meets_on', '=', date).executeTakeFirst()
}

/** The meeting before a date that has begun (the "last meeting" an agenda compares with). */
export function previousMeeting(db: Db, schoolId: number, before: string) {
  return db
    .selectFrom('supervision_meetings')
    .select(['id', 'meets_on', 'status', 'started_at'])
    .where('school_id', '=', schoolId)
    .where('meets_on', '<', before)
    .where('status', '!=', 'planned')
    .orderBy('meets_on', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export function insertMeeting(
  db: Db,
  m: { schoolId: number; meetsOn: string; meetsAt: string | null; location: string | null; linkUserId: number | null; coverUserId: number | null; userId: number }
) {
  return db
    .insertInto('supervision_meetings')
    .values({
      school_id: m.schoolId,
      meets_on: m.meetsOn,
      meets_at: m.meetsAt,
      location: m.location,
      link_user_id: m.linkUserId,
      cover_user_id: m.coverUserId,
      created_by: m.userId
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function updateMeetingDetails(
  db: Db,
  schoolId: number,
  meetingId: number,
  m: { meetsOn: string; meetsAt: string | null; location: string | null; linkUserId: number | null; coverUserId: number | null }
) {
  return db
    .updateTable('supervision_meetings')
    .set({ meets_on: m.meetsOn, meets_at: m.meetsAt, location: m.location, link_user_id: m.linkUserId, cover_user_id: m.coverUserId })
    .where('school_id', '=', schoolId)
    .where('id', '=', meetingId)
    .where('status', '!=', 'closed')
    .executeTakeFirst()
}

/** Moves a meeting on from one status to the next; false when another request got there first. */
export async function advanceMeeting(db: Db, schoolId: number, meetingId: number, from: MeetingStatus, to: MeetingStatus, userId: number): Promise<boolean> {
  const set = to === 'started' ? { status: to, started_at: new Date(), started_by: userId } : { status: to, closed_at: new Date(), closed_by: userId }
  const r = await db.updateTable('supervision_meetings').set(set).where('school_id', '=', schoolId).where('id', '=', meetingId).where('status', '=', from).executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export function listAttendees(db: Db, schoolId: number, meetingId: number) {
  return db.selectFrom('meeting_attendees').select(['id', 'user_id', 'name', 'role']).where('school_id', '=', schoolId).where('meeting_id', '=', meetingId).orderBy('id').execute()
}

export async function replaceAttendees(db: Db, schoolId: number, meetingId: number, attendees: ReadonlyArray<{ userId: number | null; name: string; role: string }>) {
  await db.deleteFrom('meeting_attendees').where('school_id', '=', schoolId).where('meeting_id', '=', meetingId).execute()
  if (attendees.length) {
    await db
      .insertInto('meeting_attendees')
      .values(attendees.map((a) => ({ school_id: schoolId, meeting_id: meetingId, user_id: a.userId, name: a.name, role: a.role })))
      .execute()
  }
}

// ---- the agenda ----

export function listAgendaChanges(db: Db, schoolId: number, meetingId: number) {
  return db
    .selectFrom('agenda_changes as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.pupil_id', 'c.change', 'c.reason', 'c.at', 'u.name as user_name'])
    .where('c.school_id', '=', schoolId)
    .where('c.meeting_id', '=', meetingId)
    .orderBy('c.id')
    .execute()
}

export function insertAgendaChange(db: Db, c: { schoolId: number; meetingId: number; pupilId: number; change: 'add' | 'remove'; reason: string; userId: number }) {
  return db
    .insertInto('agenda_changes')
    .values({ school_id: c.schoolId, meeting_id: c.meetingId, pupil_id: c.pupilId, change: c.change, reason: c.reason, user_id: c.userId })
    .execute()
}

export function listAgendaItems(db: Db, schoolId: number, meetingId: number) {
  return db
    .selectFrom('agenda_items')
    .select(['pupil_id', 'position', 'reasons', 'dsl', 'snapshot'])
    .where('school_id', '=', schoolId)
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute()
}

export function insertAgendaItems(
  db: Db,
  schoolId: number,
  meetingId: number,
  items: ReadonlyArray<{ pupilId: number; reasons: StoredAgendaReason[]; dsl: boolean; snapshot: Record<string, unknown> }>
) {
  if (items.length === 0) return Promise.resolve()
  return db
    .insertInto('agenda_items')
    .values(
      items.map((item, i) => ({
        school_id: schoolId,
        meeting_id: meetingId,
        pupil_id: item.pupilId,
        position: i + 1,
        reasons: JSON.stringify(item.reasons),
        dsl: item.dsl,
        snapshot: JSON.stringify(item.snapshot)
      }))
    )
    .execute()
}

// ---- discussion records ----

export function listDiscussionEntries(db: Db, schoolId: number, opts: { meetingId?: number; pupilIds?: readonly number[] } = {}) {
  let q = db
    .selectFrom('discussion_entries as e')
    .innerJoin('supervision_meetings as m', (j) => j.onRef('m.id', '=', 'e.meeting_id').onRef('m.school_id', '=', 'e.school_id'))
    .leftJoin('users as u', 'u.id', 'e.recorded_by')
    .select([
      'e.id',
      'e.meeting_id',
      'e.pupil_id',
      'e.strengths',
      'e.concerns',
      'e.possible_reasons',
      'e.advice',
      'e.level',
      'e.outcome',
      'e.goals',
      'e.corrects_id',
      'e.correction_reason',
      'e.recorded_at',
      'u.name as recorded_by_name',
      'm.meets_on'
    ])
    .where('e.school_id', '=', schoolId)
  if (opts.meetingId !== undefined) q = q.where('e.meeting_id', '=', opts.meetingId)
  if (opts.pupilIds !== undefined) q = opts.pupilIds.length ? q.where('e.pupil_id', 'in', [...opts.pupilIds]) : q.where(sql<boolean>`false`)
  return q.orderBy('m.meets_on').orderBy('e.id').execute()
}
export type DiscussionEntryRow = Awaited<ReturnType<typeof listDiscussionEntries>>[number]

export function insertDiscussionEntry(
  db: Db,
  e: {
    schoolId: number
    meetingId: number
    pupilId: number
    strengths: string | null
    concerns: string | null
    possibleReasons: string | null
    advice: string | null
    level: LevelColumn | null
    outcome: DiscussionOutcomeColumn | null
    goals: Array<{ goal: string; score: number }>
    correctsId: string | null
    correctionReason: string | null
    userId: number
  }
) {
  return db
    .insertInto('discussion_entries')
    .values({
      school_id: e.schoolId,
      meeting_id: e.meetingId,
      pupil_id: e.pupilId,
      strengths: e.strengths,
      concerns: e.concerns,
      possible_reasons: e.possibleReasons,
      advice: e.advice,
      level: e.level,
      outcome: e.outcome,
      goals: JSON.stringify(e.goals),
      corrects_id: e.correctsId,
      correction_reason: e.correctionReason,
      recorded_by: e.userId
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

// ---- actions ----

/** Every action of the school with its latest status (an action without a review is open). */
export function listActions(db: Db, schoolId: number, opts: { pupilIds?: readonly number[]; ownerUserId?: number } = {}) {
  let q = db
    .selectFrom('supervision_actions as a')
    .innerJoin('supervision_meetings as m', (j) => j.onRef('m.id', '=', 'a.meeting_id').onRef('m.school_id', '=', 'a.school_id'))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('action_updates as u')
          .select(['u.status', 'u.note', 'u.at as updated_at', 'u.meeting_id as updated_in'])
          .whereRef('u.school_id', '=', 'a.school_id')
          .whereRef('u.action_id', '=', 'a.id')
          .orderBy('u.id', 'desc')
          .limit(1)
          .as('u'),
      (j) => j.onTrue()
    )
    .select(['a.id', 'a.meeting_id', 'a.pupil_id', 'a.description', 'a.owner_user_id', 'a.owner_name', 'a.due_on', 'a.created_at', 'm.meets_on', 'u.status', 'u.note', 'u.updated_at', 'u.updated_in'])
    .where('a.school_id', '=', schoolId)
  if (opts.pupilIds !== undefined) q = opts.pupilIds.length ? q.where('a.pupil_id', 'in', [...opts.pupilIds]) : q.where(sql<boolean>`false`)
  if (opts.ownerUserId !== undefined) q = q.where('a.owner_user_id', '=', opts.ownerUserId)
  return q.orderBy('a.due_on').orderBy('a.id').execute()
}
export type ActionRow = Awaited<ReturnType<typeof listActions>>[number]

export function actionStatus(a: { status: ActionStatusColumn | null }): ActionStatusColumn {
  return a.status ?? 'open'
}

export function insertAction(
  db: Db,
  a: { schoolId: number; meetingId: number; pupilId: number | null; description: string; ownerUserId: number | null; ownerName: string; dueOn: string | null; userId: number }
) {
  return db
    .insertInto('supervision_actions')
    .values({
      school_id: a.schoolId,
      meeting_id: a.meetingId,
      pupil_id: a.pupilId,
      description: a.description,
      owner_user_id: a.ownerUserId,
      owner_name: a.ownerName,
      due_on: a.dueOn,
      created_by: a.userId
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function findAction(db: Db, schoolId: number, actionId: number) {
  return db.selectFrom('supervision_actions').selectAll().where('school_id', '=', schoolId).where('id', '=', actionId).executeTakeFirst()
}

export function insertActionUpdate(db: Db, u: { schoolId: number; actionId: number; meetingId: number | null; status: ActionStatusColumn; note: string | null; userId: number }) {
  return db
    .insertInto('action_updates')
    .values({ school_id: u.schoolId, action_id: u.actionId, meeting_id: u.meetingId, status: u.status, note: u.note, user_id: u.userId })
    .execute()
}

// ---- what the agenda reads ----

/** Each pupil's level as it stood at a moment: the latest decision then, else the latest suggestion. */
export async function levelsAsOf(db: Db, schoolId: number, at: Date): Promise<Map<number, LevelColumn>> {
  const [suggested, decided] = await Promise.all([
    db
      .selectFrom('level_suggestions')
      .distinctOn('pupil_id')
      .select(['pupil_id', 'level'])
      .where('school_id', '=', schoolId)
      .where('suggested_at', '<=', at)
      .orderBy('pupil_id')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('level_decisions')
      .distinctOn('pupil_id')
      .select(['pupil_id', 'level'])
      .where('school_id', '=', schoolId)
      .where('decided_at', '<=', at)
      .orderBy('pupil_id')
      .orderBy('id', 'desc')
      .execute()
  ])
  const out = new Map<number, LevelColumn>(suggested.map((s) => [s.pupil_id, s.level]))
  for (const d of decided) out.set(d.pupil_id, d.level)
  return out
}

/** Each pupil's latest SDQ total difficulties by informant completed on or before a date. */
export function sdqTotalsAsOf(db: Db, schoolId: number, on: string) {
  return db
    .selectFrom('sdq_administrations')
    .distinctOn(['pupil_id', 'informant'])
    .select(['pupil_id', 'informant', 'completed_on', sql<number | null>`(scores->>'total')::int`.as('total')])
    .where('school_id', '=', schoolId)
    .where('completed_on', '<=', on)
    .orderBy('pupil_id')
    .orderBy('informant')
    .orderBy('completed_on', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/** Open safeguarding alerts per pupil (a count only: supervision never reads a disclosure's text). */
export async function pupilsWithOpenAlerts(db: Db, schoolId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('safeguarding_alerts').select('pupil_id').distinct().where('school_id', '=', schoolId).where('status', '=', 'open').execute()
  return new Set(rows.map((r) => r.pupil_id))
}

/** Each pupil's active placement and its register, oldest session first. */
export async function activePlacementRegisters(db: Db, schoolId: number): Promise<Map<number, { name: string; register: boolean[] }>> {
  const rows = await db
    .selectFrom('placements as p')
    .innerJoin('opportunities as o', (j) => j.onRef('o.id', '=', 'p.opportunity_id').onRef('o.school_id', '=', 'p.school_id'))
    .leftJoin('placement_attendance as a', (j) => j.onRef('a.placement_id', '=', 'p.id').onRef('a.school_id', '=', 'p.school_id'))
    .select(['p.pupil_id', 'p.id', 'o.name', 'a.present', 'a.held_on'])
    .where('p.school_id', '=', schoolId)
    .where('p.status', '=', 'active')
    .orderBy('p.pupil_id')
    .orderBy('p.id')
    .orderBy('a.held_on')
    .execute()
  const out = new Map<number, { name: string; register: boolean[] }>()
  for (const r of rows) {
    const entry = out.get(r.pupil_id) ?? { name: r.name, register: [] }
    if (r.present !== null) entry.register.push(r.present)
    out.set(r.pupil_id, entry)
  }
  return out
}

/** The school's users who may attend: staff and link workers, by name (a cluster officer sees figures only). */
export function listSchoolPeople(db: Db, schoolId: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'm.role', 'm.is_dsl'])
    .where('m.school_id', '=', schoolId)
    .where('m.active', '=', true)
    .where('m.role', '!=', 'cluster')
    .where('u.password_hash', 'is not', null)
    .orderBy('u.name')
    .execute()
}

export function listPupilNames(db: Db, schoolId: number) {
  return db.selectFrom('pupils').select(['id', 'surname', 'forename', 'preferred_forename', 'form']).where('school_id', '=', schoolId).execute()
}
