// The whole lexicon, compiled once: patterns indexed by their first word, and the vocabulary
// the fuzzy matcher maps misspellings onto.
import { compilePattern, expandGroups, patternWords, type Pattern } from '../pattern'
import { CLASSES } from './classes'
import { DISLIKE, FIGURES, LIKE, PAST, POSITIVE, PRESENT, STRENGTHS } from './context'
import { INTEREST_SELF_EVIDENT, INTEREST_TERMS, NOT_INTEREST } from './interests'
import { LITERAL, SAFEGUARDING } from './safeguarding'
import type { Entry } from './types'
import { CUES, WORRIES } from './worries'
import { FUNCTION_WORDS } from './words'

export type { Entry, EntryKind } from './types'

export interface CompiledEntry {
  entry: Entry
  pattern: Pattern
}

export const ALL_ENTRIES: readonly Entry[] = [
  ...SAFEGUARDING, ...LITERAL, ...CUES, ...WORRIES, ...INTEREST_TERMS, ...INTEREST_SELF_EVIDENT, ...NOT_INTEREST,
  ...POSITIVE, ...LIKE, ...DISLIKE, ...PAST, ...PRESENT, ...FIGURES, ...STRENGTHS,
]

export const COMPILED: readonly CompiledEntry[] = ALL_ENTRIES.flatMap((entry) =>
  expandGroups(entry.pattern).map((source) => ({ entry, pattern: compilePattern(source, CLASSES) })),
)

// Patterns that begin with a number ("#") are indexed under this key.
export const NUMBER_KEY = '#'

export const BY_FIRST_WORD: ReadonlyMap<string, readonly CompiledEntry[]> = (() => {
  const index = new Map<string, CompiledEntry[]>()
  for (const c of COMPILED) {
    for (const w of c.pattern.firstWords ?? [NUMBER_KEY]) {
      const list = index.get(w)
      if (list) list.push(c)
      else index.set(w, [c])
    }
  }
  return index
})()


/** Every word the lexicon knows, plus the function words the rules read. */
export const VOCABULARY: ReadonlySet<string> = (() => {
  const words = new Set<string>()
  for (const c of COMPILED) for (const w of patternWords(c.pattern)) words.add(w)
  for (const list of Object.values(CLASSES)) for (const w of list) words.add(w)
  for (const w of FUNCTION_WORDS) words.add(w)
  return words
})()
