// Step 5c: the whole-letter reading. The lexicon and the families find what they were written for; a
// child who is quietly frightened says it in words no list foresaw. This reading weighs all of a letter's
// words together, by weights learnt at build time from the labelled letters (train.ts,
// scripts/letters-train.mjs; weights.ts is generated, never edited). Like the families it can raise
// concern to high, never lower it, and it never touches safeguarding. Staff see the words that weighed most.
import { featuresOf } from './features'
import { BIAS, WEIGHTS } from './weights'

/** A letter read high by its words as a whole: at this likelihood or above (chosen on letters the weights
 *  were not trained on; fixtures README). */
export const LEARNED_HIGH = 0.9

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
