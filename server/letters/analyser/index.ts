// The letter analyser: a transparent pipeline of small pure steps (LETTERS.md).
// normalise -> canonicalise (misspellings) -> split -> match the lexicon -> read context -> decide.
// Pure: no I/O, no framework. Every finding carries the child's own words and their offsets.
import { prepareReading } from './context'
import { decide, type Found } from './decide'
import { familyLevels, findFamilies, raiseConcern, type DistressFamily, type FamilyStrength } from './families'
import { readDisclosure, readWhole, settleConcern } from './learned'
import { Canonicaliser } from './fuzzy'
import { VOCABULARY } from './lexicon'
import type { Concern, Interest, SafeguardingCategory, WorryTheme } from './labels'
import { findMatches } from './match'
import { letterPriority } from './priority'
import { normalise, type Token } from './normalise'
import { split } from './split'
import { findStructures } from './structure'

export { WORRY_THEMES, INTERESTS, SAFEGUARDING_CATEGORIES, CONCERNS } from './labels'
export type { Concern, WorryTheme, Interest, SafeguardingCategory } from './labels'
export { DISTRESS_FAMILIES, familiesMakeHigh, type DistressFamily, type FamilyStrength } from './families'

/** Bump when rules or lexicon change, so stored analyses can be told apart. */
export const ANALYSER_VERSION = '1.10.0'

export interface Span { text: string; start: number; end: number }

export interface LetterAnalysis {
  concern: Concern
  worries: Array<Span & { theme: WorryTheme }>
  interests: Array<Span & { interest: Interest }>
  strengths: Array<Span & { strength: string }>
  /** Disclosures for the DSL. `learned` marks one read from the letter's words as a whole (learned/) when no rule
   *  found one: its span is the sentence that weighed most. */
  safeguarding: Array<Span & { category: SafeguardingCategory; learned?: true }>
  /** Distress cues in the child's own words (families/), each weak, clear or strong. */
  families: Array<Span & { family: DistressFamily; strength: FamilyStrength }>
  /** The whole-letter reading (learned/): how closely the letter's words as a whole resemble letters read high,
   *  0–1, and the words that weighed most. At LEARNED_HIGH or above it raises concern to high. */
  resemblance: { score: number; words: string[] }
  /** The order in which staff should read letters, 0–100 (priority.ts). */
  priority: number
}

const canonicaliser = new Canonicaliser(VOCABULARY)

/** Tokens with misspellings mapped onto the lexicon's words. */
export function tokenise(text: string): Token[] {
  const tokens = normalise(text, (w) => canonicaliser.knows(w))
  for (const t of tokens) t.word = canonicaliser.canonical(t.word)
  return tokens
}

export function analyseLetter(text: string): LetterAnalysis {
  const tokens = split(tokenise(text))
  const reading = prepareReading(tokens, [...findMatches(tokens), ...findStructures(tokens)])
  const decision = decide(reading)
  const found = findFamilies(reading, text)
  const spanOf = (first: number, after: number): Span => {
    const start = tokens[first]!.start
    const end = tokens[after - 1]!.end
    return { text: text.slice(start, end), start, end }
  }
  const span = <L>(f: Found<L>): Span => spanOf(f.match.start, f.match.end)
  const worries = decision.worries.map((f) => ({ theme: f.label, ...span(f) }))
  const whole = readWhole(tokens.map((t) => t.word))
  const raised = raiseConcern(decision.concern, found, worries) // the families raise concern, never lower it
  const safeguarding: LetterAnalysis['safeguarding'] = decision.safeguarding.map((f) => ({ category: f.label, ...span(f) }))
  // the disclosure reading can add a match for the DSL to judge where no rule found one; it never removes one
  const told = safeguarding.length === 0 ? readDisclosure(tokens) : null
  if (told) {
    const inSentence = tokens.filter((t) => t.sentence === told.sentence)
    safeguarding.push({ category: told.category, ...spanOf(inSentence[0]!.index, inSentence[inSentence.length - 1]!.index + 1), learned: true })
  }
  const analysis = {
    // the whole-letter reading settles it with the lexicon's concern; a disclosure is always high
    concern: settleConcern(raised, {
      disclosed: safeguarding.length > 0,
      firm: decision.pervasive || [...familyLevels(found).values()].includes('strong'),
      score: whole.score,
    }),
    worries,
    interests: decision.interests.map((f) => ({ interest: f.label, ...span(f) })),
    strengths: decision.strengths.map((f) => ({ strength: f.label, ...span(f) })),
    safeguarding,
    families: found.map((f) => ({ family: f.family, strength: f.strength, ...spanOf(f.start, f.end) })),
    resemblance: whole,
  }
  return { ...analysis, priority: letterPriority(analysis) }
}
