// Outcomes across Year 7: how pupils' SDQ total difficulties and school attendance moved from their
// transition baseline (the first SDQ, the first attendance figure) to the latest, per opportunity and
// for the cohort, with SDQ added value for groups; take-up; and equity (offers and take-up by FSM, SEN,
// looked-after and EAL beside the cohort's shares); and the watch list. A loader and a pure view.
// SDQ change and added value are meaningful for groups, not one child (sdqinfo's caution): the page
// says so and shows no child's SDQ change or added value on its own.
import type { Kysely } from 'kysely'
import type { Database, PlacementStatus } from '../db/schema'
import { barChart } from '../charts/charts'
import { chartMarkup } from '../charts/markup'
import { pupilName } from '../pupils/names'
import { listAttendanceHistory } from '../pupils/store'
import { ADDED_VALUE_CAUTION, ADDED_VALUE_MIN_GROUP, groupAddedValue } from '../sdq/added-value'
import {
  addedValuePairs, attendanceChanges, attendanceDirection, ATTENDANCE_CHANGE_POINTS, ATTENDANCE_WATCH_FALL, SDQ_GROUP_MIN, SDQ_WATCH_RISE, sdqChanges, type AttendanceChange
} from './outcome-measures'

export { sdqChanges } from './outcome-measures'

export async function loadOutcomes(db: Kysely<Database>, schoolId: number) {
  const [pupils, sdq, placements, attendance, attendanceHistory] = await Promise.all([
    db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename', 'form', 'fsm', 'sen', 'looked_after', 'eal']).where('school_id', '=', schoolId).orderBy('surname').orderBy('forename').execute(),
    db.selectFrom('sdq_administrations').select(['pupil_id', 'informant', 'completed_on', 'scores']).where('school_id', '=', schoolId).orderBy('completed_on').orderBy('id').execute(),
    db
      .selectFrom('placements as p')
      .innerJoin('opportunities as o', (j) => j.onRef('o.id', '=', 'p.opportunity_id').onRef('o.school_id', '=', 'p.school_id'))
      .select(['p.id', 'p.pupil_id', 'p.status', 'o.id as opportunity_id', 'o.name'])
      .where('p.school_id', '=', schoolId)
      .execute(),
    db.selectFrom('placement_attendance').select(['placement_id', 'held_on', 'present']).where('school_id', '=', schoolId).orderBy('held_on').execute(),
    listAttendanceHistory(db, schoolId)
  ])
  return { pupils, sdq, placements, attendance, attendanceHistory }
}

export type OutcomesData = Awaited<ReturnType<typeof loadOutcomes>>

const TOOK_UP: readonly PlacementStatus[] = ['active', 'ended']
const OFFERED: readonly PlacementStatus[] = ['offered', 'active', 'ended']
interface Measures {
  sdq: ReadonlyMap<number, number>
  attendance: ReadonlyMap<number, AttendanceChange>
  pairs: ReturnType<typeof addedValuePairs>
}

const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(1)}`
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)

function group(label: string, pupilIds: readonly number[], m: Measures) {
  const moved = pupilIds.map((id) => m.sdq.get(id)).filter((c): c is number => c !== undefined)
  const sdqMean = mean(moved)
  const attendance = pupilIds.map((id) => m.attendance.get(id)?.change).filter((c): c is number => c !== undefined)
  const attendanceMean = mean(attendance)
  const directions = attendance.map(attendanceDirection)
  const added = groupAddedValue(pupilIds.flatMap((id) => m.pairs.get(id) ?? []))
  // a group of one or two is one or two children: their SDQ change is not shown (sdqinfo's caution)
  const tooFew = moved.length > 0 && moved.length < SDQ_GROUP_MIN
  const count = (n: number) => (tooFew ? '–' : n)
  return {
    label,
    pupils: pupilIds.length,
    measured: moved.length,
    meanChange: sdqMean === null ? '–' : tooFew ? `fewer than ${SDQ_GROUP_MIN}` : signed(sdqMean),
    improved: count(moved.filter((c) => c < 0).length),
    same: count(moved.filter((c) => c === 0).length),
    worsened: count(moved.filter((c) => c > 0).length),
    attendance: {
      measured: attendance.length,
      meanChange: attendanceMean === null ? '–' : signed(attendanceMean),
      improved: directions.filter((d) => d === 'improved').length,
      same: directions.filter((d) => d === 'same').length,
      worsened: directions.filter((d) => d === 'worsened').length
    },
    addedValue: {
      pairs: added.pairs,
      text: added.mean !== null ? signed(added.mean) : added.pairs ? `fewer than ${ADDED_VALUE_MIN_GROUP}` : '–'
    }
  }
}

const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '–')

export function outcomesView(data: OutcomesData, urn: string) {
  const changes = sdqChanges(data.sdq)
  const attendance = attendanceChanges(data.attendanceHistory)
  const measures: Measures = { sdq: changes, attendance, pairs: addedValuePairs(data.sdq) }
  const took = data.placements.filter((p) => TOOK_UP.includes(p.status))
  const byOpportunity = new Map<number, { name: string; pupils: Set<number>; placements: number[]; offered: number }>()
  for (const p of data.placements) {
    const entry = byOpportunity.get(p.opportunity_id) ?? { name: p.name, pupils: new Set<number>(), placements: [], offered: 0 }
    if (OFFERED.includes(p.status)) entry.offered++
    if (TOOK_UP.includes(p.status)) {
      entry.pupils.add(p.pupil_id)
      entry.placements.push(p.id)
    }
    byOpportunity.set(p.opportunity_id, entry)
  }
  const presentBy = new Map<number, { present: number; sessions: number }>()
  for (const a of data.attendance) {
    const e = presentBy.get(a.placement_id) ?? { present: 0, sessions: 0 }
    e.sessions++
    if (a.present) e.present++
    presentBy.set(a.placement_id, e)
  }
  const tookUpPupils = new Set(took.map((p) => p.pupil_id))
  const opportunities = [...byOpportunity.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  const takeUp = opportunities.map((o) => {
    const sessions = o.placements.reduce((n, id) => n + (presentBy.get(id)?.sessions ?? 0), 0)
    const present = o.placements.reduce((n, id) => n + (presentBy.get(id)?.present ?? 0), 0)
    const attendance = sessions ? Math.round((100 * present) / sessions) : null
    return { name: o.name, offered: o.offered, tookUp: o.pupils.size, attendance, attendanceText: attendance === null ? '–' : `${attendance}%` }
  })
  const offeredPupils = new Set(data.placements.filter((p) => OFFERED.includes(p.status)).map((p) => p.pupil_id))
  const traits: Array<[string, (p: OutcomesData['pupils'][number]) => boolean]> = [
    ['Free school meals', (p) => p.fsm === true],
    ['SEN support or EHCP', (p) => p.sen === 'K' || p.sen === 'E'],
    ['Looked after', (p) => p.looked_after === true],
    ['English as an additional language', (p) => p.eal === true]
  ]
  const offered = data.pupils.filter((p) => offeredPupils.has(p.id))
  const taking = data.pupils.filter((p) => tookUpPupils.has(p.id))
  const withAttendance = takeUp.filter((t) => t.attendance !== null)
  // The watch list: prompts to look again before the summer term, not judgements about a child.
  const registers = new Map<number, boolean[]>()
  for (const a of data.attendance) registers.set(a.placement_id, [...(registers.get(a.placement_id) ?? []), a.present])
  const nameOf = new Map(data.pupils.map((p) => [p.id, p]))
  const entry = (pupilId: number, why: string) => {
    const p = nameOf.get(pupilId)!
    return { pupilId, name: pupilName(p), form: p.form, href: `/s/${urn}/pupils/${pupilId}`, why }
  }
  // one row per pupil, every reason on it, in the order: sessions missed, SDQ, attendance
  const concerns = new Map<number, string[]>()
  const concern = (pupilId: number, why: string) => concerns.set(pupilId, [...(concerns.get(pupilId) ?? []), why])
  for (const p of data.placements) {
    const r = registers.get(p.id) ?? []
    if (p.status === 'active' && r.length >= 3 && r.slice(-3).filter(Boolean).length <= 1) concern(p.pupil_id, `missed two of the last three sessions of ${p.name}`)
  }
  for (const [pupilId, change] of changes) if (change >= SDQ_WATCH_RISE) concern(pupilId, `SDQ total difficulties up ${change} since transition`)
  for (const [pupilId, a] of attendance) {
    if (a.change <= -ATTENDANCE_WATCH_FALL) concern(pupilId, `attendance down ${(-a.change).toFixed(1)} points since transition (${a.baseline.toFixed(1)}% to ${a.latest.toFixed(1)}%)`)
  }
  const watch = [...concerns].map(([pupilId, why]) => entry(pupilId, why.join('; ')))
  const notOffered = data.pupils.filter((p) => !offeredPupils.has(p.id)).map((p) => entry(p.id, 'not offered an opportunity yet'))
  return {
    title: 'Outcomes across Year 7',
    backHref: `/s/${urn}/opportunities/allocation`,
    backText: 'Each pupil’s opportunity',
    measured: changes.size,
    attendanceMeasured: attendance.size,
    sdqWatchRise: SDQ_WATCH_RISE,
    sdqGroupMin: SDQ_GROUP_MIN,
    attendanceThreshold: ATTENDANCE_CHANGE_POINTS,
    attendanceWatchFall: ATTENDANCE_WATCH_FALL,
    addedValueMinGroup: ADDED_VALUE_MIN_GROUP,
    addedValueCaution: ADDED_VALUE_CAUTION,
    groups: [
      ...opportunities.map((o) => group(o.name, [...o.pupils], measures)),
      group('Not taking part in an opportunity', data.pupils.filter((p) => !tookUpPupils.has(p.id)).map((p) => p.id), measures),
      group('Whole cohort', data.pupils.map((p) => p.id), measures)
    ],
    /** each pupil's attendance since transition (attendance, unlike the SDQ, is a plain count of sessions) */
    attendanceByPupil: data.pupils.flatMap((p) => {
      const a = attendance.get(p.id)
      return a ? [{ pupilId: p.id, name: pupilName(p), form: p.form, href: `/s/${urn}/pupils/${p.id}`, baseline: `${a.baseline.toFixed(1)}%`, latest: `${a.latest.toFixed(1)}%`, change: signed(a.change) }] : []
    }),
    takeUp,
    watch,
    notOffered,
    takeUpChart: withAttendance.length
      ? chartMarkup(barChart({ title: 'Sessions attended, by opportunity', labels: withAttendance.map((t) => t.name), values: withAttendance.map((t) => t.attendance!), unit: '%', max: 100 }))
      : null,
    equity: traits.map(([label, has]) => ({
      label,
      cohort: pct(data.pupils.filter(has).length, data.pupils.length),
      offered: pct(offered.filter(has).length, offered.length),
      takingPart: pct(taking.filter(has).length, taking.length)
    }))
  }
}
