// Sexual harm: a person touches, films or watches the child undressed; a hand inside the child's clothes;
// made to undress or touch; an adult in the bath or bed with the child; questions about underwear.
import {
  ASKS, BATH_OR_BED, CARERS_WHO_UNDRESS, CLOTHES_OFF, CLOTHES_QUESTION_ORDINARY, COERCE, COMFORT, DO, DOWN_OR_OFF, GETS_IN, GET_OR_HAVE, HANDS,
  INSIDE, INTIMATE, INTIMATE_BODY, IN_SECRET, LOOK, ON_A_LAP, PICTURES, PULL_OFF, PUT, SHOW_A_BODY, SIT_OR_LIE, STRIPPED, TAKES, THEIR_BODY,
  THINGS, TOUCH, TOUCH_THEM, UNDER_CLOTHES, UNDERWEAR, UNDRESSED, UNWANTED_THINGS, WHOSE_HAND, WITH_THEM,
} from '../lexicon/structure-sexual'
import { BODY, HIS_HER_THEIR, MOTHERLY_IN_BATH, RELATIVE_CHILDREN, RELATIVE_CHILDREN_WHO_WATCH } from '../lexicon/structure-people'
import { sameClause, sameSentence, type Clauses, type Finding } from './clauses'
import { actorOf, negatedBetween, type Actor } from './people'

// what a child is made to do that exposes them: undress, pull down, get in the bath with him, touch him
function exposing(words: readonly string[]): boolean {
  const has = (w: string) => words.includes(w)
  const any = (set: ReadonlySet<string>) => words.some((w) => set.has(w))
  if (any(STRIPPED)) return true
  if (any(PULL_OFF) && any(DOWN_OR_OFF) && any(CLOTHES_OFF)) return true
  if (any(GET_OR_HAVE) && any(BATH_OR_BED) && any(WITH_THEM)) return true
  if (any(TOUCH_THEM) && any(THEIR_BODY)) return true
  if (any(SIT_OR_LIE) && any(ON_A_LAP) && any(HIS_HER_THEIR)) return true
  if (has('show') && any(SHOW_A_BODY)) return true
  // "made me do things in his room that i didnt want to"
  if (any(DO) && any(THINGS) && any(UNWANTED_THINGS)) return true
  return false
}

/** An adult, or an older relative who is a child. */
const adultOrRelative = (actor: Actor) => actor.kind === 'adult' || (actor.kind === 'child' && RELATIVE_CHILDREN.has(actor.word))

export function sexualAt(c: Clauses, i: number, out: Finding[]): void {
  const { tokens } = c
  const w = tokens[i]!.word
  // made or asked to expose oneself: "makes me get in the bath with him", "asked me to pull my trousers down"
  if (COERCE.has(w) && tokens[i + 1]?.word === 'me') {
    const words = tokens.slice(i + 2, i + 10).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    const actor = actorOf(tokens, i)
    if (actor.kind !== 'self' && actor.kind !== 'none' && exposing(words) && !words.some((x) => CARERS_WHO_UNDRESS.has(x))) {
      out.push({ rule: 'made to undress or touch', label: 'sexual_abuse', start: Math.min(actor.index, i), end: i + 2 }); return
    }
  }
  // an adult getting into the bath, shower or bed with the child: "gets into the shower with me"
  if (GETS_IN.has(w)) {
    const rest = tokens.slice(i + 1, i + 7).filter((t) => sameClause(tokens, i, t.index)).map((t) => t.word)
    const place = rest.findIndex((r) => BATH_OR_BED.has(r))
    if (place !== -1 && rest[place + 1] === 'with' && rest[place + 2] === 'me') {
      const actor = actorOf(tokens, i)
      if (actor.kind === 'adult' && !MOTHERLY_IN_BATH.has(actor.word) && !rest.some((r) => COMFORT.has(r))) {
        out.push({ rule: 'an adult in the bath, shower or bed with the child', label: 'sexual_abuse', start: Math.min(actor.index, i), end: i + place + 4 }); return
      }
    }
  }
  // questions about the child's body or underwear: "a man on fortnite keeps asking what colour my underwear is"
  if (ASKS.has(w)) {
    const words = tokens.slice(i + 1, i + 13).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    if (words.some((x) => UNDERWEAR.has(x)) && !words.some((x) => CLOTHES_QUESTION_ORDINARY.has(x))) {
      const actor = actorOf(tokens, i)
      if (adultOrRelative(actor)) {
        out.push({ rule: 'asked about the child\'s body or underwear', label: 'sexual_abuse', start: Math.min(actor.index, i), end: i + 1 }); return
      }
    }
  }
  // touching the child's body with secrecy or under clothes: "rubs my leg under the table and says its our thing"
  if (TOUCH.has(w) && tokens[i + 1]?.word === 'my' && BODY.has(tokens[i + 2]?.word ?? '')) {
    const secret = c.sentenceAt[i]!.tokens.some((t) => IN_SECRET.has(t.word) && t.index > i)
    const intimate = INTIMATE_BODY.has(tokens[i + 2]!.word)
    const actor = actorOf(tokens, i)
    if (secret && intimate && adultOrRelative(actor) && !negatedBetween(tokens, actor.index, i)) {
      out.push({ rule: 'touching the child\'s body in secret', label: 'sexual_abuse', start: Math.min(actor.index, i), end: i + 3 }); return
    }
  }
  // a hand in or under the child's clothes: "puts his hand in my pants", "put her hands up my top"
  if (PUT.has(w) && WHOSE_HAND.has(tokens[i + 1]?.word ?? '') && HANDS.has(tokens[i + 2]?.word ?? '') &&
    INSIDE.has(tokens[i + 3]?.word ?? '') && tokens[i + 4]?.word === 'my') {
    if (UNDER_CLOTHES.has(tokens[i + 5]?.word ?? '')) {
      out.push({ rule: 'a hand inside the child\'s clothes', label: 'sexual_abuse', start: i, end: i + 6 }); return
    }
  }
  // "takes photos of me when i am getting dressed": photographing the child is looking at the child
  if (TAKES.has(w) && PICTURES.has(tokens[i + 1]?.word ?? '') && tokens[i + 2]?.word === 'of' && tokens[i + 3]?.word === 'me') {
    lookAt(c, i, i + 3, false, out); return
  }
  const touching = TOUCH.has(w)
  if (!LOOK.has(w) && !touching) return
  let k = i + 1
  if (tokens[k]?.word === 'at') k++
  if (tokens[k]?.word !== 'me' || !sameClause(tokens, i, k)) return
  lookAt(c, i, k, touching, out)
}

function lookAt(c: Clauses, i: number, k: number, touching: boolean, out: Finding[]): void {
  const { tokens } = c
  const actor = actorOf(tokens, i)
  if (actor.kind !== 'adult' && !(actor.kind === 'child' && RELATIVE_CHILDREN_WHO_WATCH.has(actor.word))) return
  if (negatedBetween(tokens, actor.index, i)) return
  const context = touching ? INTIMATE : UNDRESSED
  const exposed = c.sentenceAt[i]!.tokens.some((t) => Math.abs(t.index - k) <= 8 && context.has(t.word))
  if (!exposed) return
  out.push({ rule: 'a person touches, films or watches the child undressed', label: 'sexual_abuse', start: Math.min(actor.index, i), end: k + 1 })
}
