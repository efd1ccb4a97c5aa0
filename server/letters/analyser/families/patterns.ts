// Lists of patterns compiled once and found inside a range of a letter's tokens (a sentence or a clause).
import { CLASSES } from '../lexicon/classes'
import { compilePattern, expandGroups, matchAt, type Pattern } from '../pattern'
import type { Placed } from '../split'

export interface PatternSet { byFirstWord: ReadonlyMap<string, readonly Pattern[]>; numbered: readonly Pattern[] }

export function compileSet(sources: readonly string[]): PatternSet {
  const byFirstWord = new Map<string, Pattern[]>()
  const numbered: Pattern[] = []
  for (const source of sources) {
    for (const expanded of expandGroups(source)) {
      const p = compilePattern(expanded, CLASSES)
      if (p.firstWords === null) { numbered.push(p); continue }
      for (const w of p.firstWords) {
        const list = byFirstWord.get(w)
        if (list) list.push(p)
        else byFirstWord.set(w, [p])
      }
    }
  }
  return { byFirstWord, numbered }
}

/** The first match of any pattern in the set starting in [from, to): its token span, or null. */
export function findIn(set: PatternSet, tokens: readonly Placed[], from: number, to: number): { start: number; end: number } | null {
  for (let i = from; i < to; i++) {
    const word = tokens[i]!.word
    const candidates = /^\d+$/.test(word) ? set.numbered : set.byFirstWord.get(word)
    if (!candidates) continue
    for (const p of candidates) {
      const end = matchAt(p, tokens, i)
      if (end !== -1 && end <= to) return { start: i, end }
    }
  }
  return null
}
