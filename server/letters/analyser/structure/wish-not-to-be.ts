// Wishing not to be: I + want/wish/think about… + die/disappear/not wake up/not exist…, and "everyone would
// be better if I was gone".
import {
  ABOUT, BE, BETTER, DEATH_AS_A_FIGURE_BEFORE, DEATH_WORDS, EMBARRASSED, FEARED, FILLER, GONE, HIGH_OR_MOVING, KILL_ONESELF, LEAP,
  MYSELF_OR_ME, NEGATED_WISH, NOT_BE, OVERDOSE, STOP, STOPPED_BEING, TAKE, THOUGHT, WAKE,
} from '../lexicon/structure-wish'
import { NEGATORS, NOT_OR_NEVER } from '../lexicon/words'
import { sameClause, type Clauses, type Finding } from './clauses'

export { WISH } from '../lexicon/structure-wish'

/** At a wish word (WISH): what is wished, if it is not to be. */
export function deathWishAt(c: Clauses, i: number, out: Finding[]): void {
  const { tokens } = c
  // the wish is the child's own: "I" before it in the clause ("sometimes i think about…", "i just want to…")
  let subject = false
  for (let j = i - 1; j >= 0 && i - j <= 4 && sameClause(tokens, i, j); j--) if (tokens[j]!.word === 'i') { subject = true; break }
  if (!subject) return
  if (c.sentenceAt[i]!.tokens.some((t) => EMBARRASSED.has(t.word))) return
  const thought = THOUGHT.has(tokens[i]!.word)
  for (let k = i + 1; k < tokens.length && k - i <= 7 && sameClause(tokens, i, k); k++) {
    const w = tokens[k]!.word
    const prev = tokens[k - 1]!.word
    const after = tokens[k + 1]?.word
    let hit = false
    const between = tokens.slice(i + 1, k).map((t) => t.word)
    if (DEATH_WORDS.has(w) && !DEATH_AS_A_FIGURE_BEFORE.has(after ?? '') && !(w === 'dying' && prev === 'not') &&
      !between.some((b) => FEARED.has(b)) && (!thought || between.some((b) => ABOUT.has(b)))) hit = true
    // not waking up, never waking, stop breathing, not exist, not be here/alive, be gone (forever)
    if (WAKE.has(w) && NOT_OR_NEVER.has(prev)) hit = true
    if (STOPPED_BEING.has(w) && STOP.has(prev)) hit = true
    if (NOT_BE.has(w) && tokens.slice(i + 1, k).some((t) => NOT_OR_NEVER.has(t.word))) hit = true
    if (w === 'gone' && BE.has(prev)) hit = true
    // jumping off or in front of something high or moving
    if (LEAP.has(w) && (after === 'off' || (after === 'in' && tokens[k + 2]?.word === 'front'))) {
      const place = tokens.slice(k + 2, k + 7).map((t) => t.word)
      if (place.some((p) => HIGH_OR_MOVING.has(p))) hit = true
    }
    let end = k + 1
    // "thought about taking all of mums pills"
    if (TAKE.has(w) && tokens.slice(k + 1, k + 6).some((t) => OVERDOSE.has(t.word))) hit = true
    if (KILL_ONESELF.has(w) && MYSELF_OR_ME.has(after ?? '')) { hit = true; end = k + 2 }
    if (hit) {
      // "I don't want to die", "I never think about dying": the wish itself is denied
      for (let j = Math.max(0, i - 3); j < i; j++) if (NEGATORS.has(tokens[j]!.word) && sameClause(tokens, j, i)) return
      // the span is what is wished, in the child's words ("not waking up", "disappear")
      let from = NEGATED_WISH.has(prev) ? Math.max(i + 1, k - 1) : k
      if (NOT_BE.has(w)) for (let j = k - 1; j > i; j--) if (NOT_OR_NEVER.has(tokens[j]!.word)) { from = j; break }
      out.push({ rule: 'wishing not to exist', label: 'suicidal', start: from, end })
      return
    }
    // something else is the subject of the wish: "i wish the homework would disappear"
    if (!FILLER.has(w)) return
  }
}

/** "it would be easier if i just wasnt around", "everyone would be happier if i was gone". */
export function betterWithout(c: Clauses, i: number, out: Finding[]): void {
  const { tokens } = c
  if (tokens[i]!.word !== 'if' || tokens[i + 1]?.word !== 'i') return
  const sentence = tokens[i]!.sentence
  if (!c.sentenceAt[i]!.tokens.some((t) => BETTER.has(t.word))) return
  const rest = tokens.slice(i + 2, i + 8).filter((t) => t.sentence === sentence)
  for (let n = 0; n < rest.length; n++) {
    const w = rest[n]!.word
    const negated = rest.slice(0, n).some((t) => NOT_OR_NEVER.has(t.word))
    if ((NOT_BE.has(w) && negated) || GONE.has(w)) {
      out.push({ rule: 'better if I was not here', label: 'suicidal', start: i, end: rest[n]!.index + 1 })
      return
    }
    if (!FILLER.has(w)) return
  }
}
