// Who does it: the person before a verb, he/she/they resolved to the person named before, and a negator
// between them ("he never hits me").
import { ADULTS, CHILDREN, HOME_ADULTS, NOT_ACTOR, OBJECT_MARKERS, PRONOUNS, THINGS_ANYWHERE } from '../lexicon/structure-people'
import { NEGATORS } from '../lexicon/words'
import type { Placed } from '../split'
import { sameClause } from './clauses'

export type Actor = { index: number; kind: 'adult' | 'child' | 'self' | 'none'; word: string }

/** A negator between the subject and the verb, or just before the verb: "he never hits me", "she does not hurt me". */
export function negatedBetween(tokens: readonly Placed[], from: number, verb: number): boolean {
  for (let j = Math.max(from, verb - 3); j < verb; j++) if (NEGATORS.has(tokens[j]!.word) && sameClause(tokens, j, verb)) return true
  return false
}

/** Who does the verb at `verb`: the nearest person before it in its sentence; he/she/they resolve to the
 *  nearest person named earlier (up to two sentences back). */
export function actorOf(tokens: readonly Placed[], verb: number): Actor {
  const sentence = tokens[verb]!.sentence
  for (let j = verb - 1; j >= 0 && verb - j <= 14 && tokens[j]!.sentence === sentence; j--) {
    const w = tokens[j]!.word
    // "stares at me when i am on the toilet": a verb in -s cannot have "I" as its subject
    if (w === 'i' && /[^s]s$/.test(tokens[verb]!.word)) continue
    // "me" is the object ("messages me asking…") unless it opens the subject ("me and my brother")
    if (w === 'me' && tokens[j + 1]?.word !== 'and') continue
    if (w === 'i' || w === 'me') return { index: j, kind: 'self', word: w }
    if (ADULTS.has(w)) return { index: j, kind: 'adult', word: w }
    // a child after a preposition is not who does it: "makes fun of me in front of everyone and calls me thick"
    // (an adult has already been taken above, preposition or not)
    if (CHILDREN.has(w) && OBJECT_MARKERS.has(tokens[j - 1]?.word ?? '') && j < verb - 1) continue
    // "my dads friend", "mums mate": an adult's friend is an adult
    if (CHILDREN.has(w)) return { index: j, kind: HOME_ADULTS.has(tokens[j - 1]?.word ?? '') ? 'adult' : 'child', word: w }
    if (PRONOUNS.has(w)) return resolvePronoun(tokens, j)
    // a thing as the subject: "the door hit me", "it hurts me" (not "punches the wall and then punches me")
    if (NOT_ACTOR.has(w) && (j === verb - 1 || THINGS_ANYWHERE.has(w))) return { index: j, kind: 'none', word: w }
  }
  return { index: verb, kind: 'none', word: '' }
}

function resolvePronoun(tokens: readonly Placed[], at: number): Actor {
  const sentence = tokens[at]!.sentence
  for (let j = at - 1; j >= 0 && tokens[j]!.sentence >= sentence - 2; j--) {
    const w = tokens[j]!.word
    if (ADULTS.has(w)) return { index: at, kind: 'adult', word: w }
    if (CHILDREN.has(w)) return { index: at, kind: 'child', word: w }
  }
  // "he hits me" with nobody named: recall first, a person for the DSL to judge; an unnamed "they" is
  // usually other children ("I'm scared they'll push me").
  const w = tokens[at]!.word
  return { index: at, kind: w === 'they' ? 'child' : 'adult', word: w }
}

/** An adult at home, or he/she/they meaning one. */
export const atHome = (actor: Actor) => HOME_ADULTS.has(actor.word) || PRONOUNS.has(actor.word)
