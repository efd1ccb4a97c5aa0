// Benchmark: allocate a local authority's Year 7 (15,000 synthetic pupils) across 300 opportunities,
// beside the greedy first-come baseline timed in the same run on the same cohort. Places are short
// in the first cohort (more pupils than places) and plentiful in the second.
// Run alone: `npm run -s build && node dist/test/bench/opportunities.bench.js`.
import { performance } from 'node:perf_hooks'
import { allocateOpportunities, greedyAllocate, priorityOf, type MatchPupil } from '../../server/opportunities/match'
import { syntheticOpportunities, syntheticPupils, type CohortShape } from '../opportunities/cohort'

const PUPILS = 15_000
const OPPORTUNITIES = 300

function timed<T>(run: () => T): { ms: number; result: T } {
  const started = performance.now()
  const result = run()
  return { ms: Math.round((performance.now() - started) * 10) / 10, result }
}

function topPriorityPlaced(pupils: readonly MatchPupil[], placed: ReadonlyArray<{ pupilId: number }>): number {
  const top = new Set(pupils.filter((p) => priorityOf(p) >= 4).map((p) => p.id))
  return placed.filter((p) => top.has(p.pupilId)).length
}

function cohort(places: number): { figures: Record<string, number>; ok: boolean } {
  const shape: CohortShape = { pupils: PUPILS, opportunities: OPPORTUNITIES, places, confirmed: 0.05 }
  const opportunities = syntheticOpportunities(3, shape)
  const pupils = syntheticPupils(5, shape, opportunities)
  const allocator = timed(() => allocateOpportunities(pupils, opportunities))
  const greedy = timed(() => greedyAllocate(pupils, opportunities))
  const a = allocator.result
  return {
    ok: a.totalFit >= a.greedyFit || a.placed > a.greedyPlaced || topPriorityPlaced(pupils, a.placements) > topPriorityPlaced(pupils, greedy.result.placements),
    figures: {
      places: opportunities.filter((o) => !o.archived).reduce((sum, o) => sum + o.maxPlaces, 0),
      allocator_ms: allocator.ms,
      greedy_ms: greedy.ms,
      allocator_placed: a.placed,
      greedy_placed: a.greedyPlaced,
      allocator_high_need_placed: topPriorityPlaced(pupils, a.placements),
      greedy_high_need_placed: topPriorityPlaced(pupils, greedy.result.placements),
      allocator_total_fit: a.totalFit,
      greedy_total_fit: a.greedyFit,
      on_hold: a.onHold.length,
    },
  }
}

export async function benchOpportunities(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const short = cohort(40)
  const plenty = cohort(65)
  const figures: Record<string, number | string> = {}
  for (const [key, value] of Object.entries(short.figures)) figures[`short_${key}`] = value
  for (const [key, value] of Object.entries(plenty.figures)) figures[`plenty_${key}`] = value
  const worst = Math.max(short.figures['allocator_ms']!, plenty.figures['allocator_ms']!)
  figures['verdict'] = worst < 2000 && short.ok && plenty.ok ? `ok: ${worst} ms < 2,000 ms, never behind greedy` : `SLOW or behind greedy: ${worst} ms`
  return { name: `opportunities: ${PUPILS.toLocaleString('en-GB')} pupils × ${OPPORTUNITIES}`, figures }
}

if (require.main === module) {
  benchOpportunities().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    },
  )
}
