// The words a letter is read by as a whole: its normalised words (misspellings already mapped onto the
// lexicon's words by tokenise) as single words and as pairs. Words every letter has are left out.
const COMMON: ReadonlySet<string> = new Set(['the', 'a', 'an', 'and', 'to', 'of', 'in', 'it', 'is', 'at', 'on', 'for', 'be', 'so', 'my', 'me', 'i',
  'you', 'dear', 'year', '7', 'school', 'secondary', 'from', 'love', 'hi', 'hello', 'future'])

/** The letter's features, each once: `u:word` and `b:word_word`. */
export function featuresOf(words: readonly string[]): string[] {
  const out = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (!COMMON.has(w)) out.add(`u:${w}`)
    const next = words[i + 1]
    if (next !== undefined) out.add(`b:${w}_${next}`)
  }
  return [...out]
}
