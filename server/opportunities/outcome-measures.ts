// The measures the outcomes page compares from each pupil's transition baseline to their latest
// figure: SDQ total difficulties (one informant, self-report first), school attendance (the first and
// the latest imported figure) and, for groups only, SDQ added value on parent reports. Pure: plain
// rows in, plain numbers out.
import { attendancePercent } from '../screening/rules'
import { ADDED_VALUE_INFORMANT, ADDED_VALUE_MIN_GROUP, type AddedValueBaseline } from '../sdq/added-value'

/** Lantern's choice: attendance that moved by at least this many percentage points counts as improved
 * or worsened (about two sessions in a 190-session half year); smaller moves count as no change. */
export const ATTENDANCE_CHANGE_POINTS = 1
/** Lantern's choice: a fall of at least this many percentage points since transition puts a pupil on
 * the watch list (one session in twenty more missed). */
export const ATTENDANCE_WATCH_FALL = 5

/** Lantern's choice: an SDQ total difficulties rise of at least this many points since transition puts
 * a pupil on the watch list (a rise of one or two is within what the same child scores week to week). */
export const SDQ_WATCH_RISE = 3
/** A group's SDQ change is shown only over this many pupils, as added value is: fewer is one child's. */
export const SDQ_GROUP_MIN = ADDED_VALUE_MIN_GROUP

const INFORMANT_ORDER = ['self', 'parent', 'teacher'] as const

interface SdqRow { pupil_id: number; informant: string; scores: unknown }
type Scores = Record<string, number | null | undefined>

/** Each pupil's change in SDQ total difficulties from first to latest, by one informant (self first).
 * Rows in date order. */
export function sdqChanges(sdq: readonly SdqRow[]): Map<number, number> {
  const series = new Map<string, number[]>()
  for (const s of sdq) {
    const total = (s.scores as Scores).total
    if (typeof total !== 'number') continue
    const key = `${s.pupil_id}:${s.informant}`
    series.set(key, [...(series.get(key) ?? []), total])
  }
  const changes = new Map<number, number>()
  for (const pupilId of new Set(sdq.map((s) => s.pupil_id))) {
    for (const informant of INFORMANT_ORDER) {
      const totals = series.get(`${pupilId}:${informant}`)
      if (totals && totals.length >= 2) {
        changes.set(pupilId, totals.at(-1)! - totals[0]!)
        break
      }
    }
  }
  return changes
}

export interface AttendanceChange {
  /** attendance % at the transition baseline (the first figure imported) */
  baseline: number
  /** attendance % in the latest figure imported */
  latest: number
  /** latest − baseline, in percentage points, to one decimal place */
  change: number
}

/** Each pupil's attendance change from the first figure to the latest; rows ordered by pupil, then
 * when they were recorded. A pupil with one figure has no change yet. */
export function attendanceChanges(history: ReadonlyArray<{ pupil_id: number; possible: number; absent: number }>): Map<number, AttendanceChange> {
  const first = new Map<number, number>()
  const last = new Map<number, number>()
  const count = new Map<number, number>()
  for (const h of history) {
    const pct = attendancePercent({ possible: h.possible, absent: h.absent })
    if (pct === null) continue
    if (!first.has(h.pupil_id)) first.set(h.pupil_id, pct)
    last.set(h.pupil_id, pct)
    count.set(h.pupil_id, (count.get(h.pupil_id) ?? 0) + 1)
  }
  const changes = new Map<number, AttendanceChange>()
  for (const [pupilId, baseline] of first) {
    if ((count.get(pupilId) ?? 0) < 2) continue
    const latest = last.get(pupilId)!
    changes.set(pupilId, { baseline, latest, change: Math.round((latest - baseline) * 10) / 10 })
  }
  return changes
}

/** How an attendance change counts: at least ATTENDANCE_CHANGE_POINTS either way, else no change. */
export function attendanceDirection(change: number): 'improved' | 'same' | 'worsened' {
  if (change >= ATTENDANCE_CHANGE_POINTS) return 'improved'
  if (change <= -ATTENDANCE_CHANGE_POINTS) return 'worsened'
  return 'same'
}

/** Each pupil's parent-report pair for SDQ added value: the first parent SDQ (with total, impact and
 * emotional scored) and the latest later one with a total. Rows in date order. */
export function addedValuePairs(sdq: readonly SdqRow[]): Map<number, { baseline: AddedValueBaseline; followUpTotal: number }> {
  const series = new Map<number, Scores[]>()
  for (const s of sdq) if (s.informant === ADDED_VALUE_INFORMANT) series.set(s.pupil_id, [...(series.get(s.pupil_id) ?? []), s.scores as Scores])
  const pairs = new Map<number, { baseline: AddedValueBaseline; followUpTotal: number }>()
  for (const [pupilId, list] of series) {
    const [first, ...rest] = list
    const { total, impact, emotional } = first!
    const followUp = rest.reverse().find((s) => typeof s.total === 'number')
    if (typeof total !== 'number' || typeof impact !== 'number' || typeof emotional !== 'number' || !followUp) continue
    pairs.set(pupilId, { baseline: { total, impact, emotional }, followUpTotal: followUp.total as number })
  }
  return pairs
}
