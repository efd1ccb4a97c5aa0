// Step 3c: find every lexicon phrase in a letter's tokens.
import { BY_FIRST_WORD, NUMBER_KEY, type CompiledEntry } from './lexicon'
import { matchAt } from './pattern'
import type { Placed } from './split'

export interface Match {
  compiled: CompiledEntry
  start: number // first token index
  end: number // token index after the last
}

export function findMatches(tokens: readonly Placed[]): Match[] {
  const found: Match[] = []
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.word
    const candidates = BY_FIRST_WORD.get(/^\d+$/.test(word) ? NUMBER_KEY : word)
    const alsoWord = /^\d+$/.test(word) ? BY_FIRST_WORD.get(word) : undefined
    for (const list of [candidates, alsoWord]) {
      if (!list) continue
      for (const compiled of list) {
        const end = matchAt(compiled.pattern, tokens, i)
        if (end !== -1) found.push({ compiled, start: i, end })
      }
    }
  }
  return found
}
