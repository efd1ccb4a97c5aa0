// Rows → exactly what the letter, alert and profile pages show. The marked letter is a list of
// plain-text segments (escaped by Handlebars as usual), each marked with what the analyser found there.
import { LEARNED_HIGH, LEARNED_ORDINARY, pushOf } from './analyser/learned'
import { label } from './labels'

type MarkKind = 'worry' | 'interest' | 'safeguarding' | 'family'

export interface LetterSegment {
  text: string
  mark: { kind: MarkKind; label: string } | null
}

interface Span {
  start: number
  end: number
  kind: MarkKind
  label: string
}

const STRENGTH_WORDS: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, { weak: 'a hint', clear: 'clear', strong: 'persistent' }))

/** How staff read a family's strength: "a hint", "clear", "persistent". */
export function strengthWord(strength: unknown): string {
  return (typeof strength === 'string' ? STRENGTH_WORDS[strength] : undefined) ?? 'found'
}

function spansOf(list: unknown, kind: Span['kind'], key: string, prefix: string): Span[] {
  if (!Array.isArray(list)) return []
  const spans: Span[] = []
  for (const item of list) {
    if (!item || typeof item !== 'object') continue
    const { start, end } = item as { start?: unknown; end?: unknown }
    const name = (item as Record<string, unknown>)[key]
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) continue
    const named = `${prefix}: ${typeof name === 'string' ? label(name) : 'unlabelled'}`
    spans.push({ start, end, kind, label: kind === 'family' ? `${named}, ${strengthWord((item as { strength?: unknown }).strength)}` : named })
  }
  return spans
}

// Safeguarding first: where spans overlap, the more serious one is kept.
// A distress family names the quiet signal more exactly than the worry it overlaps.
const KIND_RANK: Record<Span['kind'], number> = { safeguarding: 0, family: 1, worry: 2, interest: 3 }

/**
 * The letter as plain-text segments, some marked with what the analyser (or staff) found there. Spans
 * outside the text or overlapping a more serious one are dropped; the template escapes every segment.
 */
export function markLetter(text: string, analysis: unknown): LetterSegment[] {
  const a = (analysis ?? {}) as { worries?: unknown; interests?: unknown; safeguarding?: unknown; families?: unknown }
  const spans = [
    ...spansOf(a.safeguarding, 'safeguarding', 'category', 'Safeguarding'),
    ...spansOf(a.families, 'family', 'family', 'Distress'),
    ...spansOf(a.worries, 'worry', 'theme', 'Worry'),
    ...spansOf(a.interests, 'interest', 'interest', 'Interest')
  ]
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((x, y) => KIND_RANK[x.kind] - KIND_RANK[y.kind] || x.start - y.start)
  const kept: Span[] = []
  for (const s of spans) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s)
  kept.sort((x, y) => x.start - y.start)
  const segments: LetterSegment[] = []
  let at = 0
  for (const s of kept) {
    if (s.start > at) segments.push({ text: text.slice(at, s.start), mark: null })
    segments.push({ text: text.slice(s.start, s.end), mark: { kind: s.kind, label: s.label } })
    at = s.end
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: null })
  return segments
}

/** The families a letter shows, strongest first, each with the child's words: "sleep — persistent: “lie awake every night”".
 *  Reads a stored analysis tolerantly: one from before 1.4.0 has no families. */
export function familySummary(families: unknown): Array<{ family: string; label: string; strength: string; words: string[] }> {
  if (!Array.isArray(families)) return []
  const rank: Record<string, number> = { strong: 3, clear: 2, weak: 1 }
  const by = new Map<string, { family: string; rank: number; words: string[] }>()
  for (const item of families) {
    if (!item || typeof item !== 'object') continue
    const { family, strength, text } = item as { family?: unknown; strength?: unknown; text?: unknown }
    if (typeof family !== 'string') continue
    const f = by.get(family) ?? { family, rank: 0, words: [] }
    f.rank = Math.max(f.rank, typeof strength === 'string' ? rank[strength] ?? 0 : 0)
    if (typeof text === 'string' && text !== '' && !f.words.includes(text)) f.words.push(text)
    by.set(family, f)
  }
  const words = ['found', 'weak', 'clear', 'strong']
  return [...by.values()].sort((x, y) => y.rank - x.rank || x.family.localeCompare(y.family))
    .map((f) => ({ family: f.family, label: label(f.family), strength: strengthWord(words[f.rank]), words: f.words }))
}

/** The whole-letter reading as staff see it: how far the letter's words as a whole resemble letters read high, and
 *  the words that weighed most, and whether they read as an ordinary letter. Reads a stored analysis tolerantly: one from
 *  before 1.7.0 has none. */
export function wholeReading(resemblance: unknown): { percent: number; words: string[]; raised: boolean; ordinary: boolean } | null {
  if (!resemblance || typeof resemblance !== 'object') return null
  const { score, words } = resemblance as { score?: unknown; words?: unknown }
  if (typeof score !== 'number' || !Number.isFinite(score)) return null
  const list = Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : []
  return {
    percent: Math.round(Math.min(1, Math.max(0, score)) * 100), words: list, raised: score >= LEARNED_HIGH,
    // its words push it towards ordinary letters: a worrying phrase in it alone does not make it high (settleConcern)
    ordinary: pushOf(score) <= -LEARNED_ORDINARY,
  }
}

export { pupilName } from '../pupils/names'
