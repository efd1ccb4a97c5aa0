// Trains the whole-letter reading (index.ts) from labelled letters: logistic regression by stochastic
// gradient descent with L2, in a fixed order, so the same letters always give the same weights. Run by
// scripts/letters-train.mjs at build time on the labelled corpora; nothing is learnt at run time.
import { featuresOf } from './features'

/** `safeguarding`: the categories the letter discloses (the disclosure readings are trained on them). `weight`: how much
 *  the letter counts in the concern reading's loss (1 unless said; training.ts weighs look-alike letters that are not
 *  high at LOOKALIKE_WEIGHT). */
export interface TrainingLetter { words: readonly string[]; high: boolean; safeguarding?: readonly string[]; weight?: number }
export interface Trained { bias: number; weights: Array<[string, number]> }

export interface TrainingSettings { epochs: number; rate: number; l2: number; minLetters: number; keepAbove: number }
export const TRAINING: TrainingSettings = { epochs: 30, rate: 0.1, l2: 0.01, minLetters: 2, keepAbove: 0.02 }

/** Settings other than TRAINING are for measuring choices (leave one author out); the weights use TRAINING. */
export function train(letters: readonly TrainingLetter[], settings: TrainingSettings = TRAINING): Trained {
  const rows = letters.map((l) => ({ x: featuresOf(l.words), y: l.high ? 1 : 0, weight: l.weight ?? 1 }))
  const seen = new Map<string, number>()
  for (const r of rows) for (const k of r.x) seen.set(k, (seen.get(k) ?? 0) + 1)
  for (const r of rows) r.x = r.x.filter((k) => seen.get(k)! >= settings.minLetters)
  const w = new Map<string, number>()
  let bias = 0
  const order = rows.map((_, i) => i)
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    let seed = 7 + epoch
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const i of order) {
      const r = rows[i]!
      let z = bias
      for (const k of r.x) z += w.get(k) ?? 0
      const g = (1 / (1 + Math.exp(-z)) - r.y) * r.weight
      bias -= settings.rate * g
      for (const k of r.x) {
        const v = w.get(k) ?? 0
        w.set(k, v - settings.rate * (g + settings.l2 * v))
      }
    }
  }
  const round = (v: number) => Math.round(v * 1000) / 1000
  const weights = [...w].filter(([, v]) => Math.abs(v) >= settings.keepAbove).map(([k, v]): [string, number] => [k, round(v)])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return { bias: round(bias), weights }
}

/** The category models keep only weights of at least this size: they only name a category, and smaller weights
 *  changed no held-out letter's category (fixtures README) while doubling the generated file. */
export const CATEGORY_KEEP_ABOVE = 0.05

/** The disclosure readings (index.ts): one model for "this letter discloses something", and one a category to
 *  name it, each trained like the concern reading on the letters' labelled categories. */
export function trainDisclosures(letters: readonly TrainingLetter[], categories: readonly string[], settings: TrainingSettings = TRAINING):
  { any: Trained; categories: Array<[string, Trained]> } {
  const on = (has: (l: TrainingLetter) => boolean, s: TrainingSettings) => train(letters.map((l) => ({ words: l.words, high: has(l) })), s)
  const named = { ...settings, keepAbove: Math.max(settings.keepAbove, CATEGORY_KEEP_ABOVE) }
  return {
    any: on((l) => (l.safeguarding ?? []).length > 0, settings),
    categories: categories.map((c): [string, Trained] => [c, on((l) => (l.safeguarding ?? []).includes(c), named)]),
  }
}
