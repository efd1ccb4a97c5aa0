// Step 5: decide. Safeguarding whenever a disclosure is read in context (recall first);
// concern "high" for significant distress, "some" for ordinary nerves, "none" otherwise;
// interests only where the child likes or does something now.
import { agentOf, intensity, isCarerAct, isFigurative, isHypothetical, isNegated, isPast, type Reading } from './context'
import type { Interest, SafeguardingCategory, WorryTheme, Concern } from './labels'
import type { Match } from './match'
import { compileSet, findIn, type PatternSet } from './families/patterns'
import { playOrAccident } from './structure'

export interface Found<L> { label: L; match: Match }

export interface Decision {
  concern: Concern
  worries: Array<Found<WorryTheme>>
  interests: Array<Found<Interest>>
  strengths: Array<Found<string>>
  safeguarding: Array<Found<SafeguardingCategory>>
  /** high because the child names many worries and nothing to look forward to (the whole-letter reading never settles it lower) */
  pervasive: boolean
}

const SILENCEABLE = new Set(['safeguarding', 'worry', 'topic', 'cue'])
const HIGH_CUE_STRENGTH = 3
const PERVASIVE_THEMES = 3

function kindOf(m: Match): string {
  return m.compiled.entry.kind
}

export function decide(r: Reading): Decision {
  // Figures of speech silence worries and disclosures, never interests ("hit the ball for six at cricket").
  const live = r.matches.filter((m) => !SILENCEABLE.has(kindOf(m)) || !isFigurative(r, m))
  const ofKind = (kind: string) => live.filter((m) => kindOf(m) === kind)
  const current = (m: Match) => !isNegated(r, m) && !isPast(r, m)
  const inClause = (m: Match, kind: string) => ofKind(kind).filter((x) => r.tokens[x.start]!.clause === r.tokens[m.start]!.clause)

  // Safeguarding: timeless, negated only by a negator right before it ("he never hits me"), and
  // acts by another child are bullying, not abuse. A negation that says it has happened is no
  // negation: "not anymore", "don't do it again", "I hope you're not still hurting yourself".
  const safeguarding = ofKind('safeguarding')
    .filter((m) => !isNegated(r, m, 3) || SAYS_IT_HAPPENED.some((w) => liveWordIn(r, m, w)) || livePhraseIn(r, m, 'any', 'more'))
    .filter((m) => !m.compiled.entry.carer || isCarerAct(r, m))
    // a blow in a game, in play or by accident ("he punches me off the edge in smash bros") is not abuse
    .filter((m) => m.compiled.entry.label !== 'physical_abuse' || m.compiled.entry.literal || !playOrAccident(r.tokens, m.start, m.end))
    // "I was so embarrassed I wanted to die" is a figure of speech for embarrassment
    .filter((m) => m.compiled.entry.label !== 'suicidal' || !embarrassed(r, m))
    // a benign twin of the entry in the same sentence: "we watch Home Alone", "since Dad moved out to his flat"
    .filter((m) => !benignTwin(r, m))
    .map((match) => ({ label: match.compiled.entry.label as SafeguardingCategory, match }))

  const cues = ofKind('cue').filter(current)
  const positives = ofKind('positive').filter(current)
  const likes = ofKind('like').filter((m) => !isNegated(r, m) && !isPast(r, m))
  const worries: Array<Found<WorryTheme>> = []
  let high = false

  const disclosed = (m: Match) => safeguarding.some((s) => s.match.start < m.end && m.start < s.match.end)
  for (const m of ofKind('worry')) {
    const e = m.compiled.entry
    if (isNegated(r, m) || disclosed(m)) continue
    if (!e.timeless && isPast(r, m)) continue
    worries.push({ label: e.label as WorryTheme, match: m })
    if (e.high && !(e.actual && isHypothetical(r, m)) && !othersThink(r, m)) high = true
  }

  // A worry word reaches the topics of its segment, except in a clause that is glad about them.
  // A topic inside a longer worry or topic is part of it: "mum" in "miss my mum" is separation, not family too.
  const unexplained: Match[] = [] // worry words that reach no topic
  const topics = ofKind('topic')
    .filter((m) => !isNegated(r, m) || inClause(m, 'cue').length > 0)
    .filter((m) => !live.some((o) => (kindOf(o) === 'topic' || kindOf(o) === 'worry') && o.compiled.entry.label !== m.compiled.entry.label &&
      o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start))
  for (const cue of cues) {
    const segment = r.tokens[cue.start]!.segment
    const sentence = r.tokens[cue.start]!.sentence
    const strong = intensity(r, cue) >= HIGH_CUE_STRENGTH
    const reachable = (t: Match) => {
      const clauseIsGlad = inClause(t, 'positive').some(current) || inClause(t, 'like').some(current)
      return !clauseIsGlad || inClause(t, 'cue').length > 0
    }
    let reached = topics.filter((t) => r.tokens[t.start]!.segment === segment && reachable(t))
    const ownWorries = worries.filter((w) => r.tokens[w.match.start]!.segment === segment)
    if (reached.length === 0 && ownWorries.length === 0) {
      reached = topics.filter((t) => r.tokens[t.start]!.sentence === sentence && reachable(t))
    }
    for (const t of reached) worries.push({ label: t.compiled.entry.label as WorryTheme, match: t })
    if (reached.length === 0 && ownWorries.length === 0) unexplained.push(cue)
    if (strong) high = true
  }

  // "I'm nervous but excited" with the worry named elsewhere in the letter is that worry, not general
  // anxiety; a worry word with nothing named anywhere is general anxiety.
  if (worries.length === 0) for (const cue of unexplained) worries.push({ label: 'general_anxiety', match: cue })

  // A worry also reaches the topics of its own clause ("at lunch I usually eat on my own").
  for (const w of [...worries]) {
    const clause = r.tokens[w.match.start]!.clause
    for (const t of topics) {
      const inside = worries.some((o) => o.match.start <= t.start && t.end <= o.match.end) // "lunch" in "take my lunch money"
      if (r.tokens[t.start]!.clause === clause && !inside && !inClause(t, 'positive').some(current)) worries.push({ label: t.compiled.entry.label as WorryTheme, match: t })
    }
  }

  const themes = new Set(worries.map((w) => w.label))
  // Several ordinary worries beside something the child likes or looks forward to are ordinary nerves:
  // "worried about homework and detentions and getting lost. i like cricket".
  const interests = dedupe(interestsOf(r, live, likes))
  const excited = positives.length > 0 || interests.length > 0 || likes.some((l) => ['can', 'looking', 'excited', 'exited', 'dying'].includes(r.tokens[l.start]!.word))
  const pervasive = themes.size >= PERVASIVE_THEMES && !excited
  if (pervasive) high = true
  if (safeguarding.length > 0) high = true
  if (repeatsDistress(r)) high = true

  const concern: Concern = high ? 'high' : worries.length > 0 ? 'some' : 'none'
  return {
    concern,
    worries: dedupe(worries),
    interests,
    strengths: dedupe(ofKind('strength').filter((m) => !isNegated(r, m)).map((match) => ({ label: match.compiled.entry.label!, match }))),
    safeguarding: dedupe(safeguarding),
    pervasive,
  }
}

function interestsOf(r: Reading, live: readonly Match[], likes: readonly Match[]): Array<Found<Interest>> {
  const out: Array<Found<Interest>> = []
  const clauseOf = (m: Match) => r.tokens[m.start]!.clause
  const segmentOf = (m: Match) => r.tokens[m.start]!.segment
  for (const m of live) {
    if (kindOf(m) !== 'interest') continue
    if (isNegated(r, m) || isPast(r, m)) continue
    const otherSense = live.some((x) => kindOf(x) === 'notInterest' && x.compiled.entry.label === m.compiled.entry.label && x.start < m.end && m.start < x.end)
    if (otherSense) continue
    const sameClause = (kind: string) => live.filter((x) => kindOf(x) === kind && clauseOf(x) === clauseOf(m) && x.start < m.start + 1)
    const disliked = sameClause('dislike').some((d) => !isNegated(r, d))
    if (disliked) continue
    const liked = likes.some((l) => segmentOf(l) === segmentOf(m) && clauseOf(l) === clauseOf(m)) ||
      likes.some((l) => segmentOf(l) === segmentOf(m) && l.start < m.start)
    const worried = sameClause('cue').some((c) => !isNegated(r, c)) && !likes.some((l) => clauseOf(l) === clauseOf(m))
    if (worried) continue
    if (m.compiled.entry.selfEvident || liked) out.push({ label: m.compiled.entry.label as Interest, match: m })
  }
  return out
}

/** A distressed clause said again and again: "i dont like it i dont like it", "help me help me". */
const DISTRESS_WORDS = new Set(['not', 'no', 'hate', 'scared', 'help', 'stop', 'please', 'hurts', 'want'])
function repeatsDistress(r: Reading): boolean {
  const w = r.tokens.map((t) => t.word)
  for (let n = 2; n <= 5; n++) {
    for (let i = 0; i + 2 * n <= w.length; i++) {
      let same = true
      for (let k = 0; k < n && same; k++) same = w[i + k] === w[i + n + k]
      if (same && w.slice(i, i + n).some((x) => DISTRESS_WORDS.has(x)) && r.tokens[i]!.sentence === r.tokens[i + 2 * n - 1]!.sentence) return true
    }
  }
  return false
}

const EMBARRASSED = new Set(['embarrassed', 'embarrassing', 'embarrassment', 'cringe', 'cringey', 'cringy'])
function embarrassed(r: Reading, m: Match): boolean {
  const sentence = r.tokens[m.start]!.sentence
  return r.tokens.some((t) => t.sentence === sentence && EMBARRASSED.has(t.word))
}

/** Fearing what others will think ("people thinking im dumb") is a worry about being judged, not self-hatred. */
function othersThink(r: Reading, m: Match): boolean {
  if (m.compiled.entry.label !== 'self_esteem') return false
  for (let j = m.start - 1; j >= 0 && m.start - j <= 2; j--) {
    const w = r.tokens[j]!.word
    if (w === 'think' || w === 'thinking' || w === 'thinks' || w === 'thought') return r.tokens[j - 1]?.word !== 'i'
  }
  return false
}

const twinSets = new Map<readonly string[], PatternSet>()
function benignTwin(r: Reading, m: Match): boolean {
  const unless = m.compiled.entry.unless
  if (!unless) return false
  let set = twinSets.get(unless)
  if (!set) twinSets.set(unless, (set = compileSet(unless)))
  const sentence = r.tokens[m.start]!.sentence
  let from = m.start
  let to = m.end
  while (from > 0 && r.tokens[from - 1]!.sentence === sentence) from--
  while (to < r.tokens.length && r.tokens[to]!.sentence === sentence) to++
  return findIn(set, r.tokens, from, to) !== null
}

const SAYS_IT_HAPPENED = ['anymore', 'again', 'hope', 'still']

function livePhraseIn(r: Reading, m: Match, first: string, second: string): boolean {
  const clause = r.tokens[m.start]!.clause
  return r.tokens.some((t, i) => t.clause === clause && t.word === first && r.tokens[i + 1]?.word === second)
}

function liveWordIn(r: Reading, m: Match, word: string): boolean {
  const clause = r.tokens[m.start]!.clause
  return r.tokens.some((t) => t.clause === clause && t.word === word)
}

/** One finding per label and place: drop a span that overlaps an earlier (or longer) one with the same label. */
function dedupe<L>(found: Array<Found<L>>): Array<Found<L>> {
  const sorted = [...found].sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end)
  const out: Array<Found<L>> = []
  for (const f of sorted) {
    if (out.some((o) => o.label === f.label && o.match.start < f.match.end && f.match.start < o.match.end)) continue
    out.push(f)
  }
  return out
}

export { agentOf }
