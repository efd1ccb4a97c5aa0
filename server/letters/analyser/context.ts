// Step 4: read the context of each match — figures of speech, negation, time, intensity,
// and who does what to whom. Each function answers one question about one match.
import { CLASSES } from './lexicon/classes'
import { INTENSIFIERS, LAUGHTER, MITIGATORS, MODALS, NEGATORS, PAST_VERBS, PERSISTENCE, PRONOUN_AGENTS, SIBLINGS } from './lexicon/words'
import type { Match } from './match'
import type { Placed } from './split'

const CARERS = new Set(CLASSES['CARER'])
const PEERS = new Set(CLASSES['PEER'])
const NEGATION_WINDOW = 6

export interface Reading {
  tokens: readonly Placed[]
  matches: readonly Match[]
  consumed: ReadonlySet<number> // negators that belong to a phrase ("can not wait", "hope i do not")
  figures: readonly Match[]
}

const OWNS_NEGATION = new Set(['cue', 'positive', 'like', 'dislike', 'past', 'present', 'worry', 'safeguarding', 'figure'])

export function prepareReading(tokens: readonly Placed[], matches: readonly Match[]): Reading {
  const consumed = new Set<number>()
  for (const m of matches) {
    if (!OWNS_NEGATION.has(m.compiled.entry.kind)) continue
    for (let i = m.start; i < m.end; i++) if (NEGATORS.has(tokens[i]!.word)) consumed.add(i)
  }
  return { tokens, matches, consumed, figures: matches.filter((m) => m.compiled.entry.kind === 'figure') }
}

/** A figure of speech overlaps the match ("dying to", "beats me at Mario Kart"). */
export function isFigurative(r: Reading, m: Match): boolean {
  if (m.compiled.entry.literal) return false
  return r.figures.some((f) => f !== m && f.start < m.end && m.start < f.end)
}

/** A negator before the match in its clause ("I'm not scared", "I don't think I'll get lost"). */
export function isNegated(r: Reading, m: Match, window = NEGATION_WINDOW): boolean {
  const clause = r.tokens[m.start]!.clause
  for (let j = m.start - 1; j >= 0 && m.start - j <= window; j--) {
    const t = r.tokens[j]!
    if (t.clause !== clause) break
    if (NEGATORS.has(t.word) && !r.consumed.has(j)) return true
  }
  return false
}

function liveOfKind(r: Reading, clause: number, kind: string): Match[] {
  return r.matches.filter((x) => x.compiled.entry.kind === kind && r.tokens[x.start]!.clause === clause)
}

/** "used to", "at first", "I was scared": the match is about the past, unless the clause says "now". */
export function isPast(r: Reading, m: Match): boolean {
  const clause = r.tokens[m.start]!.clause
  if (liveOfKind(r, clause, 'present').length > 0) return false
  const pastMarkers = liveOfKind(r, clause, 'past').filter((p) => {
    // "get used to it" and "I'm used to big schools" are not the past.
    const before = r.tokens[p.start - 1]?.word
    return !(r.tokens[p.start]!.word === 'used' && before !== undefined && ['get', 'getting', 'got', 'be', 'being', 'am', 'is', 'are', 'was', 'were'].includes(before))
  })
  if (pastMarkers.length > 0) return true
  for (let j = m.start - 1, steps = 0; j >= 0 && steps < 3; j--, steps++) {
    const t = r.tokens[j]!
    if (t.clause !== clause) break
    if (PAST_VERBS.has(t.word)) return true
    if (!INTENSIFIERS.has(t.word) && !MITIGATORS.has(t.word) && t.word !== 'a') break
  }
  return false
}

/** Strength of a worry word: intensifiers, capitals and repetition raise it; "a bit" lowers it, and so
 *  does laughter in the same sentence ("so scared I'll forget my kit lol"). */
export function intensity(r: Reading, m: Match): number {
  let strength = m.compiled.entry.strength ?? 1
  let emphasis = r.tokens[m.start]!.emphasis
  let mitigated = false
  const clause = r.tokens[m.start]!.clause
  for (let j = m.start - 1; j >= 0 && m.start - j <= 4; j--) {
    const t = r.tokens[j]!
    if (t.clause !== clause) break
    if (INTENSIFIERS.has(t.word)) {
      strength += 1
      emphasis ||= t.emphasis
    } else if (MITIGATORS.has(t.word)) mitigated = true
  }
  if (emphasis) strength += 1
  if (mitigated) strength -= 1
  const sentence = r.tokens[m.start]!.sentence
  if (r.tokens.some((t) => t.sentence === sentence && LAUGHTER.has(t.word))) strength -= 1
  const rest = r.tokens.filter((t) => t.clause === clause && t.index >= m.end).map((t) => t.word).join(' ')
  if (PERSISTENCE.some((p) => rest.includes(p))) strength += 2
  return strength
}

/** Something feared, not happening: "I'm scared they'll push me" against "they push me". */
export function isHypothetical(r: Reading, m: Match): boolean {
  const clause = r.tokens[m.start]!.clause
  const sentence = r.tokens[m.start]!.sentence
  for (let j = m.start - 1; j >= 0 && m.start - j <= 8; j--) {
    const t = r.tokens[j]!
    if (t.sentence !== sentence || (t.clause !== clause && t.word !== 'that')) break
    if (MODALS.has(t.word)) return true
  }
  return false
}

/** Who does it: the carer or adult named before the match, or another child (then it is bullying, not abuse). */
export function agentOf(r: Reading, m: Match): string | null {
  const sentence = r.tokens[m.start]!.sentence
  const firstWord = r.tokens[m.start]!.word
  let j = m.start
  if (!CARERS.has(firstWord) || PRONOUN_AGENTS.has(firstWord)) {
    const pronoun = PRONOUN_AGENTS.has(firstWord) ? firstWord : null
    for (j = m.start - 1; j >= 0 && r.tokens[j]!.sentence >= sentence - 1; j--) {
      const w = r.tokens[j]!.word
      if ((CARERS.has(w) && !PRONOUN_AGENTS.has(w)) || PEERS.has(w)) return w
      if (pronoun === null && PRONOUN_AGENTS.has(w)) return w
    }
    return pronoun
  }
  return firstWord
}

export function isCarerAct(r: Reading, m: Match): boolean {
  const agent = agentOf(r, m)
  if (agent === null) return true // recall first: an unnamed someone is for the DSL to judge
  if (PEERS.has(agent) && !CARERS.has(agent)) return false
  if (agent === 'friend' || agent === 'mate' || agent === 'mates' || agent === 'they') return false
  if (m.compiled.entry.label === 'emotional_abuse' && SIBLINGS.has(agent)) return false
  return true
}
