// The proposed supervision agenda: which pupils to discuss, in priority order, each with the reasons
// it is there. Pure: the loader gathers what is known now and at the last meeting; this decides.

import { LEVELS, type Level } from '../screening/rules'
import { daysBetween } from './terms'

/** Why a pupil is on the agenda, highest priority first. The order is the agenda's order. */
export const AGENDA_REASONS = [
  'DSL_FOLLOW_UP',
  'NEWLY_GETTING_HELP',
  'HIDDEN',
  'OPEN_ACTIONS',
  'WORSENED',
  'PLACEMENT_FALLING',
  'CARRIED_OVER',
  'NOT_DISCUSSED',
  'ADDED'
] as const
export type AgendaReasonCode = (typeof AGENDA_REASONS)[number]

/** Attendance that fell by this many percentage points or more since the last meeting counts as worse. */
export const ATTENDANCE_WORSE_POINTS = 2
/** An SDQ total difficulties score that rose by this much or more counts as worse. */
export const SDQ_WORSE_POINTS = 3
/** Pupils at Getting Help or above come back after this many days without discussion. */
export const NOT_DISCUSSED_DAYS = 42
/**
 * The places on one meeting's agenda: an hour's consultation discusses about this many pupils. The rest
 * of the proposal waits, in order, for the next meeting unless the lead adds them; DSL follow-ups and the
 * lead's own additions always have a place.
 */
export const AGENDA_PLACES = 12

export interface AgendaReason {
  code: AgendaReasonCode
  text: string
}

export interface AgendaPupilFacts {
  pupilId: number
  /** for a stable order among equals: the name as staff sort it */
  sortName: string
  level: Level | null
  /** the level known at the last meeting (null: not known then, or no last meeting) */
  levelAtLast: Level | null
  hidden: boolean
  /** an open safeguarding alert, or a record passed to the DSL and not yet closed */
  safeguardingOpen: boolean
  openActions: number
  overdueActions: number
  attendanceNow: number | null
  attendanceAtLast: number | null
  sdqTotalNow: number | null
  sdqTotalAtLast: number | null
  /** an active placement whose register shows two of the last three sessions missed */
  placementFalling: string | null
  /** on the last meeting's agenda but no discussion was recorded */
  carriedOver: boolean
  /** YYYY-MM-DD of the last meeting the pupil was discussed at */
  lastDiscussedOn: string | null
}

export interface AgendaChange {
  pupilId: number
  change: 'add' | 'remove'
  reason: string
}

export interface ProposedItem {
  pupilId: number
  reasons: AgendaReason[]
  dsl: boolean
  /** removed by the lead before the meeting (kept so the page can show it and put it back) */
  removed: { reason: string } | null
  /** proposed but beyond the meeting's places: waits for the next meeting unless the lead adds it */
  waiting: boolean
}

const rank = (level: Level | null) => (level === null ? -1 : LEVELS.indexOf(level))
const GETTING_HELP = LEVELS.indexOf('getting_help')
const LEVEL_WORDS: Record<Level, string> = {
  thriving: 'Thriving',
  getting_advice: 'Getting Advice',
  getting_help: 'Getting Help',
  getting_more_help: 'Getting More Help',
  getting_risk_support: 'Getting Risk Support'
}
export function levelWords(level: Level): string {
  return LEVEL_WORDS[level]
}
const one = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const points = (n: number) => (Math.round(n * 10) / 10).toString()

/** Every reason the facts give for discussing a pupil, highest priority first. */
export function agendaReasons(f: AgendaPupilFacts, meetingOn: string, lastMeetingOn: string | null): AgendaReason[] {
  const reasons: AgendaReason[] = []
  if (f.safeguardingOpen) reasons.push({ code: 'DSL_FOLLOW_UP', text: 'Safeguarding follow-up: the DSL will update' })
  // "newly" needs a last meeting to be new since; at the first meeting "not yet discussed" says it
  const newly = lastMeetingOn !== null && rank(f.level) >= GETTING_HELP && rank(f.levelAtLast) < GETTING_HELP
  if (newly) reasons.push({ code: 'NEWLY_GETTING_HELP', text: `Newly at ${levelWords(f.level!)} since the last meeting` })
  if (f.hidden) reasons.push({ code: 'HIDDEN', text: 'Hidden: the letter raises concern the data do not show' })
  if (f.openActions > 0) {
    reasons.push({ code: 'OPEN_ACTIONS', text: `${one(f.openActions, 'open action')}${f.overdueActions > 0 ? `, ${f.overdueActions} overdue` : ''}` })
  }
  const worse: string[] = []
  if (f.attendanceNow !== null && f.attendanceAtLast !== null && f.attendanceAtLast - f.attendanceNow >= ATTENDANCE_WORSE_POINTS) {
    worse.push(`attendance down ${points(f.attendanceAtLast - f.attendanceNow)} points`)
  }
  if (f.sdqTotalNow !== null && f.sdqTotalAtLast !== null && f.sdqTotalNow - f.sdqTotalAtLast >= SDQ_WORSE_POINTS) {
    worse.push(`SDQ total difficulties up ${f.sdqTotalNow - f.sdqTotalAtLast}`)
  }
  if (f.levelAtLast !== null && rank(f.level) > rank(f.levelAtLast)) worse.push(`level up from ${levelWords(f.levelAtLast)}`)
  if (worse.length > 0) reasons.push({ code: 'WORSENED', text: `Worse since the last meeting: ${worse.join('; ')}` })
  if (f.placementFalling) reasons.push({ code: 'PLACEMENT_FALLING', text: `Missed two of the last three sessions of ${f.placementFalling}` })
  if (f.carriedOver) reasons.push({ code: 'CARRIED_OVER', text: 'Carried over: not discussed at the last meeting' })
  if (rank(f.level) >= GETTING_HELP) {
    if (f.lastDiscussedOn === null) {
      if (!newly) reasons.push({ code: 'NOT_DISCUSSED', text: `At ${levelWords(f.level!)} and not yet discussed` })
    }
    else if (daysBetween(f.lastDiscussedOn, meetingOn) >= NOT_DISCUSSED_DAYS) {
      reasons.push({ code: 'NOT_DISCUSSED', text: `At ${levelWords(f.level!)} and not discussed for ${Math.floor(daysBetween(f.lastDiscussedOn, meetingOn) / 7)} weeks` })
    }
  }
  return reasons
}

/**
 * The agenda: every pupil with a reason, plus the lead's additions, in order of their highest reason,
 * then the higher level, then name. The lead's latest change per pupil wins: a removal keeps the item
 * (marked removed, with its reason) so it can be put back; an addition carries the lead's reason.
 */
export function proposeAgenda(
  facts: readonly AgendaPupilFacts[],
  changes: readonly AgendaChange[],
  meetingOn: string,
  lastMeetingOn: string | null
): ProposedItem[] {
  const latest = new Map<number, AgendaChange>()
  for (const c of changes) latest.set(c.pupilId, c)
  const items: Array<ProposedItem & { facts: AgendaPupilFacts }> = []
  for (const f of facts) {
    const reasons = agendaReasons(f, meetingOn, lastMeetingOn)
    const change = latest.get(f.pupilId)
    if (change?.change === 'add') reasons.push({ code: 'ADDED', text: `Added by the lead: ${change.reason}` })
    if (reasons.length === 0) continue
    items.push({
      pupilId: f.pupilId,
      reasons,
      dsl: reasons.some((r) => r.code === 'DSL_FOLLOW_UP'),
      removed: change?.change === 'remove' ? { reason: change.reason } : null,
      waiting: false,
      facts: f
    })
  }
  const priority = (item: ProposedItem) => AGENDA_REASONS.indexOf(item.reasons[0]!.code)
  items.sort((a, b) => priority(a) - priority(b) || rank(b.facts.level) - rank(a.facts.level) || a.facts.sortName.localeCompare(b.facts.sortName, 'en-GB') || a.pupilId - b.pupilId)
  let places = AGENDA_PLACES - items.filter((i) => !i.removed && (i.dsl || i.reasons.some((r) => r.code === 'ADDED'))).length
  for (const item of items) {
    if (item.removed || item.dsl || item.reasons.some((r) => r.code === 'ADDED')) continue
    if (places > 0) places--
    else item.waiting = true
  }
  return items.map(({ facts: _facts, ...item }) => item)
}
