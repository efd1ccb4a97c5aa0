// Supervision's writes, each one transaction with its audit row: planning a meeting, the lead's agenda
// changes, starting (which fixes the agenda and what was known), the record of each discussion,
// actions and their reviews, and closing. After a meeting closes its records only take corrections.
import type { Kysely } from 'kysely'
import type { ActionStatusColumn, Database, DiscussionOutcomeColumn, LevelColumn, Role } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { loadAgenda, onAgenda } from './agenda-data'
import type { HalfTerm } from './terms'
import * as store from './store'

type Db = Kysely<Database>
export interface Actor {
  schoolId: number
  userId: number
  role: Role
  ip?: string | null
}

export interface MeetingInput {
  meetsOn: string
  meetsAt: string | null
  location: string | null
  linkUserId: number | null
  coverUserId: number | null
  attendees: Array<{ userId: number | null; name: string; role: string }>
}

function audit(trx: Db, by: Actor, action: string, subjectId: number, detail: Record<string, unknown> = {}) {
  return recordAudit(trx, { action, userId: by.userId, schoolId: by.schoolId, subjectType: 'supervision_meeting', subjectId, ip: by.ip ?? null, detail })
}

async function checkPeople(trx: Db, schoolId: number, input: MeetingInput) {
  const people = new Map((await store.listSchoolPeople(trx, schoolId)).map((p) => [p.id, p]))
  for (const id of [input.linkUserId, input.coverUserId, ...input.attendees.map((a) => a.userId)]) {
    if (id !== null && !people.has(id)) throw new ConflictError('Choose people from this school’s staff and link workers.')
  }
  if (input.linkUserId !== null && people.get(input.linkUserId)!.role !== 'link') throw new ConflictError('The named link worker must have the link worker role in this school.')
}

export async function saveTermDates(db: Db, by: Actor, terms: readonly HalfTerm[]) {
  await db.transaction().execute(async (trx) => {
    await store.replaceTermDates(trx, by.schoolId, terms)
    await recordAudit(trx, { action: 'term_dates_saved', userId: by.userId, schoolId: by.schoolId, subjectType: 'school', subjectId: by.schoolId, ip: by.ip ?? null, detail: { terms: terms.length } })
  })
}

export async function planMeeting(db: Db, by: Actor, input: MeetingInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await checkPeople(trx, by.schoolId, input)
    if (await store.findMeetingOn(trx, by.schoolId, input.meetsOn)) throw new ConflictError('There is already a meeting on that date. Open it from the supervision page.')
    const { id } = await store.insertMeeting(trx, { schoolId: by.schoolId, userId: by.userId, ...input })
    await store.replaceAttendees(trx, by.schoolId, id, input.attendees)
    await audit(trx, by, 'meeting_planned', id, { meets_on: input.meetsOn })
    return id
  })
}

export async function updateMeeting(db: Db, by: Actor, meetingId: number, input: MeetingInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const meeting = await store.findMeeting(trx, by.schoolId, meetingId, { lock: true })
    if (!meeting) throw new NotFoundError()
    if (meeting.status === 'closed') throw new ConflictError('This meeting is closed: its details are part of the record.')
    await checkPeople(trx, by.schoolId, input)
    const clash = await store.findMeetingOn(trx, by.schoolId, input.meetsOn)
    if (clash && clash.id !== meetingId) throw new ConflictError('There is already a meeting on that date.')
    if (meeting.status !== 'planned' && input.meetsOn !== meeting.meets_on) throw new ConflictError('The meeting has started, so its date stays as it was.')
    await store.updateMeetingDetails(trx, by.schoolId, meetingId, input)
    await store.replaceAttendees(trx, by.schoolId, meetingId, input.attendees)
    await audit(trx, by, 'meeting_updated', meetingId)
  })
}

/** The lead adds a pupil to a planned agenda, or removes one, with a reason. */
export async function changeAgenda(db: Db, by: Actor, meetingId: number, pupilId: number, change: 'add' | 'remove', reason: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const meeting = await store.findMeeting(trx, by.schoolId, meetingId, { lock: true })
    if (!meeting) throw new NotFoundError()
    if (meeting.status !== 'planned') throw new ConflictError('The agenda was fixed when the meeting started.')
    const pupil = await trx.selectFrom('pupils').select('id').where('school_id', '=', by.schoolId).where('id', '=', pupilId).executeTakeFirst()
    if (!pupil) throw new NotFoundError()
    await store.insertAgendaChange(trx, { schoolId: by.schoolId, meetingId, pupilId, change, reason, userId: by.userId })
    await audit(trx, by, change === 'add' ? 'agenda_pupil_added' : 'agenda_pupil_removed', meetingId, { pupil_id: pupilId })
  })
}

/** Starts the meeting: the agenda and what was known of each pupil are fixed from now on. */
export async function startMeeting(db: Db, by: Actor, meetingId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const meeting = await store.findMeeting(trx, by.schoolId, meetingId, { lock: true })
    if (!meeting) throw new NotFoundError()
    if (meeting.status !== 'planned') throw new ConflictError('This meeting has already started.')
    const agenda = await loadAgenda(trx, by.schoolId, meeting)
    const items = agenda.items.filter(onAgenda)
    await store.insertAgendaItems(
      trx,
      by.schoolId,
      meetingId,
      items.map((i) => ({ pupilId: i.pupilId, reasons: i.reasons, dsl: i.dsl, snapshot: { ...i.pupil.now } }))
    )
    if (!(await store.advanceMeeting(trx, by.schoolId, meetingId, 'planned', 'started', by.userId))) throw new ConflictError('This meeting has already started.')
    await audit(trx, by, 'meeting_started', meetingId, { pupils: items.length, pupil_ids: items.map((i) => i.pupilId) })
  })
}

export async function closeMeeting(db: Db, by: Actor, meetingId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await store.advanceMeeting(trx, by.schoolId, meetingId, 'started', 'closed', by.userId))) {
      throw new ConflictError('Only a meeting in progress can be closed.')
    }
    await audit(trx, by, 'meeting_closed', meetingId)
  })
}

export interface DiscussionInput {
  strengths: string | null
  concerns: string | null
  possibleReasons: string | null
  advice: string | null
  level: LevelColumn | null
  outcome: DiscussionOutcomeColumn | null
  goals: Array<{ goal: string; score: number }>
  correctionReason: string | null
}

/**
 * Saves the record of a pupil's discussion as a new entry. While the meeting runs the latest entry is
 * the record; once it has closed, an entry is a correction and says why. A link worker records advice
 * only: the rest of the record is carried from the latest entry.
 */
export async function recordDiscussion(db: Db, by: Actor, meetingId: number, pupilId: number, input: DiscussionInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const meeting = await store.findMeeting(trx, by.schoolId, meetingId, { lock: true })
    if (!meeting) throw new NotFoundError()
    if (meeting.status === 'planned') throw new ConflictError('Start the meeting before recording its discussions: the agenda is fixed then.')
    const onAgenda = (await store.listAgendaItems(trx, by.schoolId, meetingId)).some((i) => i.pupil_id === pupilId)
    if (!onAgenda) throw new NotFoundError()
    const previous = (await store.listDiscussionEntries(trx, by.schoolId, { meetingId, pupilIds: [pupilId] })).at(-1) ?? null
    if (meeting.status === 'closed' && !input.correctionReason?.trim()) throw new ConflictError('This meeting is closed: say what the correction puts right.')
    const link = by.role === 'link'
    const entry = {
      strengths: link ? (previous?.strengths ?? null) : input.strengths,
      concerns: link ? (previous?.concerns ?? null) : input.concerns,
      possibleReasons: link ? (previous?.possible_reasons ?? null) : input.possibleReasons,
      advice: input.advice,
      level: link ? (previous?.level ?? null) : input.level,
      outcome: link ? (previous?.outcome ?? null) : input.outcome,
      goals: link ? (previous?.goals ?? []) : input.goals
    }
    const { id } = await store.insertDiscussionEntry(trx, {
      schoolId: by.schoolId,
      meetingId,
      pupilId,
      ...entry,
      correctsId: meeting.status === 'closed' ? (previous?.id ?? null) : null,
      correctionReason: meeting.status === 'closed' ? input.correctionReason!.trim() : null,
      userId: by.userId
    })
    await audit(trx, by, meeting.status === 'closed' ? 'discussion_corrected' : 'discussion_recorded', meetingId, { pupil_id: pupilId, entry_id: id })
  })
}

export interface ActionInput {
  pupilId: number | null
  description: string
  ownerUserId: number | null
  ownerName: string | null
  dueOn: string | null
}

export async function addAction(db: Db, by: Actor, meetingId: number, input: ActionInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const meeting = await store.findMeeting(trx, by.schoolId, meetingId, { lock: true })
    if (!meeting) throw new NotFoundError()
    if (meeting.status !== 'started') throw new ConflictError(meeting.status === 'planned' ? 'Start the meeting before agreeing actions.' : 'This meeting is closed: agree new actions at the next one.')
    if (input.pupilId !== null && !(await store.listAgendaItems(trx, by.schoolId, meetingId)).some((i) => i.pupil_id === input.pupilId)) throw new NotFoundError()
    let ownerName = input.ownerName?.trim() || null
    if (input.ownerUserId !== null) {
      const owner = (await store.listSchoolPeople(trx, by.schoolId)).find((p) => p.id === input.ownerUserId)
      if (!owner) throw new ConflictError('Choose an owner from this school’s staff and link workers, or type a name.')
      ownerName = owner.name
    }
    if (!ownerName) throw new ConflictError('Say who owns the action.')
    const { id } = await store.insertAction(trx, { schoolId: by.schoolId, meetingId, userId: by.userId, ...input, ownerName })
    await audit(trx, by, 'action_agreed', meetingId, { action_id: id, pupil_id: input.pupilId })
    return id
  })
}

/** Reviews an action: done, in progress, dropped (with a note), or reopened. */
export async function reviewAction(db: Db, by: Actor, actionId: number, meetingId: number | null, status: ActionStatusColumn, note: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const action = await store.findAction(trx, by.schoolId, actionId)
    if (!action) throw new NotFoundError()
    if (by.role === 'link' && action.owner_user_id !== by.userId) throw new ForbiddenError('Link workers review the actions they own. Ask the lead to update this one.')
    if (status === 'dropped' && !note?.trim()) throw new ConflictError('Say why the action is dropped.')
    await store.insertActionUpdate(trx, { schoolId: by.schoolId, actionId, meetingId, status, note: note?.trim() || null, userId: by.userId })
    await audit(trx, by, 'action_reviewed', action.meeting_id, { action_id: actionId, status })
  })
}
