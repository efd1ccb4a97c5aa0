// Outcomes across Year 7: how pupils' SDQ total difficulties moved from their transition baseline (the
// first administration) to the latest, per opportunity and for the cohort; take-up; and equity (offers
// and take-up by FSM, SEN, looked-after and EAL beside the cohort's shares). A loader and a pure view.
// The SDQ's change is meaningful for groups, not one child (sdqinfo's caution): the page says so and
// shows no child's change on its own.
import type { Kysely } from 'kysely'
import type { Database, PlacementStatus } from '../db/schema'
import { barChart } from '../charts/charts'
import { chartMarkup } from '../charts/markup'
import { pupilName } from '../pupils/names'

export async function loadOutcomes(db: Kysely<Database>, schoolId: number) {
  const [pupils, sdq, placements, attendance] = await Promise.all([
    db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename', 'form', 'fsm', 'sen', 'looked_after', 'eal']).where('school_id', '=', schoolId).orderBy('surname').orderBy('forename').execute(),
    db.selectFrom('sdq_administrations').select(['pupil_id', 'informant', 'completed_on', 'scores']).where('school_id', '=', schoolId).orderBy('completed_on').orderBy('id').execute(),
    db
      .selectFrom('placements as p')
      .innerJoin('opportunities as o', (j) => j.onRef('o.id', '=', 'p.opportunity_id').onRef('o.school_id', '=', 'p.school_id'))
      .select(['p.id', 'p.pupil_id', 'p.status', 'o.id as opportunity_id', 'o.name'])
      .where('p.school_id', '=', schoolId)
      .execute(),
    db.selectFrom('placement_attendance').select(['placement_id', 'held_on', 'present']).where('school_id', '=', schoolId).orderBy('held_on').execute()
  ])
  return { pupils, sdq, placements, attendance }
}

export type OutcomesData = Awaited<ReturnType<typeof loadOutcomes>>

const TOOK_UP: readonly PlacementStatus[] = ['active', 'ended']
const OFFERED: readonly PlacementStatus[] = ['offered', 'active', 'ended']
const INFORMANT_ORDER = ['self', 'parent', 'teacher'] as const

/** Each pupil's change in SDQ total difficulties from first to latest, by one informant (self first). */
export function sdqChanges(sdq: OutcomesData['sdq']): Map<number, number> {
  const series = new Map<string, number[]>()
  for (const s of sdq) {
    const total = (s.scores as Record<string, number | null>).total
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

function group(label: string, pupilIds: readonly number[], changes: ReadonlyMap<number, number>) {
  const moved = pupilIds.map((id) => changes.get(id)).filter((c): c is number => c !== undefined)
  const mean = moved.length ? moved.reduce((a, b) => a + b, 0) / moved.length : null
  return {
    label,
    pupils: pupilIds.length,
    measured: moved.length,
    meanChange: mean === null ? '–' : `${mean > 0 ? '+' : ''}${mean.toFixed(1)}`,
    improved: moved.filter((c) => c < 0).length,
    same: moved.filter((c) => c === 0).length,
    worsened: moved.filter((c) => c > 0).length
  }
}

const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '–')

export function outcomesView(data: OutcomesData, urn: string) {
  const changes = sdqChanges(data.sdq)
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
    return { name: o.name, offered: o.offered, tookUp: o.pupils.size, attendance: sessions ? Math.round((100 * present) / sessions) : null }
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
  const watch = [
    ...data.placements
      .filter((p) => p.status === 'active')
      .filter((p) => {
        const r = registers.get(p.id) ?? []
        return r.length >= 3 && r.slice(-3).filter(Boolean).length <= 1
      })
      .map((p) => entry(p.pupil_id, `missed two of the last three sessions of ${p.name}`)),
    ...[...changes].filter(([, change]) => change > 0).map(([pupilId, change]) => entry(pupilId, `SDQ total difficulties up ${change} since transition`)),
    ...data.pupils.filter((p) => !offeredPupils.has(p.id)).map((p) => entry(p.id, 'not offered an opportunity yet'))
  ]
  return {
    title: 'Outcomes across Year 7',
    backHref: `/s/${urn}/opportunities/allocation`,
    backText: 'Each pupil’s opportunity',
    measured: changes.size,
    groups: [
      ...opportunities.map((o) => group(o.name, [...o.pupils], changes)),
      group('Not taking part in an opportunity', data.pupils.filter((p) => !tookUpPupils.has(p.id)).map((p) => p.id), changes),
      group('Whole cohort', data.pupils.map((p) => p.id), changes)
    ],
    takeUp,
    watch,
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
