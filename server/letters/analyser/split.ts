// Step 2: sentences, clauses and segments. Negation and time are read inside a clause;
// a worry word reaches the topics of its segment (a sentence cut at "but", "although"…),
// so "nervous about getting lost but excited about science" keeps science out of the worry.
import type { Token } from './normalise'

export interface Placed extends Token {
  index: number
  sentence: number
  segment: number
  clause: number
}

const CONTRAST = new Set(['but', 'although', 'though', 'however', 'whereas', 'except', 'anyway', 'still'])
const CAUSAL = new Set(['because', 'since'])
const SUBJECTS = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'it', 'there', 'my', 'mum', 'dad', 'everyone', 'nobody', 'people'])

// "still" and "though" only open a new segment at the start of a clause ("Still I'm looking forward…");
// elsewhere they are ordinary words ("I still like reading", "…though").
function startsSegment(word: string, prev: string | undefined, next: string | undefined, clauseStart: boolean): boolean {
  if (word === 'still' || word === 'anyway') return clauseStart
  if (word === 'though') return next !== undefined && SUBJECTS.has(next) && prev !== 'even'
  return CONTRAST.has(word)
}

// "…and my books. Love Isla": a closing "Love"/"From" is a sign-off, not a liking.
function isSignOff(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]!.word
  return (w === 'love' || w === 'from' || w === 'bye' || w === 'cya') && tokens.length - i <= 3 && (i === 0 || tokens[i]!.breakBefore !== null)
}

export function split(tokens: readonly Token[]): Placed[] {
  const out: Placed[] = []
  let sentence = 0
  let segment = 0
  let clause = 0
  let signedOff = false
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const prev = tokens[i - 1]?.word
    const next = tokens[i + 1]?.word
    if (isSignOff(tokens, i)) {
      signedOff = true // the sign-off word itself is dropped; the name after it stands alone
      continue
    }
    if (out.length > 0) {
      if (t.breakBefore === 'sentence' || signedOff) {
        sentence++; segment++; clause++
      } else {
        const clauseStart = t.breakBefore !== null
        if (startsSegment(t.word, prev, next, clauseStart)) {
          segment++; clause++
        } else if (
          t.breakBefore === 'clause' ||
          CAUSAL.has(t.word) ||
          (t.word === 'so' && next !== undefined && SUBJECTS.has(next)) ||
          (t.word === 'and' && next !== undefined && SUBJECTS.has(next) && next !== 'my') ||
          (t.word === 'now' && prev !== 'right') ||
          (t.breakBefore === 'comma' && SUBJECTS.has(t.word))
        ) {
          clause++
        }
      }
    }
    signedOff = false
    out.push({ word: t.word, start: t.start, end: t.end, emphasis: t.emphasis, breakBefore: t.breakBefore, index: out.length, sentence, segment, clause })
  }
  return out
}
