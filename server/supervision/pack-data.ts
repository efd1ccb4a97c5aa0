// Loads a supervision pack's data for one copy (the school's, identified; or the link team's,
// pseudonymised unless printed identified and consent is recorded) from the same loaders the pages use.
// For a date with no meeting yet it loads the planning pack: the agenda as it would be proposed now.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { levelWords } from './agenda'
import { loadAgenda, loadAgendaPupils, onAgenda, type AgendaSnapshot, type LoadedAgenda } from './agenda-data'
import type { DiscussionOutcome, PackAction, PackChange, PackCopy, PackData, PackPupil, PackSdq } from './pack-model'
import { hiddenNamesRedactor, identitiesFor, loadSupervisionRecords } from './pupil-record'
import { proposeAgenda } from './agenda'
import * as store from './store'
import type { PupilIdentity } from './link-view'

type Db = Kysely<Database>

export interface PackRequest {
  schoolId: number
  /** the meeting, or the date of one not planned yet */
  meetingId?: number
  date?: string
  copy: PackCopy
  /** the link team's copy names pupils whose consent is recorded */
  identified: boolean
  printedBy: string
  printedAt?: Date
}

const pct = (n: number | null | undefined) => (n === null || n === undefined ? null : `${n.toFixed(1)}%`)

export function sinceLastMeeting(now: AgendaSnapshot, before: AgendaSnapshot | null, openActions: number, doneSince: number): PackChange[] {
  const change = (a: number | null | undefined, b: number | null | undefined, higherIsBetter: boolean): PackChange['change'] => {
    if (a === null || a === undefined) return b === null || b === undefined ? null : 'new'
    if (b === null || b === undefined) return null
    if (a === b) return 'same'
    return b > a === higherIsBetter ? 'better' : 'worse'
  }
  const levelRank = (l: string | null | undefined) => (l ? ['thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support'].indexOf(l) : null)
  const lines: PackChange[] = [
    { label: 'Attendance', before: pct(before?.attendance), now: pct(now.attendance), change: change(before?.attendance, now.attendance, true) },
    {
      label: `SDQ total difficulties${now.sdqInformant ? ` (${now.sdqInformant === 'self' ? 'self-report' : now.sdqInformant})` : ''}`,
      before: before?.sdqTotal?.toString() ?? null,
      now: now.sdqTotal?.toString() ?? null,
      change: change(before?.sdqTotal, now.sdqTotal, false)
    },
    {
      label: 'Level',
      before: before?.level ? levelWords(before.level) : null,
      now: now.level ? levelWords(now.level) : null,
      change: change(levelRank(before?.level), levelRank(now.level), false)
    }
  ]
  if (now.placement || before?.placement) {
    const words = (p: AgendaSnapshot['placement']) => (p ? `${p.name}: ${p.attended} of ${p.sessions} sessions` : null)
    lines.push({ label: 'Opportunity', before: words(before?.placement ?? null), now: words(now.placement), change: null })
  }
  lines.push({ label: 'Actions', before: null, now: `${openActions} open${doneSince ? `, ${doneSince} done since` : ''}`, change: null })
  return lines
}

function packAction(a: store.ActionRow, labelOf: (pupilId: number | null) => string | null, onDate: string): PackAction {
  const status = store.actionStatus(a)
  return {
    pupil: labelOf(a.pupil_id),
    text: a.description,
    owner: a.owner_name,
    due: a.due_on,
    status,
    note: a.note ?? null,
    overdue: (status === 'open' || status === 'in_progress') && a.due_on !== null && a.due_on < onDate
  }
}

export interface LoadedPack {
  data: PackData
  /** the agenda's pupils, and those of them the copy names: what a share records */
  pupilIds: number[]
  identifiedPupilIds: number[]
}

/** The pack's data, or null when the meeting does not exist in this school. */
export async function loadPackData(db: Db, req: PackRequest): Promise<LoadedPack | null> {
  const school = await db.selectFrom('schools').select(['id', 'name', 'urn']).where('id', '=', req.schoolId).executeTakeFirst()
  if (!school) return null
  let agenda: LoadedAgenda | null = null
  let meeting: store.MeetingRow | null = null
  let planningDate: string | null = null
  if (req.meetingId !== undefined) {
    meeting = (await store.findMeeting(db, req.schoolId, req.meetingId)) ?? null
    if (!meeting) return null
  } else if (req.date) {
    const found = await store.findMeetingOn(db, req.schoolId, req.date)
    meeting = found ? ((await store.findMeeting(db, req.schoolId, found.id)) ?? null) : null
    if (!meeting) planningDate = req.date
  } else return null

  let items: LoadedAgenda['items']
  let previous: LoadedAgenda['previous']
  if (meeting) {
    agenda = await loadAgenda(db, req.schoolId, meeting)
    items = agenda.items.filter(onAgenda)
    previous = agenda.previous
  } else {
    const loaded = await loadAgendaPupils(db, req.schoolId, planningDate!, null)
    previous = loaded.previous
    items = proposeAgenda([...loaded.pupils.values()].map((p) => p.facts), [], planningDate!, previous?.meets_on ?? null)
      .filter(onAgenda)
      .map((p) => ({ ...p, pupil: loaded.pupils.get(p.pupilId)! }))
  }
  const onDate = meeting?.meets_on ?? planningDate!

  const [allActions, prevEntries, attendees] = await Promise.all([
    store.listActions(db, req.schoolId),
    previous ? store.listDiscussionEntries(db, req.schoolId, { meetingId: previous.id }) : Promise.resolve([]),
    meeting ? store.listAttendees(db, req.schoolId, meeting.id) : Promise.resolve([])
  ])
  const reviewActions = allActions.filter((a) => a.meets_on < onDate && (store.actionStatus(a) === 'open' || store.actionStatus(a) === 'in_progress' || a.updated_in === meeting?.id))
  const recapPupils = [...new Set(prevEntries.map((e) => e.pupil_id))]
  const pupilIds = items.map((i) => i.pupilId)
  const everyone = [...new Set([...pupilIds, ...recapPupils, ...reviewActions.flatMap((a) => (a.pupil_id === null ? [] : [a.pupil_id]))])]
  const viewer = req.copy === 'school' ? ({ role: 'lead', userId: 0 } as const) : req.identified ? 'link-copy-identified' : 'link-copy'
  const identities: Map<number, PupilIdentity> = await identitiesFor(db, req.schoolId, viewer, everyone, onDate)
  const labelOf = (id: number | null) => (id === null ? null : (identities.get(id)?.label ?? null))
  const records = await loadSupervisionRecords(db, req.schoolId, pupilIds, identities)

  const pupils: PackPupil[] = items.map((item) => {
    const record = records.get(item.pupilId)!
    const identity = record.identity
    const entries = record.entries.filter((e) => e.meets_on < onDate || e.meeting_id === meeting?.id)
    const last = entries.at(-1) ?? null
    const openActions = record.actions.filter((a) => ['open', 'in_progress'].includes(store.actionStatus(a))).length
    const doneSince = record.actions.filter((a) => store.actionStatus(a) === 'done' && previous && a.updated_at && a.updated_at.toISOString().slice(0, 10) > previous.meets_on).length
    const goals = new Map<string, Array<{ date: string; score: number }>>()
    const latestPerMeeting = new Map<number, store.DiscussionEntryRow>()
    for (const e of entries) latestPerMeeting.set(e.meeting_id, e)
    for (const e of latestPerMeeting.values()) for (const g of e.goals) goals.set(g.goal, [...(goals.get(g.goal) ?? []), { date: e.meets_on, score: g.score }])
    // the link team's copy of a DSL item carries nothing but the pupil's label: the DSL updates in person
    if (req.copy === 'link' && item.dsl) {
      return {
        label: identity.label,
        identified: identity.identified,
        yearGroup: identity.yearGroup,
        form: identity.form,
        agendaReasons: item.reasons.filter((r) => r.code === 'DSL_FOLLOW_UP').map((r) => r.text),
        dslItem: true,
        level: null,
        screeningReasons: [],
        sdq: [],
        attendance: { percent: null, period: null, baseline: null },
        ks2: { reading: null, maths: null, gps: null, writing: null },
        letter: null,
        opportunity: null,
        sinceLast: [],
        lastDiscussion: null,
        actions: [],
        goals: []
      }
    }
    return {
      label: identity.label,
      identified: identity.identified,
      yearGroup: identity.yearGroup,
      form: identity.form,
      agendaReasons: item.reasons.map((r) => r.text),
      dslItem: item.dsl,
      level: item.pupil.now.level,
      screeningReasons: record.reasons,
      sdq: record.sdq.map(
        (s): PackSdq => ({
          informant: s.informant,
          administeredOn: s.completed_on,
          scores: s.scores as PackSdq['scores'],
          bands: s.bands as PackSdq['bands']
        })
      ),
      attendance: { percent: record.attendance.percent, period: record.attendance.period, baseline: item.pupil.before?.attendance ?? null },
      ks2: record.ks2,
      letter: record.letter,
      opportunity: record.opportunity,
      sinceLast: sinceLastMeeting(item.pupil.now, item.pupil.before, openActions, doneSince),
      lastDiscussion: last
        ? { date: last.meets_on, strengths: last.strengths, concerns: last.concerns, reasons: last.possible_reasons, advice: last.advice, outcome: last.outcome as DiscussionOutcome | null }
        : null,
      actions: record.actions.map((a) => packAction(a, labelOf, onDate)),
      goals: [...goals].map(([goal, ratings]) => ({ goal, ratings }))
    }
  })

  const latestPrev = new Map<number, store.DiscussionEntryRow>()
  for (const e of prevEntries) latestPrev.set(e.pupil_id, e)
  const data: PackData = {
    copy: req.copy,
    school: { name: school.name, urn: school.urn },
    meeting: {
      date: onDate,
      time: meeting?.meets_at ?? null,
      location: meeting?.location ?? null,
      status: meeting ? meeting.status : 'planning',
      linkWorker: meeting?.link_name ?? null,
      cover: meeting?.cover_name ?? null
    },
    attendees: attendees.map((a) => ({ name: a.name, role: a.role })),
    recap: previous
      ? {
          date: previous.meets_on,
          items: [...latestPrev.values()].map((e) => ({
            pupil: labelOf(e.pupil_id) ?? '',
            advice: e.advice,
            actions: allActions.filter((a) => a.meeting_id === previous!.id && a.pupil_id === e.pupil_id).map((a) => ({ text: a.description, owner: a.owner_name, due: a.due_on }))
          }))
        }
      : null,
    actionReview: reviewActions.map((a) => packAction(a, labelOf, onDate)),
    pupils,
    tracker: allActions
      .filter((a) => (a.pupil_id !== null && pupilIds.includes(a.pupil_id)) || (a.pupil_id === null && a.meeting_id === meeting?.id))
      .map((a) => packAction(a, labelOf, onDate)),
    printedBy: req.printedBy,
    printedAt: req.printedAt ?? new Date()
  }
  return { data: req.copy === 'link' ? redactPack(data, await hiddenNamesRedactor(db, req.schoolId, identities)) : data, pupilIds, identifiedPupilIds: pupilIds.filter((id) => identities.get(id)?.identified) }
}

/** The link team's copy: staff's free text with the names of pupils not shown by name replaced. */
function redactPack(data: PackData, r: (text: string | null) => string | null): PackData {
  const action = (a: PackAction): PackAction => ({ ...a, text: r(a.text) ?? '', note: r(a.note) })
  return {
    ...data,
    recap: data.recap && { ...data.recap, items: data.recap.items.map((i) => ({ ...i, advice: r(i.advice), actions: i.actions.map((a) => ({ ...a, text: r(a.text) ?? '' })) })) },
    actionReview: data.actionReview.map(action),
    tracker: data.tracker.map(action),
    pupils: data.pupils.map((p) => ({
      ...p,
      actions: p.actions.map(action),
      goals: p.goals.map((g) => ({ ...g, goal: r(g.goal) ?? '' })),
      lastDiscussion: p.lastDiscussion && {
        ...p.lastDiscussion,
        strengths: r(p.lastDiscussion.strengths),
        concerns: r(p.lastDiscussion.concerns),
        reasons: r(p.lastDiscussion.reasons),
        advice: r(p.lastDiscussion.advice)
      }
    }))
  }
}
