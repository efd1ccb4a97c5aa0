// Gathers what the agenda decides on: each pupil's screening now, what was known at the last meeting
// (that meeting's fixed snapshot where the pupil was on it, else the records as they stood then),
// actions, alerts (a count only) and registers. A started meeting's agenda is read as it was fixed.
import type { Kysely } from 'kysely'
import type { Database, LevelColumn, StoredAgendaReason } from '../db/schema'
import type { Level } from '../screening/rules'
import { loadScreenRows, type ScreenRow } from '../screening/screen-rows'
import { displayName } from '../pupils/names'
import { attendanceAsOf } from '../pupils/store'
import { attendancePercent } from '../screening/rules'
import { proposeAgenda, type AgendaPupilFacts, type ProposedItem } from './agenda'
import * as store from './store'

type Db = Kysely<Database>

/** What an agenda item remembers of the pupil when the meeting started. */
export interface AgendaSnapshot {
  level: LevelColumn | null
  attendance: number | null
  sdqTotal: number | null
  sdqInformant: string | null
  sdqOn: string | null
  placement: { name: string; sessions: number; attended: number } | null
  openActions: number
}

export interface AgendaPupil {
  pupilId: number
  name: { surname: string; forename: string; preferred_forename: string | null; form: string | null }
  row: ScreenRow
  facts: AgendaPupilFacts
  now: AgendaSnapshot
  before: AgendaSnapshot | null
}

export interface LoadedAgenda {
  meeting: store.MeetingRow
  previous: { id: number; meets_on: string } | null
  /** in agenda order; removed items only while the meeting is planned */
  items: Array<{ pupilId: number; reasons: StoredAgendaReason[]; dsl: boolean; removed: { reason: string } | null; waiting: boolean; pupil: AgendaPupil }>
  /** every pupil of the school, for the lead's "add a pupil" list */
  pupils: Map<number, AgendaPupil>
}

const INFORMANT_ORDER = ['self', 'parent', 'teacher'] as const

function sdqNow(row: ScreenRow): { total: number | null; informant: string | null } {
  for (const informant of INFORMANT_ORDER) {
    const s = row.sdq[informant]
    if (s && s.total !== null) return { total: s.total, informant }
  }
  return { total: null, informant: null }
}

function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59.999Z`)
}

/** Each pupil's facts for the agenda of a meeting on `meetsOn`. */
export async function loadAgendaPupils(db: Db, schoolId: number, meetsOn: string, excludeMeetingId: number | null): Promise<{ pupils: Map<number, AgendaPupil>; previous: { id: number; meets_on: string } | null }> {
  const previous = (await store.previousMeeting(db, schoolId, meetsOn)) ?? null
  const prevAt = previous ? (previous.started_at ?? endOfDay(previous.meets_on)) : null
  const [screen, names, actions, alerts, registers, entries, prevItems, levelsThen, sdqThen, attendanceThen] = await Promise.all([
    loadScreenRows(db, schoolId),
    store.listPupilNames(db, schoolId),
    store.listActions(db, schoolId),
    store.pupilsWithOpenAlerts(db, schoolId),
    store.activePlacementRegisters(db, schoolId),
    store.listDiscussionEntries(db, schoolId),
    previous ? store.listAgendaItems(db, schoolId, previous.id) : Promise.resolve([]),
    prevAt ? store.levelsAsOf(db, schoolId, prevAt) : Promise.resolve(new Map<number, LevelColumn>()),
    previous ? store.sdqTotalsAsOf(db, schoolId, previous.meets_on) : Promise.resolve([]),
    prevAt ? attendanceAsOf(db, schoolId, prevAt) : Promise.resolve([])
  ])
  const attendanceThenBy = new Map(attendanceThen.map((a) => [a.pupil_id, attendancePercent({ possible: a.possible, absent: a.absent })]))
  const prevSnapshot = new Map(prevItems.map((i) => [i.pupil_id, i.snapshot as unknown as AgendaSnapshot]))
  const discussedAtPrev = new Set(entries.filter((e) => previous && e.meeting_id === previous.id).map((e) => e.pupil_id))
  // the last outcome recorded for each pupil: "passed to the DSL" stays a DSL item until the DSL closes it
  const lastDiscussed = new Map<number, string>()
  const lastOutcome = new Map<number, string | null>()
  for (const e of entries) {
    if (e.meeting_id === excludeMeetingId || e.meets_on >= meetsOn) continue
    lastDiscussed.set(e.pupil_id, e.meets_on)
    lastOutcome.set(e.pupil_id, e.outcome)
  }
  const sdqThenBy = new Map<string, number | null>()
  for (const s of sdqThen) sdqThenBy.set(`${s.pupil_id}:${s.informant}`, s.total)
  const today = new Date().toISOString().slice(0, 10)
  const openActions = new Map<number, { open: number; overdue: number }>()
  for (const a of actions) {
    if (a.pupil_id === null) continue
    const status = store.actionStatus(a)
    if (status === 'done' || status === 'dropped') continue
    const n = openActions.get(a.pupil_id) ?? { open: 0, overdue: 0 }
    n.open++
    if (a.due_on !== null && a.due_on < (meetsOn < today ? meetsOn : today)) n.overdue++
    openActions.set(a.pupil_id, n)
  }

  const nameOf = new Map(names.map((n) => [n.id, n]))
  const pupils = new Map<number, AgendaPupil>()
  screen.rows.forEach((row, i) => {
    const pupilId = screen.pupilIds[i]!
    const name = nameOf.get(pupilId) ?? { surname: row.surname, forename: row.forename, preferred_forename: null, form: row.form }
    const sdq = sdqNow(row)
    const register = registers.get(pupilId)
    const placement = register ? { name: register.name, sessions: register.register.length, attended: register.register.filter(Boolean).length } : null
    const falling = register && register.register.length >= 3 && register.register.slice(-3).filter(Boolean).length <= 1 ? register.name : null
    const acts = openActions.get(pupilId) ?? { open: 0, overdue: 0 }
    const now: AgendaSnapshot = {
      level: row.level,
      attendance: row.attendance_pct,
      sdqTotal: sdq.total,
      sdqInformant: sdq.informant,
      sdqOn: null,
      placement,
      openActions: acts.open
    }
    let before: AgendaSnapshot | null = prevSnapshot.get(pupilId) ?? null
    if (!before && previous) {
      before = {
        level: levelsThen.get(pupilId) ?? null,
        attendance: attendanceThenBy.get(pupilId) ?? null,
        sdqTotal: sdq.informant ? (sdqThenBy.get(`${pupilId}:${sdq.informant}`) ?? null) : null,
        sdqInformant: sdq.informant,
        sdqOn: null,
        placement: null,
        openActions: 0
      }
    }
    const facts: AgendaPupilFacts = {
      pupilId,
      sortName: displayName(name),
      level: row.level as Level | null,
      levelAtLast: (before?.level ?? null) as Level | null,
      hidden: row.hidden,
      safeguardingOpen: alerts.has(pupilId) || lastOutcome.get(pupilId) === 'dsl',
      openActions: acts.open,
      overdueActions: acts.overdue,
      attendanceNow: now.attendance,
      attendanceAtLast: before?.attendance ?? null,
      sdqTotalNow: now.sdqTotal,
      sdqTotalAtLast: before?.sdqInformant === now.sdqInformant ? (before?.sdqTotal ?? null) : null,
      placementFalling: falling,
      carriedOver: prevSnapshot.has(pupilId) && !discussedAtPrev.has(pupilId),
      lastDiscussedOn: lastDiscussed.get(pupilId) ?? null
    }
    pupils.set(pupilId, { pupilId, name, row, facts, now, before })
  })
  return { pupils, previous: previous ? { id: previous.id, meets_on: previous.meets_on } : null }
}

/** The meeting's agenda: as fixed when it started, or proposed now (with the lead's changes). */
export const onAgenda = (i: { removed: unknown; waiting: boolean }) => i.removed === null && !i.waiting

export async function loadAgenda(db: Db, schoolId: number, meeting: store.MeetingRow): Promise<LoadedAgenda> {
  const { pupils, previous } = await loadAgendaPupils(db, schoolId, meeting.meets_on, meeting.id)
  if (meeting.status !== 'planned') {
    const fixed = await store.listAgendaItems(db, schoolId, meeting.id)
    const items = fixed.flatMap((i) => {
      const pupil = pupils.get(i.pupil_id)
      if (!pupil) return []
      // what the meeting discussed is what was known when it started
      const snapshot = i.snapshot as unknown as AgendaSnapshot
      return [{ pupilId: i.pupil_id, reasons: i.reasons, dsl: i.dsl, removed: null, waiting: false, pupil: { ...pupil, now: snapshot } }]
    })
    return { meeting, previous, items, pupils }
  }
  const changes = await store.listAgendaChanges(db, schoolId, meeting.id)
  const proposed: ProposedItem[] = proposeAgenda(
    [...pupils.values()].map((p) => p.facts),
    changes.map((c) => ({ pupilId: c.pupil_id, change: c.change, reason: c.reason })),
    meeting.meets_on,
    previous?.meets_on ?? null
  )
  return { meeting, previous, items: proposed.map((p) => ({ ...p, pupil: pupils.get(p.pupilId)! })), pupils }
}
