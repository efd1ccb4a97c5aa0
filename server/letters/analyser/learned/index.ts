// Step 5c: the whole-letter reading. The lexicon and the families find what they were written for; a
// child who is quietly frightened says it in words no list foresaw. This reading weighs all of a letter's
// words together, by weights learnt at build time from the labelled letters (train.ts,
// scripts/letters-train.mjs; weights.ts is generated, never edited). Like the families it can raise
// concern to high, never lower it, and it never touches safeguarding. Staff see the words that weighed most.
import type { Concern, SafeguardingCategory } from '../labels'
import { CATEGORY_MODELS, DISCLOSURE_BIAS, DISCLOSURE_WEIGHTS } from './disclosure-weights'
import { featuresOf } from './features'
import { BIAS, WEIGHTS } from './weights'

/** A letter read high by its words as a whole: at this likelihood or above (chosen leaving one author out;
 *  fixtures README, analyser 1.10.0). */
export const LEARNED_HIGH = 0.85

/** A letter the lexicon reads high whose words as a whole push it towards ordinary by at least this much (in log-odds,
 *  below a letter with no words at all) is read as ordinary nerves. Measured from the prior, not as a likelihood, so
 *  that a one-line letter ("I cry every night.") keeps the lexicon's high: its few words are no evidence either way
 *  (chosen leaving one author out; fixtures README, analyser 1.10.0). */
export const LEARNED_ORDINARY = 0.5

/** How far the letter's words moved the reading from the prior, in log-odds (negative: towards ordinary). */
export function pushOf(score: number): number {
  const p = Math.min(Math.max(score, 1e-6), 1 - 1e-6)
  return Math.log(p / (1 - p)) - BIAS
}

export function settleConcern(raised: Concern, o: { disclosed: boolean; firm: boolean; score: number }): Concern {
  if (o.disclosed) return 'high'
  if (raised === 'high') return o.firm || pushOf(o.score) > -LEARNED_ORDINARY ? 'high' : 'some'
  return o.score >= LEARNED_HIGH ? 'high' : raised
}

// Words that carry weight in the reading but tell staff nothing on their own ("since", "been", "do not").
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['a', 'about', 'after', 'again', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at', 'be',
  'because', 'been', 'before', 'but', 'by', 'can', 'could', 'did', 'do', 'does', 'for', 'from', 'get', 'go', 'going', 'got', 'had', 'has', 'have',
  'he', 'her', 'him', 'his', 'how', 'i', 'if', 'in', 'is', 'it', 'its', 'just', 'like', 'maybe', 'me', 'my', 'no', 'not', 'now', 'of', 'on', 'or',
  'our', 'out', 'really', 'she', 'since', 'so', 'some', 'still', 'than', 'that', 'the', 'them', 'then', 'there', 'they', 'this', 'to', 'too',
  'up', 'us', 'very', 'was', 'we', 'were', 'what', 'when', 'where', 'which', 'who', 'will', 'with', 'would', 'you', 'your'])

export interface WholeLetterReading { score: number; words: string[] }

export function readWhole(words: readonly string[]): WholeLetterReading {
  let z = BIAS
  const weighed: Array<[string, number]> = []
  for (const f of featuresOf(words)) {
    const v = WEIGHTS.get(f)
    if (v === undefined) continue
    z += v
    if (v > 0 && f.slice(2).split('_').some((w) => !FUNCTION_WORDS.has(w))) weighed.push([f, v])
  }
  const score = Math.round(1000 / (1 + Math.exp(-z))) / 1000
  const top = weighed.sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f]) => f.slice(2).replace('_', ' '))
  return { score, words: top }
}

/** A letter whose words as a whole read as a disclosure, at this likelihood or above, when no lexicon rule found one
 *  (chosen leaving one author out, analyser 1.10.0: at 0.9 it matched three held-out letters that disclose nothing, at 0.93 one; fixtures README). */
export const DISCLOSURE_AT = 0.93

export interface DisclosureReading { score: number; category: SafeguardingCategory; sentence: number }

const likelihood = (bias: number, weights: ReadonlyMap<string, number>, features: readonly string[]): number => {
  let z = bias
  for (const f of features) z += weights.get(f) ?? 0
  return 1 / (1 + Math.exp(-z))
}

/** The disclosure reading: at DISCLOSURE_AT or above, the category whose model reads the letter most likely, and the
 *  sentence whose words weigh most towards a disclosure (the words the DSL is shown). Null below it. */
export function readDisclosure(tokens: ReadonlyArray<{ word: string; sentence: number }>): DisclosureReading | null {
  const words = tokens.map((t) => t.word)
  const features = featuresOf(words)
  const score = likelihood(DISCLOSURE_BIAS, DISCLOSURE_WEIGHTS, features)
  if (score < DISCLOSURE_AT) return null
  let category = CATEGORY_MODELS[0]!.category
  let best = -1
  for (const m of CATEGORY_MODELS) {
    const p = likelihood(m.bias, m.weights, features)
    if (p > best) { best = p; category = m.category }
  }
  const weight = new Map<number, number>()
  for (let i = 0; i < tokens.length; i++) {
    const s = tokens[i]!.sentence
    const pair = tokens[i + 1]?.sentence === s ? [`b:${words[i]}_${words[i + 1]}`] : []
    for (const f of [`u:${words[i]}`, ...pair]) weight.set(s, (weight.get(s) ?? 0) + Math.max(0, DISCLOSURE_WEIGHTS.get(f) ?? 0))
  }
  const sentence = [...weight].reduce((a, b) => (b[1] > a[1] ? b : a))[0]
  return { score: Math.round(score * 1000) / 1000, category, sentence }
}
