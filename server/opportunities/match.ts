// Matching pupils to opportunities and allocating places across the whole cohort. Pure: plain data in,
// plain data out (DESIGN.md, pure cores); the database layer loads MatchPupil and MatchOpportunity rows
// and stores the placements. Deterministic: pupils and opportunities are taken in id order, so the same
// cohort gives the same allocation whatever order the rows arrive in (the greedy baseline alone uses
// the input order: it is first come, first served).
//
// What the allocation optimises, in this order (exactly — see flow.ts and the proof below):
//  1. the number of pupils placed at the highest need priority (priorityOf), then at the next, and so
//     on down: when places are short, higher-need pupils are placed first;
//  2. then the total fit (fit.ts).
// Because every placement carries a positive weight, the result also places as many pupils as capacity
// and eligibility allow: every pupil gets an offer wherever capacity allows, thriving pupils too.
//
// Why the weights give that order: pupil p placed in o weighs TIER_GAP × (tier + 1) + fit, where
// TIER_GAP = pupils × MAX_FIT + 1. Compare the optimum A with any allocation B: their difference splits
// into alternating chains, each of which can be applied to A alone, and each adds at most one pupil and
// removes at most one. If B were lexicographically better by tier counts, one chain would add a pupil of
// a higher tier than it removes (or remove none); that chain changes A's weight by at least TIER_GAP
// less the change in fits of the pupils it moves, which is under pupils × MAX_FIT < TIER_GAP — so it
// would improve A, which is impossible. Equal tier counts mean equal tier weights, so fit decides.
import { fitOf, MAX_FIT, openTo, pupilKeys, scoreKeys, type MatchOpportunity, type MatchPupil, type MatchSlot } from './fit'
import { solveAssignment } from './flow'
import type { Level } from '../screening/rules'

export { fitOf, type Fit, type MatchOpportunity, type MatchPupil, type MatchSlot, type OpportunityCategory } from './fit'

export interface Placement {
  pupilId: number
  opportunityId: number
  fit: number
  explanation: string
  /** the opportunity ended below its minimum: the lead decides whether it runs */
  onHold: boolean
}

export type UnplacedWhy = 'no_place_left' | 'nothing_eligible' | 'clash'

export interface Unplaced {
  pupilId: number
  why: UnplacedWhy
  /** for staff: which opportunities were full or clashed */
  explanation: string
}

export interface OnHold {
  opportunityId: number
  /** places taken: confirmed placements kept plus new offers */
  places: number
  minPlaces: number
  /** the lead cancelled it this round: it offered no new places */
  cancelled: boolean
}

export interface Allocation {
  /** new offers, by pupil id */
  placements: Placement[]
  /** pupils who could have had an offer and got none, by pupil id */
  unplaced: Unplaced[]
  /** confirmed placements kept as they were (they used a place and, for clashes, their slot) */
  kept: Array<{ pupilId: number; opportunityId: number }>
  /** opportunities below their minimum, by id */
  onHold: OnHold[]
  /** Σ fit of the new offers */
  totalFit: number
  /** Σ fit of greedyAllocate's offers for the same cohort */
  greedyFit: number
  placed: number
  greedyPlaced: number
}

export interface AllocateOptions {
  /** also offer a pupil with a confirmed placement one more opportunity, in a slot that does not clash
   * with it; such second offers rank below every pupil's first. Default false: one offer per pupil. */
  alongsideConfirmed?: boolean
}

// THRIVE groupings are needs-based (DOMAIN.md): a higher grouping is placed first.
const LEVEL_PRIORITY: Readonly<Record<Level, number>> = {
  thriving: 1, getting_advice: 2, getting_help: 3, getting_more_help: 4, getting_risk_support: 5,
}
const TOP_PRIORITY = 5

/** Need priority, 1 (thriving) to 5: the THRIVE level; a hidden pupil one above it (their data look fine
 * but their letter does not); a pupil with a safeguarding alert at the top. */
export function priorityOf(pupil: MatchPupil): number {
  if (pupil.safeguarding) return TOP_PRIORITY
  const level = LEVEL_PRIORITY[pupil.level]
  return pupil.hidden ? Math.min(level + 1, TOP_PRIORITY) : level
}

/** Same weekday and overlapping times ('HH:MM' strings compare in time order). */
export function slotsClash(a: MatchSlot | null, b: MatchSlot | null): boolean {
  return a != null && b != null && a.weekday === b.weekday && a.start < b.end && b.start < a.end
}

const sessionsOf = (o: MatchOpportunity | undefined): readonly MatchSlot[] => (o ? (o.slots?.length ? o.slots : o.slot ? [o.slot] : []) : [])

/** Two opportunities clash when any of their weekly sessions do. */
export function opportunitiesClash(a: MatchOpportunity | undefined, b: MatchOpportunity): boolean {
  const theirs = sessionsOf(b)
  return sessionsOf(a).some((x) => theirs.some((y) => slotsClash(x, y)))
}

interface Prepared {
  pupils: MatchPupil[]
  opportunities: MatchOpportunity[]
  /** pupils who take part, as indexes into `pupils` */
  candidates: number[]
  fit: Int32Array
  capacity: Int32Array
  /** index of the pupil's confirmed placement in `opportunities`, or −1 */
  confirmedAt: Int32Array
  kept: Array<{ pupilId: number; opportunityId: number }>
}

function prepare(input: readonly MatchPupil[], catalogue: readonly MatchOpportunity[], options: AllocateOptions): Prepared {
  const pupils = [...input]
  const opportunities = catalogue.filter((o) => !o.archived).sort((a, b) => a.id - b.id)
  const m = opportunities.length
  const index = new Map(opportunities.map((o, i) => [o.id, i]))
  const capacity = Int32Array.from(opportunities, (o) => Math.max(0, o.maxPlaces))
  const confirmedAt = new Int32Array(pupils.length).fill(-1)
  const kept: Prepared['kept'] = []
  const candidates: number[] = []
  pupils.forEach((pupil, p) => {
    if (pupil.current?.confirmed) {
      kept.push({ pupilId: pupil.id, opportunityId: pupil.current.opportunityId })
      const at = index.get(pupil.current.opportunityId)
      if (at !== undefined) {
        confirmedAt[p] = at
        capacity[at] = Math.max(0, capacity[at]! - 1)
      }
      if (!options.alongsideConfirmed) return
    }
    candidates.push(p)
  })
  const fit = new Int32Array(candidates.length * m).fill(-1)
  candidates.forEach((p, row) => {
    const pupil = pupils[p]!
    const keys = pupilKeys(pupil)
    const own = confirmedAt[p]! >= 0 ? opportunities[confirmedAt[p]!]! : null
    for (let o = 0; o < m; o++) {
      const opportunity = opportunities[o]!
      if (opportunity.cancelled || o === confirmedAt[p] || !openTo(pupil, opportunity) || opportunitiesClash(own ?? undefined, opportunity)) continue
      fit[row * m + o] = scoreKeys(keys, opportunity)
    }
  })
  kept.sort((a, b) => a.pupilId - b.pupilId)
  return { pupils, opportunities, candidates, fit, capacity, confirmedAt, kept }
}

function placement(pupil: MatchPupil, opportunity: MatchOpportunity): Omit<Placement, 'onHold'> {
  // fitOf scores from the same scoreKeys as the matrix, so fit here equals the fit optimised
  const { score, explanation } = fitOf(pupil, opportunity)!
  return { pupilId: pupil.id, opportunityId: opportunity.id, fit: score, explanation }
}

/** First come, first served (rows in `order`), each pupil taking the best-fitting opportunity with a
 * place left (ties: lower opportunity id). The baseline the allocator is measured against. */
function greedyOn(prepared: Prepared, order: Iterable<number>): Int32Array {
  const m = prepared.opportunities.length
  const left = Int32Array.from(prepared.capacity)
  const at = new Int32Array(prepared.candidates.length).fill(-1)
  for (const row of order) {
    let best = -1
    for (let o = 0; o < m; o++) {
      const f = prepared.fit[row * m + o]!
      if (f >= 0 && left[o]! > 0 && (best < 0 || f > prepared.fit[row * m + best]!)) best = o
    }
    if (best >= 0) left[best]!--
    at[row] = best
  }
  return at
}

/** The greedy baseline on its own: first come (input order), best fit first, one offer per pupil. */
export function greedyAllocate(pupils: readonly MatchPupil[], opportunities: readonly MatchOpportunity[], options: AllocateOptions = {}): { placements: Array<Omit<Placement, 'onHold'>>; totalFit: number } {
  const prepared = prepare(pupils, opportunities, options)
  const placements = [...greedyOn(prepared, prepared.candidates.keys())].flatMap((o, row) => (o < 0 ? [] : [placement(prepared.pupils[prepared.candidates[row]!]!, prepared.opportunities[o]!)]))
  return { placements: placements.sort((a, b) => a.pupilId - b.pupilId), totalFit: placements.reduce((sum, p) => sum + p.fit, 0) }
}

function names(opportunities: readonly MatchOpportunity[]): string {
  const shown = opportunities.slice(0, 3).map((o) => o.name).join(', ')
  return opportunities.length > 3 ? `${shown} and ${opportunities.length - 3} more` : shown
}

function whyUnplaced(prepared: Prepared, p: number, row: number, taken: Int32Array): Omit<Unplaced, 'pupilId'> {
  const pupil = prepared.pupils[p]!
  const m = prepared.opportunities.length
  // Without a confirmed placement nothing clashes, so the matrix already says what is eligible.
  const keys = prepared.confirmedAt[p]! >= 0 ? pupilKeys(pupil) : null
  const eligible = prepared.opportunities.flatMap((o, i) => (keys ? !o.cancelled && i !== prepared.confirmedAt[p] && openTo(pupil, o) && scoreKeys(keys, o) >= 0 : prepared.fit[row * m + i]! >= 0) ? [i] : [])
  if (eligible.length === 0) return { why: 'nothing_eligible', explanation: 'no opportunity is open to this pupil (year group, form, SEN rule or need)' }
  const withRoom = eligible.filter((i) => taken[i]! < prepared.capacity[i]!)
  const listed = (list: number[]) => names(list.map((i) => prepared.opportunities[i]!))
  // An optimum places the pupil wherever a place is left without a clash, so any place left clashes
  // with the pupil's confirmed placement.
  if (withRoom.length > 0) {
    const own = prepared.opportunities[prepared.confirmedAt[p]!]!
    return { why: 'clash', explanation: `${listed(withRoom)} ${withRoom.length === 1 ? 'has places left but clashes' : 'have places left but clash'} with ${own.name}` }
  }
  return { why: 'no_place_left', explanation: `no place left in ${listed(eligible)}` }
}

/** Allocates one new offer per pupil across the cohort, optimally (see the top of this file). A pupil
 * with a confirmed current placement keeps it (it uses a place) and gets nothing new unless
 * `alongsideConfirmed`; an unconfirmed current offer is reconsidered like any other. Maximum places are
 * never exceeded; an opportunity below its minimum is listed on hold, its offers kept for the lead to
 * decide. One the lead cancelled offers no new places (staff-confirmed ones stay) and stays listed. */
export function allocateOpportunities(pupils: readonly MatchPupil[], opportunities: readonly MatchOpportunity[], options: AllocateOptions = {}): Allocation {
  const byId = [...pupils].sort((a, b) => a.id - b.id)
  const prepared = prepare(byId, opportunities, options)
  const { candidates, capacity } = prepared
  const m = prepared.opportunities.length
  const gap = candidates.length * MAX_FIT + 1
  const priority = candidates.map((p) => (prepared.confirmedAt[p]! >= 0 ? 0 : priorityOf(prepared.pupils[p]!)))
  const order = Int32Array.from(candidates.keys()).sort((a, b) => priority[b]! - priority[a]! || a - b)
  const at = solveAssignment({
    pupils: candidates.length, opportunities: m, fit: prepared.fit, capacity, order,
    weight: Float64Array.from(priority, (tier) => gap * (tier + 1)),
  })

  const taken = new Int32Array(m)
  for (const o of at) if (o >= 0) taken[o]!++
  const onHold = prepared.opportunities.flatMap((o, i) => {
    const places = taken[i]! + (Math.max(0, o.maxPlaces) - capacity[i]!)
    return places < o.minPlaces || o.cancelled ? [{ opportunityId: o.id, places, minPlaces: o.minPlaces, cancelled: o.cancelled === true }] : []
  })
  const held = new Set(onHold.map((h) => h.opportunityId))
  const placements: Placement[] = []
  const unplaced: Unplaced[] = []
  candidates.forEach((p, row) => {
    const o = at[row]!
    if (o >= 0) placements.push({ ...placement(prepared.pupils[p]!, prepared.opportunities[o]!), onHold: held.has(prepared.opportunities[o]!.id) })
    else unplaced.push({ pupilId: prepared.pupils[p]!.id, ...whyUnplaced(prepared, p, row, taken) })
  })

  // The baseline takes the pupils in the order they came, on the same scores.
  const arrival = new Map(pupils.map((pupil, i) => [pupil, i]))
  const greedy = greedyOn(prepared, [...candidates.keys()].sort((a, b) => arrival.get(prepared.pupils[candidates[a]!]!)! - arrival.get(prepared.pupils[candidates[b]!]!)!))
  let greedyFit = 0
  greedy.forEach((o, row) => { if (o >= 0) greedyFit += prepared.fit[row * m + o]! })
  return {
    placements, unplaced, kept: prepared.kept, onHold,
    totalFit: placements.reduce((sum, p) => sum + p.fit, 0),
    greedyFit, placed: placements.length, greedyPlaced: greedy.filter((o) => o >= 0).length,
  }
}
