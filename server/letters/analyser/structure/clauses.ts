// What every structural rule reads: the letter's tokens with each token's sentence, computed once per
// letter. (The rules ask for "the rest of this sentence" at every token; filtering the whole letter each
// time made reading a letter quadratic in its length.) split() numbers sentences and clauses in order, so
// each is one run of tokens.
import type { Placed } from '../split'

export interface Sentence {
  readonly tokens: readonly Placed[]
  readonly words: readonly string[]
  readonly has: (word: string) => boolean
}

export interface Clauses {
  readonly tokens: readonly Placed[]
  /** The sentence of the token at each index: one object shared by all its tokens. */
  readonly sentenceAt: readonly Sentence[]
}

/** A structural finding, before it becomes a Match. `carer`: the one who does it must not be another child. */
export interface Finding { rule: string; label: string; start: number; end: number; carer?: boolean }

export function clausesOf(tokens: readonly Placed[]): Clauses {
  const sentenceAt: Sentence[] = []
  for (let start = 0, end = 1; start < tokens.length; start = end++) {
    while (end < tokens.length && tokens[end]!.sentence === tokens[start]!.sentence) end++
    const members = tokens.slice(start, end)
    const words = members.map((t) => t.word)
    const sentence: Sentence = { tokens: members, words, has: (word) => words.includes(word) }
    for (let j = start; j < end; j++) sentenceAt.push(sentence)
  }
  return { tokens, sentenceAt }
}

/** The tokens before `i` in its clause, in order. */
export function clauseBefore(tokens: readonly Placed[], i: number): Placed[] {
  let start = i
  while (start > 0 && tokens[start - 1]!.clause === tokens[i]!.clause) start--
  return tokens.slice(start, i)
}

export const sameSentence = (tokens: readonly Placed[], a: number, b: number) => tokens[a]?.sentence === tokens[b]?.sentence
export const sameClause = (tokens: readonly Placed[], a: number, b: number) => tokens[a]?.clause === tokens[b]?.clause
