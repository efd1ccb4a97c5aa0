// Harm to the child, to a parent, to oneself: a person + a harm verb (any form or misspelling) + me/us/my
// brother/my arm/my mum/myself. Games, play, hugs and accidents (playOrAccident) excuse a blow; sport
// and kitchens excuse only harm to oneself.
import {
  ACCIDENT, ACCIDENT_BEFORE, A_THING, BECAUSE_OF, CUT_AS_CARE, DRAGGED_ALONG, DRAGGED_TO, FEAR_OF_A_BLOW, GAME, HELD_DOWN, IN_A_GAME,
  INTO_THE_BODY, MODAL, NEEDS_PARTICLE, NOT_A_THING, ON_THE_VICTIM, OVER_OR_AT, PARTNERS, PLAYTHINGS, PLAY_OR_FIGHT, PUSH_INTO, SAID_IT,
  SELF_LEMMAS, SHARP, SPORT_STEMS, STORY, STRUCK_WITH_A_THING, THREATENED_HARM, THREATENED_PARENT, THROWN_TO_PLAY, THROWN_WHERE, TODDLER_LEMMAS, WILL_DO,
} from '../lexicon/structure-harm'
import { BODY, HARMED_PARENTS, HOME_ADULTS, KIN, KIN_ADJECTIVES, ME_OR_US, PRONOUNS, YOUNG } from '../lexicon/structure-people'
import type { Placed } from '../split'
import { clauseBefore, sameClause, sameSentence, type Clauses, type Finding } from './clauses'
import { actorOf, atHome, negatedBetween } from './people'
import { harmVerb } from './verbs'

type Victim = { end: number; kind: 'me' | 'body' | 'kin' | 'parent' | 'self' | 'other' }

/** What the harm verb at `verb` lands on: me/us, my arm, my little brother, my mum/her, myself. */
function victimAfter(tokens: readonly Placed[], verb: number, lemma: string): Victim | null {
  let k = verb + 1
  const word = (n: number) => (sameClause(tokens, verb, n) ? tokens[n]?.word : undefined)
  // "stamps on my fingers", "spat on me"
  if (word(k) === 'on' && ON_THE_VICTIM.has(lemma)) k++
  // with something, over or at someone: "smashed a bottle over her head", "burnt a lighter on my arm"
  if (A_THING.has(word(k) ?? '') && !NOT_A_THING.has(word(k + 1) ?? '')) {
    for (let n = k + 1; n <= k + 3; n++) {
      if (OVER_OR_AT.has(word(n) ?? '') && STRUCK_WITH_A_THING.has(word(n + 1) ?? '')) { k = n + 1; break }
    }
  }
  // "hits me", "hits me and my brother", "kicked us", "punched my arm", "hurt myself"
  const w = word(k)
  if (w === undefined) return null
  let victim: Victim | null = null
  if (w === 'myself' || (w === 'my' && word(k + 1) === 'self') || w === 'meself') victim = { end: k + (w === 'my' ? 2 : 1), kind: 'self' }
  else if (ME_OR_US.has(w)) victim = { end: k + 1, kind: 'me' }
  else if (w === 'my' || w === 'our') {
    let n = k + 1
    while (word(n) !== undefined && KIN_ADJECTIVES.has(word(n)!)) n++
    const noun = word(n)
    if (noun === undefined) return null
    if (BODY.has(noun)) victim = { end: n + 1, kind: 'body' }
    else if (HARMED_PARENTS.has(noun)) victim = { end: n + 1, kind: 'parent' }
    else if (KIN.has(noun)) victim = { end: n + 1, kind: 'kin' }
    else return null
  } else if (w === 'her' || w === 'him' || HARMED_PARENTS.has(w)) {
    // "her" as a possessive ("hit her head") still lands on her
    victim = { end: k + 1, kind: 'parent' }
  } else return null
  if (NEEDS_PARTICLE.has(lemma) && !HELD_DOWN.has(word(victim.end) ?? '') && !(lemma === 'tie' && word(victim.end) === 'up')) return null
  return victim
}

/** Games, play and accidents around a harm clause: "punches me off the edge", "hit me with a pillow",
 *  "drags me out of bed". Used for every physical-harm finding, phrase or structure. */
export function playOrAccident(tokens: readonly Placed[], from: number, to: number, self = false): boolean {
  if (!tokens.slice(from, to).some((t) => harmVerb(t.word) !== null)) return false
  const sentence = tokens[from]!.sentence
  const after = (n: number) => tokens[to + n]?.word
  const verb = tokens.slice(from, to).map((t) => harmVerb(t.word)).find((l) => l !== null)
  // "drags me out of bed", "pushes me to do my best", "throws me up in the air"
  if (after(0) === 'out' && after(1) === 'of' && after(2) === 'bed') return true
  if (verb === 'push' && after(0) === 'to') return true
  // "drags me to the football every week", "dragged me round the shops"
  if (verb === 'drag' && (DRAGGED_ALONG.has(after(0) ?? '') || (after(0) === 'to' && DRAGGED_TO.has(after(1) ?? '')))) return true
  if ((verb === 'throw' || verb === 'chuck') && (after(0) === 'up' || (after(0) === 'in' && after(2) === 'air'))) return true
  for (let j = from; j < tokens.length && j <= to + 6 && tokens[j]!.sentence === sentence; j++) {
    const w = tokens[j]!.word
    if (PLAYTHINGS.has(w) || ACCIDENT.has(w)) return true
    // a sport or activity only counts for harm to oneself ("hurt my wrist at trampolining"); a blow from someone
    // else "when I lose at football" is still a blow
    if (self && (SPORT_STEMS.some((stem) => w.startsWith(stem)) || (j > to && tokens[j - 1]!.word === 'at' && w.endsWith('ing')))) return true
    if (j > to && j <= to + 4 && GAME.has(w) && tokens.slice(to, j).some((t) => IN_A_GAME.has(t.word)) &&
      !tokens.slice(to, j).some((t) => BECAUSE_OF.has(t.word))) return true
  }
  // the game named before, in the same sentence: "on smash bros he punches me off the edge"
  for (let j = from - 1; j >= 0 && tokens[j]!.sentence === sentence; j--) {
    const w = tokens[j]!.word
    if (PLAYTHINGS.has(w) || ACCIDENT_BEFORE.has(w)) return true
    if (PLAY_OR_FIGHT.has(w) && tokens.slice(j + 1, j + 5).some((t) => t.sentence === sentence && GAME.has(t.word))) return true
  }
  return false
}

/** A book, film, myth or game named before the verb in its sentence: what happens in it happens to characters. */
function storyTold(tokens: readonly Placed[], verb: number): boolean {
  const sentence = tokens[verb]!.sentence
  for (let j = verb - 1; j >= 0 && tokens[j]!.sentence === sentence; j--) if (STORY.has(tokens[j]!.word)) return true
  return false
}

/** A fear of what will happen, not a thing that happens: "I'm scared he will…". */
function feared(tokens: readonly Placed[], verb: number): boolean {
  const sentence = tokens[verb]!.sentence
  let modal = false
  for (let j = verb - 1; j >= 0 && verb - j <= 8 && tokens[j]!.sentence === sentence; j--) {
    if (MODAL.has(tokens[j]!.word)) modal = true
    if (modal && FEAR_OF_A_BLOW.has(tokens[j]!.word)) return true
  }
  return false
}

export function harmAt({ tokens }: Clauses, i: number, lemma: string, out: Finding[]): void {
  let victim = victimAfter(tokens, i, lemma)
  // "throws things at me", "chucked a plate at us"
  if (victim === null && (lemma === 'throw' || lemma === 'chuck')) {
    for (let k = i + 1; k <= i + 4 && k + 1 < tokens.length && sameClause(tokens, i, k + 1); k++) {
      if (tokens[k]!.word === 'at' && ME_OR_US.has(tokens[k + 1]!.word)) { victim = { end: k + 2, kind: 'me' }; break }
    }
    if (victim !== null && !playOrAccident(tokens, i, victim.end)) {
      const actor = actorOf(tokens, i)
      if (actor.kind === 'adult' && !negatedBetween(tokens, actor.index, i)) out.push({ rule: 'a person harms the child', label: 'physical_abuse', start: Math.min(actor.index, i), end: victim.end })
    }
    return
  }
  if (victim === null) return
  // "pushes me to do my best", "pushed me on the swing", "holds me up"
  const next = tokens[victim.end]?.word
  if (lemma === 'push' && (next === 'to' || next === 'on')) return
  if (lemma === 'cut' && CUT_AS_CARE.has(tokens[victim.end - 1]!.word)) return
  if (victim.kind === 'self' && lemma === 'beat' && next === 'up') return
  if (lemma === 'hurt' && tokens[victim.end]?.word === 'feelings') return
  if (lemma === 'throw' && !THROWN_WHERE.has(next ?? '') && victim.kind !== 'me') return
  if (lemma === 'throw' && THROWN_TO_PLAY.has(next ?? '')) return
  if (playOrAccident(tokens, i, victim.end)) return
  const actor = actorOf(tokens, i)
  if (negatedBetween(tokens, actor.index, i)) return
  if (victim.kind === 'self' || (victim.kind === 'body' && actor.kind === 'self')) {
    if (SELF_LEMMAS.has(lemma) && !playOrAccident(tokens, i, victim.end, true)) out.push({ rule: 'harm to oneself', label: 'self_harm', start: i, end: victim.end })
    return
  }
  if (actor.kind !== 'adult') return // another child is bullying; a thing or the child is no disclosure
  // a toddler biting or a hug squeezing: "my little sister bit me because she is 2"
  if (YOUNG.has(tokens[actor.index - 1]?.word ?? '') && TODDLER_LEMMAS.has(lemma)) return
  // feared, not happening, from someone outside the home: "I'm worried the man at the shop will shout"
  if (!HOME_ADULTS.has(actor.word) && feared(tokens, i)) return
  // a story told: "I am reading Percy Jackson and he kills Medusa by cutting her head off" — he and her are
  // characters (nobody at home is named), not a parent and the child's home
  if (victim.kind === 'parent' && PRONOUNS.has(actor.word) && !HARMED_PARENTS.has(tokens[victim.end - 1]!.word) && storyTold(tokens, i)) return
  const start = Math.min(actor.index, i)
  if (lemma === 'starve') { out.push({ rule: 'a carer starves the child', label: 'neglect', start, end: victim.end }); return }
  if (victim.kind === 'parent') {
    if (atHome(actor) || PARTNERS.has(actor.word)) out.push({ rule: 'an adult harms a parent', label: 'domestic_abuse', start, end: victim.end })
    return
  }
  out.push({ rule: 'a person harms the child', label: 'physical_abuse', start, end: victim.end })
}

/** "i stick pins in my legs", "i dig my nails into my arms", "i press a lighter on my arm": something sharp or hot into one's own body. */
export function sharpIntoSelf({ tokens }: Clauses, i: number, out: Finding[]): void {
  const w = tokens[i]!.word
  if (!PUSH_INTO.has(w)) return
  if (actorOf(tokens, i).kind !== 'self') return
  const rest = tokens.slice(i + 1, i + 8).filter((t) => sameClause(tokens, i, t.index))
  const sharp = rest.findIndex((t) => SHARP.has(t.word))
  if (sharp === -1) return
  const into = rest.slice(sharp + 1).findIndex((t, n, a) => INTO_THE_BODY.has(t.word) && a[n + 1]?.word === 'my' && BODY.has(a[n + 2]?.word ?? ''))
  if (into === -1) return
  out.push({ rule: 'harm to oneself', label: 'self_harm', start: i, end: rest[sharp + 1 + into + 2]!.index + 1 })
}

/** "on purpose" with I and my own body: "i slam my hand in the door on purpose", "i bang my knees on purpose". */
export function onPurpose({ tokens }: Clauses, i: number, out: Finding[]): void {
  if (!((tokens[i]!.word === 'on' && tokens[i + 1]?.word === 'purpose') || tokens[i]!.word === 'deliberately')) return
  const clause = clauseBefore(tokens, i)
  const mine = clause.findIndex((t, n) => t.word === 'my' && BODY.has(clause[n + 1]?.word ?? ''))
  const me = clause.findIndex((t) => t.word === 'i')
  if (mine === -1 || me === -1 || me > mine) return
  out.push({ rule: 'harm to oneself', label: 'self_harm', start: clause[me]!.index, end: i + 2 })
}

/** Threats to a parent: "dad said he would kill her", "he threatens to stab mum". */
export function threatAt(c: Clauses, i: number, out: Finding[]): void {
  const { tokens } = c
  const w = tokens[i]!.word
  if (!THREATENED_HARM.has(w)) return
  const victim = tokens[i + 1]?.word === 'my' ? tokens[i + 2]?.word : tokens[i + 1]?.word
  if (!THREATENED_PARENT.has(victim ?? '')) return
  const before = tokens.slice(Math.max(0, i - 6), i).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
  if (!before.some((b) => WILL_DO.has(b))) return
  if (!before.some((b) => SAID_IT.has(b))) return
  const actor = actorOf(tokens, i)
  if (actor.kind !== 'adult' || !atHome(actor)) return
  if (c.sentenceAt[i]!.tokens.some((t) => t.word === 'lol' || t.word === 'if')) return
  out.push({ rule: 'an adult at home threatens to kill or hurt a parent', label: 'domestic_abuse', start: actor.index, end: i + 2 })
}
