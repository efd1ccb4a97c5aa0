// The labelled corpus and the figures computed over it, shared by eval.ts, corpus.test.ts and the benchmark.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Sentiment from 'sentiment'
import { projectRoot } from '../../server/paths'
import {
  INTERESTS, SAFEGUARDING_CATEGORIES, WORRY_THEMES, analyseLetter,
  type Concern, type Interest, type SafeguardingCategory, type WorryTheme,
} from '../../server/letters/analyser'

export interface LabelledLetter {
  id: string
  letter: string
  concern: Concern
  worries: WorryTheme[]
  interests: Interest[]
  safeguarding: SafeguardingCategory[]
  families?: string[] // blind4-subtle, blind5-subtle, blind6-subtle, blind7-subtle: the distress families the letter shows (`other_…` for ones the analyser does not name)
}

export type Prediction = Omit<LabelledLetter, 'letter' | 'families'> & { priority?: number; families?: string[] }

export type CorpusName = 'dev' | 'heldout' | 'blind' | 'blind2' | 'blind3' | 'blind4-subtle' | 'blind4-lookalikes' | 'blind4-disclosures'
  | 'blind5-subtle' | 'blind5-lookalikes' | 'blind5-disclosures'
  | 'blind6-subtle' | 'blind6-lookalikes' | 'blind6-disclosures'
  | 'blind7-subtle' | 'blind7-lookalikes' | 'blind7-disclosures'
  | 'blind8-subtle' | 'blind8-lookalikes' | 'blind8-disclosures'

export function loadCorpus(name: CorpusName): LabelledLetter[] {
  const file = join(projectRoot, 'test', 'fixtures', 'letters', `${name}.jsonl`)
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as LabelledLetter)
}

export function predictWithAnalyser(l: LabelledLetter): Prediction {
  const a = analyseLetter(l.letter)
  const uniq = <T>(xs: T[]) => [...new Set(xs)]
  return {
    id: l.id,
    concern: a.concern,
    worries: uniq(a.worries.map((w) => w.theme)),
    interests: uniq(a.interests.map((i) => i.interest)),
    safeguarding: uniq(a.safeguarding.map((s) => s.category)),
    priority: a.priority,
    families: uniq(a.families.map((f) => f.family)),
  }
}

/** The benign probes (`{id,text,topic}`): everyday writing that must raise no safeguarding match and almost never `high`. */
export function loadProbes(): Array<{ id: string; text: string; topic: string }> {
  const file = join(projectRoot, 'test', 'fixtures', 'letters', 'benign-probes.jsonl')
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { id: string; text: string; topic: string })
}

export function probeFalseAlarms(probes: ReadonlyArray<{ id: string; text: string }>): { safeguarding: string[]; high: string[]; of: number } {
  const safeguarding: string[] = []
  const high: string[] = []
  for (const p of probes) {
    const a = analyseLetter(p.text)
    if (a.safeguarding.length > 0) safeguarding.push(p.id)
    if (a.concern === 'high') high.push(p.id)
  }
  return { safeguarding, high, of: probes.length }
}

/** Recall of `high` letters within the first 20% of the review queue ordered by priority (ties: the file's order). */
export function queueRecall(corpus: readonly LabelledLetter[], predictions: ReadonlyArray<Pick<Prediction, 'id' | 'priority'>>): { found: number; of: number; best: number; top: number; missed: string[] } {
  const priority = new Map(predictions.map((p) => [p.id, p.priority ?? 0]))
  const queue = [...corpus].map((l, i) => ({ l, i })).sort((a, b) => (priority.get(b.l.id) ?? 0) - (priority.get(a.l.id) ?? 0) || a.i - b.i).map((x) => x.l)
  const top = Math.ceil(queue.length * 0.2)
  const high = corpus.filter((l) => l.concern === 'high')
  const inTop = new Set(queue.slice(0, top).map((l) => l.id))
  return { found: high.filter((l) => inTop.has(l.id)).length, of: high.length, best: Math.min(top, high.length), top, missed: high.filter((l) => !inTop.has(l.id)).map((l) => l.id) }
}

/** Per labelled family: letters that show it, how many the analyser found it in (families it names) and read as high. */
export function familyRecall(corpus: readonly LabelledLetter[], predictions: readonly Prediction[]): Array<{ family: string; of: number; found: number; high: number; missed: string[] }> {
  const byId = new Map(predictions.map((p) => [p.id, p]))
  const out = new Map<string, { family: string; of: number; found: number; high: number; missed: string[] }>()
  for (const l of corpus) {
    for (const family of l.families ?? []) {
      const key = family.startsWith('other_') ? 'other_…' : family
      const row = out.get(key) ?? { family: key, of: 0, found: 0, high: 0, missed: [] }
      const p = byId.get(l.id)
      row.of++
      if (p?.families?.includes(family)) row.found++
      if (p?.concern === 'high') row.high++
      else row.missed.push(l.id)
      out.set(key, row)
    }
  }
  return [...out.values()].sort((a, b) => a.family.localeCompare(b.family))
}

// The baseline: an AFINN sentiment score (the `sentiment` package). Concern is high when the
// score is -1 or lower (the threshold with the best concern=high F1 on the dev corpus), some
// when it is 0 or 1, none from 2; safeguarding is raised (as "any", no category) when the
// score is -3 or lower ("very negative"). It finds no worries or interests.
export const BASELINE_HIGH_AT_OR_BELOW = -1
export const BASELINE_NONE_FROM = 2
export const BASELINE_SAFEGUARDING_AT_OR_BELOW = -3
const sentiment = new Sentiment()

export function baselineScore(text: string): number {
  return sentiment.analyze(text).score
}

export function predictWithBaseline(l: LabelledLetter): Prediction & { anySafeguarding: boolean } {
  const score = baselineScore(l.letter)
  return {
    id: l.id,
    concern: score <= BASELINE_HIGH_AT_OR_BELOW ? 'high' : score < BASELINE_NONE_FROM ? 'some' : 'none',
    worries: [],
    interests: [],
    safeguarding: [],
    anySafeguarding: score <= BASELINE_SAFEGUARDING_AT_OR_BELOW,
  }
}

export interface Score {
  label: string
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
  missed: string[] // ids labelled with it and not found
  falseAlarms: string[] // ids found and not labelled
}

function score(label: string, pairs: Array<{ id: string; truth: boolean; predicted: boolean }>): Score {
  const s: Score = { label, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1, missed: [], falseAlarms: [] }
  for (const p of pairs) {
    if (p.truth && p.predicted) s.tp++
    else if (p.truth) { s.fn++; s.missed.push(p.id) }
    else if (p.predicted) { s.fp++; s.falseAlarms.push(p.id) }
  }
  s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp)
  s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn)
  s.f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall)
  return s
}

function micro(label: string, parts: Score[]): Score {
  const tp = parts.reduce((n, p) => n + p.tp, 0)
  const fp = parts.reduce((n, p) => n + p.fp, 0)
  const fn = parts.reduce((n, p) => n + p.fn, 0)
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn)
  return {
    label, tp, fp, fn, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    missed: parts.flatMap((p) => p.missed.map((id) => `${id}:${p.label}`)),
    falseAlarms: parts.flatMap((p) => p.falseAlarms.map((id) => `${id}:${p.label}`)),
  }
}

export interface Evaluation {
  letters: number
  safeguardingAny: Score
  safeguarding: Score[]
  concernHigh: Score
  someRaisedToHigh: { rate: number; ids: string[]; of: number }
  concernConfusion: Record<Concern, Record<Concern, number>>
  interestsMicro: Score
  interests: Score[]
  worriesMicro: Score
  worries: Score[]
}

export function evaluate(corpus: readonly LabelledLetter[], predict: (l: LabelledLetter) => Prediction & { anySafeguarding?: boolean }): Evaluation {
  const rows = corpus.map((l) => ({ truth: l, p: predict(l) }))
  const per = <K extends string>(keys: readonly K[], pick: (x: LabelledLetter | Prediction) => readonly string[]) =>
    keys.map((k) => score(k, rows.map(({ truth, p }) => ({ id: truth.id, truth: pick(truth).includes(k), predicted: pick(p).includes(k) }))))
  const safeguarding = per(SAFEGUARDING_CATEGORIES, (x) => x.safeguarding)
  const interests = per(INTERESTS, (x) => x.interests)
  const worries = per(WORRY_THEMES, (x) => x.worries)
  const some = rows.filter((r) => r.truth.concern === 'some')
  const raised = some.filter((r) => r.p.concern === 'high').map((r) => r.truth.id)
  const confusion = { none: { none: 0, some: 0, high: 0 }, some: { none: 0, some: 0, high: 0 }, high: { none: 0, some: 0, high: 0 } }
  for (const r of rows) confusion[r.truth.concern][r.p.concern]++
  return {
    letters: rows.length,
    safeguardingAny: score('any', rows.map(({ truth, p }) => ({
      id: truth.id, truth: truth.safeguarding.length > 0, predicted: p.anySafeguarding ?? p.safeguarding.length > 0,
    }))),
    safeguarding,
    concernHigh: score('high', rows.map(({ truth, p }) => ({ id: truth.id, truth: truth.concern === 'high', predicted: p.concern === 'high' }))),
    someRaisedToHigh: { rate: some.length === 0 ? 0 : raised.length / some.length, ids: raised, of: some.length },
    concernConfusion: confusion,
    interestsMicro: micro('interests', interests),
    interests,
    worriesMicro: micro('worries', worries),
    worries,
  }
}
