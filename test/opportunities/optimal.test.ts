// The allocator against an exhaustive search on small cohorts and a plain textbook min-cost flow on
// medium ones, and its invariants on random cohorts (seeded, so a failure names the seed to replay).
import t from 'tap'
import { allocateOpportunities, fitOf, greedyAllocate, priorityOf, slotsClash, type AllocateOptions, type Allocation, type MatchOpportunity, type MatchPupil } from '../../server/opportunities/match'
import { MAX_FIT } from '../../server/opportunities/fit'
import { random, syntheticOpportunities, syntheticPupils, type CohortShape } from './cohort'

interface Candidate { pupil: MatchPupil; tier: number; options: Array<{ index: number; fit: number }> }

// What may be offered to whom, worked out from fitOf and the rules alone (not from the allocator's code).
function candidates(pupils: readonly MatchPupil[], opportunities: readonly MatchOpportunity[], options: AllocateOptions) {
  const live = opportunities.filter((o) => !o.archived)
  const room = live.map((o) => o.maxPlaces - pupils.filter((p) => p.current?.confirmed && p.current.opportunityId === o.id).length)
  const list: Candidate[] = []
  for (const pupil of pupils) {
    const confirmed = pupil.current?.confirmed ? live.find((o) => o.id === pupil.current!.opportunityId) : undefined
    if (pupil.current?.confirmed && !options.alongsideConfirmed) continue
    const offers = live.flatMap((o, index) => {
      const fit = fitOf(pupil, o)
      return fit && o !== confirmed && !slotsClash(confirmed?.slot ?? null, o.slot) ? [{ index, fit: fit.score }] : []
    })
    list.push({ pupil, tier: pupil.current?.confirmed ? 0 : priorityOf(pupil), options: offers })
  }
  return { live, room: room.map((r) => Math.max(0, r)), list }
}

/** placed per tier, top tier first, then the total fit: compared lexicographically */
type Score = number[]
const better = (a: Score, b: Score) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]! ? 1 : -1
  return 0
}
function scoreOf(allocation: Pick<Allocation, 'totalFit'> & { placements: ReadonlyArray<{ pupilId: number }> }, pupils: readonly MatchPupil[], options: AllocateOptions): Score {
  const byId = new Map(pupils.map((p) => [p.id, p]))
  const score = [0, 0, 0, 0, 0, 0, allocation.totalFit]
  for (const p of allocation.placements) {
    const pupil = byId.get(p.pupilId)!
    score[5 - (pupil.current?.confirmed && options.alongsideConfirmed ? 0 : priorityOf(pupil))]!++
  }
  return score
}

function exhaustive(pupils: readonly MatchPupil[], opportunities: readonly MatchOpportunity[], options: AllocateOptions): Score {
  const { room, list } = candidates(pupils, opportunities, options)
  let best: Score = [0, 0, 0, 0, 0, 0, 0]
  const current: Score = [0, 0, 0, 0, 0, 0, 0]
  const visit = (i: number) => {
    if (i === list.length) {
      if (better(current, best) > 0) best = [...current]
      return
    }
    visit(i + 1)
    const { tier, options: offers } = list[i]!
    for (const { index, fit } of offers) {
      if (room[index]! <= 0) continue
      room[index]!--
      current[5 - tier]!++
      current[6]! += fit
      visit(i + 1)
      current[6]! -= fit
      current[5 - tier]!--
      room[index]!++
    }
  }
  visit(0)
  return best
}

// Textbook successive shortest paths (Bellman–Ford) over the full pupil × opportunity graph, weighing
// need as the allocator documents: a different algorithm on the same objective.
function referenceFlow(pupils: readonly MatchPupil[], opportunities: readonly MatchOpportunity[], options: AllocateOptions): Score {
  const { live, room, list } = candidates(pupils, opportunities, options)
  const gap = list.length * MAX_FIT + 1
  const n = list.length
  const source = n + live.length
  const sink = source + 1
  const edges: Array<{ to: number; cap: number; cost: number }> = []
  const out: number[][] = Array.from({ length: sink + 1 }, () => [])
  const add = (from: number, to: number, cap: number, cost: number) => {
    out[from]!.push(edges.length); edges.push({ to, cap, cost })
    out[to]!.push(edges.length); edges.push({ to: from, cap: 0, cost: -cost })
  }
  list.forEach((c, i) => {
    add(source, i, 1, 0)
    for (const o of c.options) add(i, n + o.index, 1, -(gap * (c.tier + 1) + o.fit))
  })
  live.forEach((_, o) => add(n + o, sink, room[o]!, 0))
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity)
    const via = new Array<number>(sink + 1).fill(-1)
    dist[source] = 0
    for (let round = 0, changed = true; changed && round <= sink; round++) {
      changed = false
      for (let u = 0; u <= sink; u++) {
        if (dist[u] === Infinity) continue
        for (const e of out[u]!) {
          const edge = edges[e]!
          if (edge.cap > 0 && dist[u]! + edge.cost < dist[edge.to]!) { dist[edge.to] = dist[u]! + edge.cost; via[edge.to] = e; changed = true }
        }
      }
    }
    if (!(dist[sink]! < 0)) break
    for (let v = sink; v !== source; v = edges[via[v]! ^ 1]!.to) { edges[via[v]!]!.cap--; edges[via[v]! ^ 1]!.cap++ }
  }
  const score: Score = [0, 0, 0, 0, 0, 0, 0]
  list.forEach((c, i) => {
    for (const e of out[i]!) {
      const edge = edges[e]!
      if (edge.to >= n && edge.to < source && edge.cap === 0 && edge.cost < 0) {
        score[5 - c.tier]!++
        score[6]! += c.options.find((o) => n + o.index === edge.to)!.fit
      }
    }
  })
  return score
}

function cohort(seed: number, shape: CohortShape) {
  const opportunities = syntheticOpportunities(seed, shape)
  return { opportunities, pupils: syntheticPupils(seed + 1, shape, opportunities) }
}

t.test('equals an exhaustive search on small cohorts', async (t) => {
  let checked = 0
  for (let seed = 1; seed <= 300; seed++) {
    const r = random(seed)
    const shape = { pupils: 1 + Math.floor(r() * 7), opportunities: 1 + Math.floor(r() * 3), places: 1 + r() * 2, slotted: 0.9, confirmed: 0.3, restricted: 0.4 }
    const { pupils, opportunities } = cohort(seed * 10, shape)
    const options = { alongsideConfirmed: seed % 3 === 0 }
    const got = scoreOf(allocateOpportunities(pupils, opportunities, options), pupils, options)
    const want = exhaustive(pupils, opportunities, options)
    if (better(got, want) !== 0) t.fail(`seed ${seed}: ${got} ≠ optimum ${want}`)
    checked++
  }
  t.equal(checked, 300)
})

t.test('equals a textbook min-cost flow on medium cohorts', async (t) => {
  for (let seed = 1; seed <= 24; seed++) {
    const shape = { pupils: 150 + seed * 10, opportunities: 6 + (seed % 6), places: 10 + (seed % 4) * 5, confirmed: 0.1 }
    const { pupils, opportunities } = cohort(seed * 100, shape)
    const options = { alongsideConfirmed: seed % 2 === 0 }
    t.same(scoreOf(allocateOpportunities(pupils, opportunities, options), pupils, options), referenceFlow(pupils, opportunities, options), `seed ${seed}`)
  }
})

t.test('invariants on random cohorts: places, eligibility, clashes, one offer, every pupil accounted for', async (t) => {
  for (let seed = 1; seed <= 25; seed++) {
    const shape = { pupils: 200 + seed * 20, opportunities: 10 + seed, places: 6 + (seed % 7) * 4, confirmed: 0.15 }
    const { pupils, opportunities } = cohort(seed * 1000, shape)
    const options = { alongsideConfirmed: seed % 2 === 1 }
    const result = allocateOpportunities(pupils, opportunities, options)
    const byId = new Map(opportunities.map((o) => [o.id, o]))
    const problems: string[] = []
    const kept = new Map<number, number>()
    for (const k of result.kept) kept.set(k.opportunityId, (kept.get(k.opportunityId) ?? 0) + 1)
    const added = new Map<number, number>()
    const seen = new Set<number>()
    for (const p of result.placements) {
      const pupil = pupils.find((x) => x.id === p.pupilId)!
      const o = byId.get(p.opportunityId)!
      added.set(o.id, (added.get(o.id) ?? 0) + 1)
      if (seen.has(pupil.id)) problems.push(`pupil ${pupil.id} has two offers`)
      seen.add(pupil.id)
      const fit = fitOf(pupil, o)
      if (!fit || fit.score !== p.fit || fit.explanation !== p.explanation) problems.push(`pupil ${pupil.id} not eligible for ${o.id} or fit differs`)
      if (pupil.current?.confirmed) {
        if (!options.alongsideConfirmed) problems.push(`pupil ${pupil.id} kept a confirmed placement and got another`)
        const own = byId.get(pupil.current.opportunityId)
        if (own && (own.id === o.id || slotsClash(own.slot, o.slot))) problems.push(`pupil ${pupil.id} clashes`)
      }
    }
    for (const [id, places] of added) if (places > Math.max(0, byId.get(id)!.maxPlaces - (kept.get(id) ?? 0))) problems.push(`opportunity ${id} over capacity`)
    for (const u of result.unplaced) if (seen.has(u.pupilId)) problems.push(`pupil ${u.pupilId} placed and unplaced`)
    const expected = pupils.filter((p) => options.alongsideConfirmed || !p.current?.confirmed).length
    if (result.placements.length + result.unplaced.length !== expected) problems.push('a pupil is neither placed nor unplaced')
    for (const o of opportunities.filter((x) => !x.archived)) {
      const places = (added.get(o.id) ?? 0) + (kept.get(o.id) ?? 0)
      if ((places < o.minPlaces) !== result.onHold.some((h) => h.opportunityId === o.id && h.places === places && h.minPlaces === o.minPlaces)) problems.push(`on hold ${o.id} wrong`)
    }
    for (const p of result.placements) if (p.onHold !== result.onHold.some((h) => h.opportunityId === p.opportunityId)) problems.push('onHold flag wrong')
    t.same(problems, [], `seed ${seed}`)
    const greedy = greedyAllocate(pupils, opportunities, options)
    t.equal(greedy.totalFit, result.greedyFit, `seed ${seed}: the baseline beside the result is greedyAllocate's`)
    t.equal(greedy.placements.length, result.greedyPlaced)
    t.ok(result.placed >= result.greedyPlaced, `seed ${seed}: places at least as many as greedy`)
    t.ok(better(scoreOf(result, pupils, options), scoreOf(greedy, pupils, options)) >= 0, `seed ${seed}: never behind greedy, need first then fit`)
  }
})

t.test('deterministic: the same cohort in any order gives the same allocation', async (t) => {
  const { pupils, opportunities } = cohort(77, { pupils: 400, opportunities: 20, places: 15, confirmed: 0.1 })
  const first = allocateOpportunities(pupils, opportunities)
  const { greedyFit: _g, greedyPlaced: _p, ...again } = allocateOpportunities([...pupils].reverse(), [...opportunities].reverse())
  const { greedyFit: _g1, greedyPlaced: _p1, ...once } = first
  t.same(again, once, 'reversed input')
  t.same(allocateOpportunities(pupils, opportunities), first, 'the same input twice')
})
