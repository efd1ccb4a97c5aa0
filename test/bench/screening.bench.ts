// Benchmark: screen a local authority's Year 7 (15,000 synthetic pupils) with the default settings.
// Run alone: `npm run -s build && node dist/test/bench/screening.bench.js`.
import { screenCohort, type PupilIndicators, type SdqBand, type SdqScores } from '../../server/screening/rules'

const PUPILS = 15_000

// A small deterministic generator, so every run screens the same cohort.
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let x = Math.imul(s ^ (s >>> 15), 1 | s)
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

function syntheticCohort(n: number): PupilIndicators[] {
  const r = random(7)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!
  // Roughly the four-band split: 80% close to average, 10% slightly raised, 5% high, 5% very high.
  const band = (): SdqBand => {
    const x = r()
    return x < 0.8 ? 'close_to_average' : x < 0.9 ? 'slightly_raised' : x < 0.95 ? 'high' : 'very_high'
  }
  const sdq = (): SdqScores => ({
    emotional: 3, conduct: 2, hyperactivity: 4, peer: 2, prosocial: 8, total: 11, externalising: 6, internalising: 5, impact: 1,
    bands: { total: band(), emotional: band(), conduct: band(), hyperactivity: band(), peer: band(), prosocial: pick(['close_to_average', 'low']), impact: band() },
  })
  const ks2 = () => (r() < 0.03 ? pick(['B', 'A']) : 85 + Math.floor(r() * 36))
  return Array.from({ length: n }, () => ({
    ks2: r() < 0.05 ? null : { reading: ks2(), maths: ks2(), gps: ks2(), writing: pick(['GDS', 'EXS', 'EXS', 'WTS', 'PK6']) },
    attendance: r() < 0.05 ? null : { possible: 380, absent: Math.floor(r() * r() * 120) },
    sdq: r() < 0.2 ? null : { self: sdq(), ...(r() < 0.5 ? { parent: sdq() } : {}), ...(r() < 0.3 ? { teacher: sdq() } : {}) },
    sen: r() < 0.025 ? 'E' : r() < 0.14 ? 'K' : 'N',
    lookedAfter: r() < 0.01,
    socialCare: r() < 0.01 ? 'CP' : r() < 0.03 ? 'CIN' : 'none',
    fsm: r() < 0.25,
    letter: r() < 0.1 ? null : { concern: pick(['none', 'some', 'some', 'some', 'some', 'high'] as const), safeguarding: r() < 0.01 ? ['self_harm'] : [], source: 'analyser' as const },
  }))
}

export async function benchScreening(): Promise<{ name: string; figures: Record<string, number> }> {
  const cohort = syntheticCohort(PUPILS)
  screenCohort(cohort.slice(0, 500)) // warm up
  const runs: number[] = []
  let pupilsAtRiskSupport = 0
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint()
    const { summary } = screenCohort(cohort)
    runs.push(Number(process.hrtime.bigint() - start) / 1e6)
    pupilsAtRiskSupport = summary.byLevel.getting_risk_support
  }
  runs.sort((a, b) => a - b)
  return {
    name: `screening: ${PUPILS.toLocaleString('en-GB')} pupils`,
    figures: {
      pupils: PUPILS,
      median_ms: Math.round(runs[2]! * 10) / 10,
      worst_ms: Math.round(runs[4]! * 10) / 10,
      getting_risk_support: pupilsAtRiskSupport,
    },
  }
}

if (require.main === module) {
  benchScreening().then(
    (result) => console.log(JSON.stringify(result)),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    },
  )
}
