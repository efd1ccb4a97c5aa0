// Letters per second for the analyser on one core, over letters sampled from the corpus, with the
// AFINN sentiment baseline timed in the same run as the reference.
// Run alone: npm run -s build && node dist/test/bench/letters.bench.js
import { performance } from 'node:perf_hooks'
import { analyseLetter } from '../../server/letters/analyser'
import { baselineScore, loadCorpus } from '../letters/corpus'

const LETTERS = 20_000

function sample(count: number): string[] {
  const corpus = [...loadCorpus('dev'), ...loadCorpus('heldout')].map((l) => l.letter)
  let seed = 7
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  return Array.from({ length: count }, () => corpus[Math.floor(next() * corpus.length)]!)
}

function perSecond(letters: readonly string[], run: (text: string) => unknown): number {
  for (const text of letters.slice(0, 1_000)) run(text) // warm up
  const started = performance.now()
  for (const text of letters) run(text)
  return Math.round(letters.length / ((performance.now() - started) / 1000))
}

export async function benchLetters(): Promise<{ name: string; figures: Record<string, number> }> {
  const letters = sample(LETTERS)
  const analyser = perSecond(letters, analyseLetter)
  const baseline = perSecond(letters, baselineScore)
  return {
    name: 'letters',
    figures: {
      letters: letters.length,
      analyser_letters_per_second: analyser,
      sentiment_baseline_letters_per_second: baseline,
      analyser_to_baseline_ratio: Math.round((analyser / baseline) * 100) / 100,
    },
  }
}

if (require.main === module) {
  benchLetters().then((result) => {
    console.log(JSON.stringify(result, null, 2))
    const rate = result.figures['analyser_letters_per_second'] ?? 0
    console.log(rate >= 2_000 ? `ok: ${rate} letters/s >= 2,000` : `SLOW: ${rate} letters/s < 2,000`)
  }, (err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })
}
