// Rows → exactly what the letter and alert pages show. The marked letter is a list of plain-text
// segments (escaped by Handlebars as usual), each marked with what the analyser found there.
import type { LetterAnalysis } from './analyser'
import { label } from './schemas'

export type MarkKind = 'safeguarding' | 'worry' | 'interest'
export interface Segment { text: string; mark: { kind: MarkKind; label: string } | null }

const PRIORITY: Record<MarkKind, number> = { safeguarding: 3, worry: 2, interest: 1 }

interface Span { start: number; end: number; kind: MarkKind; label: string }

/** Splits the letter at every span boundary; where spans overlap, the most serious mark wins. */
export function markLetter(text: string, analysis: Pick<LetterAnalysis, 'worries' | 'interests' | 'safeguarding'> | null): Segment[] {
  if (!analysis) return [{ text, mark: null }]
  const spans: Span[] = [
    ...analysis.safeguarding.map((s) => ({ start: s.start, end: s.end, kind: 'safeguarding' as const, label: `safeguarding: ${label(s.category)}` })),
    ...analysis.worries.map((s) => ({ start: s.start, end: s.end, kind: 'worry' as const, label: `worry: ${label(s.theme)}` })),
    ...analysis.interests.map((s) => ({ start: s.start, end: s.end, kind: 'interest' as const, label: `interest: ${label(s.interest)}` }))
  ].filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!]
    const covering = spans.filter((s) => s.start <= from && s.end >= to).sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind])[0]
    const mark = covering ? { kind: covering.kind, label: covering.label } : null
    const last = segments[segments.length - 1]
    if (last && last.mark?.label === mark?.label && last.mark?.kind === mark?.kind) last.text += text.slice(from, to)
    else segments.push({ text: text.slice(from, to), mark })
  }
  return segments
}

export function pupilName(p: { forename: string; surname: string; preferred_forename: string | null }) {
  return `${p.preferred_forename || p.forename} ${p.surname}`
}
