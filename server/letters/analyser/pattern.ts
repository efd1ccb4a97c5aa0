// Step 3b: a small phrase language for the lexicon, compiled once and matched over tokens.
//   "scared|afraid"  one of these words        "@CARER"  a word class (classes.ts)
//   "really?"        an optional word          "*" / "**"  up to 3 / 6 words of anything
//   "$"              the end of the clause     "#"  a number
//   "(on my own / by myself)"  one of several phrases (expanded into one pattern each)
import type { Placed } from './split'

type Element =
  | { kind: 'words'; words: ReadonlySet<string>; optional: boolean }
  | { kind: 'gap'; max: number }
  | { kind: 'end' }
  | { kind: 'number'; optional: boolean }

export interface Pattern {
  source: string
  elements: Element[]
  firstWords: string[] | null // null when the first element is a number
  /** The word sets after the first that must each be met in the sentence: a cheap test before matching. */
  required?: ReadonlyArray<ReadonlySet<string>>
}

/** Expand "(a b / c)" groups into plain patterns: "eat (on my own / alone)" -> two patterns. */
export function expandGroups(source: string): string[] {
  const open = source.indexOf('(')
  if (open === -1) return [source]
  const close = source.indexOf(')', open)
  if (close === -1) throw new Error(`unclosed group in "${source}"`)
  const head = source.slice(0, open)
  const tail = source.slice(close + 1)
  return source.slice(open + 1, close).split('/').flatMap((alt) => expandGroups(`${head} ${alt.trim()} ${tail}`.replace(/\s+/g, ' ').trim()))
}

export function compilePattern(source: string, classes: Readonly<Record<string, readonly string[]>>): Pattern {
  const elements: Element[] = []
  for (const part of source.trim().split(/\s+/)) {
    if (part === '*' || part === '**') { elements.push({ kind: 'gap', max: part === '*' ? 3 : 6 }); continue }
    if (part === '$') { elements.push({ kind: 'end' }); continue }
    const optional = part.endsWith('?')
    const body = optional ? part.slice(0, -1) : part
    if (body === '#') { elements.push({ kind: 'number', optional }); continue }
    const words = new Set<string>()
    for (const alt of body.split('|')) {
      if (alt.startsWith('@')) {
        const name = alt.slice(1)
        const members = Object.hasOwn(classes, name) ? classes[name] : undefined
        if (!members) throw new Error(`unknown word class ${alt} in "${source}"`)
        for (const m of members) words.add(m)
      } else words.add(alt)
    }
    elements.push({ kind: 'words', words, optional })
  }
  const first = elements[0]
  if (!first || first.kind === 'gap' || first.kind === 'end' || ('optional' in first && first.optional)) {
    throw new Error(`pattern "${source}" must start with a required word`)
  }
  const required = elements.slice(1).filter((e): e is Extract<Element, { kind: 'words' }> => e.kind === 'words' && !e.optional).map((e) => e.words)
  return { source, elements, firstWords: first.kind === 'words' ? [...first.words] : null, required }
}

/** Every word a pattern can match literally (the fuzzy matcher's vocabulary). */
export function patternWords(p: Pattern): string[] {
  const out: string[] = []
  for (const e of p.elements) if (e.kind === 'words') out.push(...e.words)
  return out
}

/** The index after the last token matched when the pattern matches at `start`, or -1. */
export function matchAt(p: Pattern, tokens: readonly Placed[], start: number): number {
  const first = tokens[start]
  if (first === undefined) return -1
  if (p.required && p.required.length > 0) {
    const words = sentenceWords(tokens, first.sentence)
    for (const set of p.required) if (!meets(set, words)) return -1
  }
  return step(p.elements, tokens, first.sentence, 0, start, start)
}

// The words of each sentence of a letter, computed once per letter the first time a pattern asks.
const SENTENCE_WORDS = new WeakMap<readonly Placed[], Map<number, Set<string>>>()
function sentenceWords(tokens: readonly Placed[], sentence: number): Set<string> {
  let bySentence = SENTENCE_WORDS.get(tokens)
  if (!bySentence) {
    bySentence = new Map()
    for (const t of tokens) {
      let set = bySentence.get(t.sentence)
      if (!set) bySentence.set(t.sentence, (set = new Set()))
      set.add(t.word)
    }
    SENTENCE_WORDS.set(tokens, bySentence)
  }
  return bySentence.get(sentence) ?? new Set()
}

function meets(set: ReadonlySet<string>, words: ReadonlySet<string>): boolean {
  const [small, large] = set.size <= words.size ? [set, words] : [words, set]
  for (const w of small) if (large.has(w)) return true
  return false
}

// A plain recursive function (no closure per call): matching runs for every token of every letter.
function step(elements: readonly Element[], tokens: readonly Placed[], sentence: number, ei: number, ti: number, lastMatched: number): number {
  if (ei === elements.length) return lastMatched
  const e = elements[ei]!
  const t = tokens[ti]
  const inSentence = t !== undefined && t.sentence === sentence
  switch (e.kind) {
    case 'end':
      return !inSentence || t.clause !== tokens[lastMatched - 1]!.clause ? step(elements, tokens, sentence, ei + 1, ti, lastMatched) : -1
    case 'gap':
      for (let skip = 0; skip <= e.max; skip++) {
        const u = tokens[ti + skip - 1]
        if (skip > 0 && (u === undefined || u.sentence !== sentence)) break
        const r = step(elements, tokens, sentence, ei + 1, ti + skip, lastMatched)
        if (r !== -1) return r
      }
      return -1
    case 'number': {
      if (inSentence && /^\d+$/.test(t.word)) {
        const r = step(elements, tokens, sentence, ei + 1, ti + 1, ti + 1)
        if (r !== -1) return r
      }
      return e.optional ? step(elements, tokens, sentence, ei + 1, ti, lastMatched) : -1
    }
    case 'words': {
      if (inSentence && e.words.has(t.word)) {
        const r = step(elements, tokens, sentence, ei + 1, ti + 1, ti + 1)
        if (r !== -1) return r
      }
      return e.optional ? step(elements, tokens, sentence, ei + 1, ti, lastMatched) : -1
    }
  }
}
