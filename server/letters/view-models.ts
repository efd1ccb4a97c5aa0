// Rows → exactly what the letter, alert and profile pages show. The marked letter is a list of
// plain-text segments (escaped by Handlebars as usual), each marked with what the analyser found there.
import { label } from './labels'

export interface LetterSegment {
  text: string
  mark: { kind: 'worry' | 'interest' | 'safeguarding'; label: string } | null
}

interface Span {
  start: number
  end: number
  kind: 'worry' | 'interest' | 'safeguarding'
  label: string
}

function spansOf(list: unknown, kind: Span['kind'], key: string, prefix: string): Span[] {
  if (!Array.isArray(list)) return []
  const spans: Span[] = []
  for (const item of list) {
    if (!item || typeof item !== 'object') continue
    const { start, end } = item as { start?: unknown; end?: unknown }
    const name = (item as Record<string, unknown>)[key]
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) continue
    spans.push({ start, end, kind, label: `${prefix}: ${typeof name === 'string' ? label(name) : 'unlabelled'}` })
  }
  return spans
}

// Safeguarding first: where spans overlap, the more serious one is kept.
const KIND_RANK: Record<Span['kind'], number> = { safeguarding: 0, worry: 1, interest: 2 }

/**
 * The letter as plain-text segments, some marked with what the analyser (or staff) found there. Spans
 * outside the text or overlapping a more serious one are dropped; the template escapes every segment.
 */
export function markLetter(text: string, analysis: unknown): LetterSegment[] {
  const a = (analysis ?? {}) as { worries?: unknown; interests?: unknown; safeguarding?: unknown }
  const spans = [
    ...spansOf(a.safeguarding, 'safeguarding', 'category', 'Safeguarding'),
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

export { pupilName } from '../pupils/names'
