// Indirect signs: disclosures that name no harm verb — the injury, the instrument, the place, the secrecy,
// the preparation — across the categories.
import { COERCE } from '../lexicon/structure-sexual'
import { ACCIDENT, PLAYTHINGS } from '../lexicon/structure-harm'
import { PAY } from '../lexicon/structure-exploitation'
import {
  ALONE_OR_SECRET, A_PARENT, BLAMED_FOR, BREATHE, BY_ACCIDENT, CHANGES, CLOSE_TOUCH, CLOTHES_TO_LIFT, DETERMINERS, ELSEWHERE, FOR_AGES,
  FOR_WEEKS, GIVE, GIVEN_AWAY, HARMFUL, HER_MEANS, IGNORES, ILL, INJURY, INJURY_EXCUSES, INSTRUMENTS, IN_OR_INTO, IT_OR_ME, I_GET, LATE_HOURS,
  LOCKS, MAKE, MY_OR_ALL, OUT_DRINKING, OUT_ORDINARY, SENT, SIGHTSEEING, STOOD, SWALLOW, TAKES_AWAY, THINKING_OF_IT, TIES, TILL,
  TOWNS, TO_HURT, TO_OR_UP, UNDER, UNEASY, UNSAFE_PLACES, USED_KINDLY, WAITING_UP, WORK_FOR, WRITTEN,
} from '../lexicon/structure-indirect'
import { CLOTHING } from '../lexicon/structure-neglect'
import { NOT_OR_NEVER } from '../lexicon/words'
import { ADULTS, BODY, HOME_ADULTS, MOTHERLY, OBJECT_MARKERS, PRONOUNS } from '../lexicon/structure-people'
import type { Clauses, Finding } from './clauses'
import { actorOf, atHome } from './people'

export function indirectAt(c: Clauses, i: number, out: Finding[]): void {
  const { tokens } = c
  const w = tokens[i]!.word
  const { tokens: inSentence, words, has } = c.sentenceAt[i]!
  const any = (set: ReadonlySet<string>) => words.some((x) => set.has(x))
  const firstIndex = inSentence[0]!.index
  const push = (rule: string, label: string, start: number, end: number) => out.push({ rule, label, start, end })
  const adultBefore = () => {
    const a = actorOf(tokens, i)
    if (a.kind === 'adult') return a
    // the sentence's subject, further back: "my stepdad sat on my chest till i couldnt breathe"
    const first = inSentence.find((t) => t.index < i && (ADULTS.has(t.word) || PRONOUNS.has(t.word)) && !OBJECT_MARKERS.has(tokens[t.index - 1]?.word ?? ''))
    return first && first.word !== 'they' ? { index: first.index, kind: 'adult' as const, word: first.word } : null
  }
  // an injury an adult gave: "gave me a black eye", "sat on my chest till i couldnt breath", "left marks"
  if ((w === 'black' && tokens[i + 1]?.word === 'eye') || INJURY.has(w) || (BREATHE.has(w) && NOT_OR_NEVER.has(tokens[i - 1]?.word ?? '')) ||
    (w === 'pass' && tokens[i + 1]?.word === 'out')) {
    const a = adultBefore()
    const onMe = words.some((x, n) => (x === 'me' || (x === 'my' && BODY.has(words[n + 1] ?? ''))) && firstIndex + n < i)
    const play = words.some((x) => ACCIDENT.has(x) || PLAYTHINGS.has(x) || INJURY_EXCUSES.has(x))
    if (a && onMe && !play) {
      if (!has('i') || words.indexOf('i') > words.indexOf(a.word)) push('an injury an adult gave', 'physical_abuse', a.index, i + 1)
      return
    }
  }
  // the instrument: "takes it out on me with the hairbrush", "goes for me with a belt"
  if (w === 'with' && DETERMINERS.has(tokens[i + 1]?.word ?? '') && INSTRUMENTS.has(tokens[i + 2]?.word ?? '')) {
    const before = tokens.slice(Math.max(firstIndex, i - 8), i).map((t) => t.word)
    const a = adultBefore()
    if (a && before.includes('me') && !before.some((v) => USED_KINDLY.has(v))) {
      push('an adult goes for the child with something', 'physical_abuse', a.index, i + 3); return
    }
  }
  // tied to something: "ties me to the chair"
  if (TIES.has(w) && tokens[i + 1]?.word === 'me' && TO_OR_UP.has(tokens[i + 2]?.word ?? '')) {
    if (adultBefore()) { push('an adult ties the child', 'physical_abuse', i, i + 3); return }
  }
  // a parent locked in or out, her phone taken: coercive control
  if (LOCKS.has(w) && A_PARENT.has(tokens[i + 1]?.word === 'my' ? tokens[i + 2]?.word ?? '' : tokens[i + 1]?.word ?? '')) {
    const a = adultBefore()
    if (a && atHome(a)) { push('a parent locked in or out', 'domestic_abuse', a.index, i + 2); return }
  }
  if (TAKES_AWAY.has(w) && tokens[i + 1]?.word === 'her' && HER_MEANS.has(tokens[i + 2]?.word ?? '')) {
    const a = adultBefore()
    if (a && atHome(a) && a.word !== 'mum') { push('a parent\'s phone or money taken', 'domestic_abuse', a.index, i + 3); return }
  }
  // an adult in the child's bed, or close touch when nobody else is there
  if (w === 'bed' && tokens[i - 1]?.word === 'my' && IN_OR_INTO.has(tokens[i - 2]?.word ?? '')) {
    const a = adultBefore()
    const uneasy = has('like') && any(NOT_OR_NEVER) || any(UNEASY)
    if (a && uneasy && !MOTHERLY.has(a.word)) { push('an adult in the child\'s bed', 'sexual_abuse', a.index, i + 1); return }
  }
  if (CLOSE_TOUCH.has(w)) {
    const alone = (has('no') && has('one') && has('else')) || (has('nobody') && has('else')) || any(ALONE_OR_SECRET) || (has('on') && has('our') && has('own'))
    const a = adultBefore()
    if (alone && a && !HOME_ADULTS.has(a.word)) { push('close touch from an adult when nobody else is there', 'sexual_abuse', a.index, i + 1); return }
  }
  // "paid me to show him under my skirt"
  if ((PAY.has(w) || COERCE.has(w)) && tokens[i + 1]?.word === 'me') {
    const rest = tokens.slice(i + 2, i + 10).filter((t) => t.sentence === tokens[i]!.sentence).map((t) => t.word)
    if (rest.some((r) => UNDER.has(r)) && rest.some((r) => CLOTHES_TO_LIFT.has(r))) {
      const a = actorOf(tokens, i)
      if (a.kind !== 'self' && a.kind !== 'none') { push('paid or made to expose oneself', 'sexual_abuse', Math.min(a.index, i), i + 2); return }
    }
  }
  // neglect: the same clothes for weeks, nobody changes the baby, waiting up for a carer out at the pub
  if (w === 'same' && tokens.slice(i + 1, i + 3).some((t) => CLOTHING.has(t.word)) && tokens.slice(i + 2, i + 8).some((t) => FOR_WEEKS.has(t.word))) {
    push('the same clothes for weeks', 'neglect', i, i + 2); return
  }
  if ((w === 'nobody' || (w === 'no' && tokens[i + 1]?.word === 'one')) && tokens.slice(i + 1, i + 4).some((t) => CHANGES.has(t.word))) {
    push('nobody looks after the baby', 'neglect', i, i + 3); return
  }
  if (WAITING_UP.has(w) && (any(OUT_DRINKING) || (has('out') && !any(OUT_ORDINARY))) &&
    words.some((x, n) => TILL.has(x) && (/^\d+$/.test(words[n + 1] ?? '') || LATE_HOURS.has(words[n + 1] ?? '')))) {
    push('waiting up for a carer who is out', 'neglect', i, i + 1); return
  }
  // exploitation: working for someone, sent to other towns
  if (w === 'work' && tokens[i - 1]?.word === 'i' && tokens[i + 1]?.word === 'for' && WORK_FOR.has(tokens[i + 2]?.word ?? '')) {
    push('a child who works for someone', 'exploitation', i - 1, i + 3); return
  }
  if (SENT.has(w) && tokens.slice(i + 1, i + 8).some((t) => TOWNS.has(t.word)) && any(ELSEWHERE)) {
    if (tokens.slice(Math.max(firstIndex, i - 3), i).some((t) => I_GET.has(t.word))) { push('sent to other towns', 'exploitation', i, i + 1); return }
  }
  // emotional: ignored for weeks, blamed for a death, "wishes it was me instead"
  if (IGNORES.has(w) && tokens[i + 1]?.word === 'me' && tokens.slice(i + 2, i + 5).some((t) => FOR_AGES.has(t.word))) {
    if (adultBefore()) { push('ignored for days', 'emotional_abuse', i, i + 2); return }
  }
  if ((w === 'fault' && tokens[i - 1]?.word === 'my' && any(BLAMED_FOR)) ||
    (w === 'wishes' && tokens[i + 1]?.word === 'it' && tokens[i + 2]?.word === 'was' && tokens[i + 3]?.word === 'me')) {
    const a = adultBefore()
    if (a && atHome(a)) { push('a carer blames the child', 'emotional_abuse', a.index, i + 1); return }
  }
  // self-harm: making oneself ill, drinking what is under the sink, wanting it to hurt
  if (MAKE.has(w) && tokens[i + 1]?.word === 'myself' && tokens.slice(i + 2, i + 4).some((t) => ILL.has(t.word))) {
    push('making oneself ill', 'self_harm', i, i + 3); return
  }
  if (SWALLOW.has(w) && (tokens[i - 1]?.word === 'i' || tokens[i - 2]?.word === 'i') &&
    tokens.slice(i + 1, i + 7).some((t) => HARMFUL.has(t.word)) && !any(BY_ACCIDENT)) {
    push('swallowing what harms', 'self_harm', i, i + 1); return
  }
  if (w === 'want' && tokens[i - 1]?.word === 'i' && IT_OR_ME.has(tokens[i + 1]?.word ?? '') && tokens[i + 2]?.word === 'to' && TO_HURT.has(tokens[i + 3]?.word ?? '')) {
    push('wanting it to hurt', 'self_harm', i, i + 4); return
  }
  // suicidal: a will, giving things away, standing somewhere high and thinking about it
  if (((w === 'will' && tokens[i - 1]?.word === 'my' && WRITTEN.has(tokens[i - 2]?.word ?? '')) ||
    (GIVE.has(w) && tokens.slice(i + 1, i + 5).some((t) => t.word === 'away') && tokens.slice(i + 1, i + 4).some((t) => MY_OR_ALL.has(t.word)) &&
      any(GIVEN_AWAY))) && words.includes('i')) {
    push('putting affairs in order', 'suicidal', i, i + 1); return
  }
  if (UNSAFE_PLACES.has(w) && words.includes('i') && any(THINKING_OF_IT)) {
    const stood = any(STOOD)
    if (stood && !any(SIGHTSEEING)) { push('somewhere high, thinking about it', 'suicidal', i, i + 1); return }
  }
}
