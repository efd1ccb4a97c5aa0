// Step 5b: distress families (issue 11). Subtle distress is many weak signals, not one phrase: a cue is a
// state the child is in (lexicon/family-*.ts, one file per family), read with the analyser's own context —
// negation, time, figures of speech, intensity — and with persistence ("every night", "since christmas"),
// which strengthens it, and the benign readings that weaken it (excitement, play and screens, a trouble
// that is over). Each cue found is weak, clear or strong; rule.ts turns them into concern.
import { intensity, isFigurative, isNegated, isPast, type Reading } from '../context'
import { MODALS } from '../lexicon/words'
import type { CompiledEntry } from '../lexicon'
import { ANGER } from '../lexicon/family-anger'
import { APPEASEMENT } from '../lexicon/family-appeasement'
import { AVOIDANCE } from '../lexicon/family-avoidance'
import { CAREGIVING } from '../lexicon/family-caregiving'
import { EATING } from '../lexicon/family-eating'
import { EXCITEMENT, PERSISTENCE_FRAMES, PLAY, RESOLVED } from '../lexicon/family-context'
import { HIDING } from '../lexicon/family-hiding'
import { HOPELESSNESS } from '../lexicon/family-hopelessness'
import { ISOLATION } from '../lexicon/family-isolation'
import { LOSS } from '../lexicon/family-loss'
import { PANIC } from '../lexicon/family-panic'
import { PERFECTIONISM } from '../lexicon/family-perfectionism'
import { RUMINATION } from '../lexicon/family-rumination'
import { SECRECY } from '../lexicon/family-secrecy'
import { SELF_WORTH } from '../lexicon/family-self-worth'
import { SLEEP } from '../lexicon/family-sleep'
import { SOMATIC } from '../lexicon/family-somatic'
import { TEARFULNESS } from '../lexicon/family-tearfulness'
import type { DistressFamily, FamilyCue } from '../lexicon/types'
import type { Match } from '../match'
import { matchAt } from '../pattern'
import type { Placed } from '../split'
import { compileSet, findIn, type PatternSet } from './patterns'
import { levelOf, type FamilyStrength } from './rule'

export { DISTRESS_FAMILIES, type DistressFamily } from '../lexicon/types'
export { familiesMakeHigh, familyLevels, raiseConcern, type FamilyStrength } from './rule'

export const FAMILY_CUES: readonly FamilyCue[] = [
  ...SLEEP, ...SOMATIC, ...SELF_WORTH, ...HIDING, ...AVOIDANCE, ...HOPELESSNESS, ...ISOLATION, ...LOSS, ...SECRECY, ...CAREGIVING,
  ...RUMINATION, ...APPEASEMENT, ...PANIC, ...ANGER, ...TEARFULNESS, ...EATING, ...PERFECTIONISM,
]

/** A cue found in a letter: token span (end exclusive), already read in context. */
export interface FamilyFinding { family: DistressFamily; strength: FamilyStrength; start: number; end: number }

interface CompiledCue { cue: FamilyCue; compiled: CompiledEntry; unless: PatternSet | null }

const unlessCache = new Map<readonly string[], PatternSet>()
type Indexed = { cue: CompiledCue; pattern: CompiledEntry['pattern'] }
// Cues by their first word, then by their second when it is a required word: most cues begin with "i" or "my",
// so a letter's token is tried only against the cues its next word can continue.
interface ByFirst { any: Indexed[]; bySecond: Map<string, Indexed[]> }
const CUES: ReadonlyMap<string, ByFirst> = (() => {
  const index = new Map<string, ByFirst>()
  for (const cue of FAMILY_CUES) {
    let unless: PatternSet | null = null
    if (cue.unless) {
      unless = unlessCache.get(cue.unless) ?? compileSet(cue.unless)
      unlessCache.set(cue.unless, unless)
    }
    // strength 0: intensity() then reads only what is around the cue
    const entry = { kind: 'cue' as const, pattern: cue.pattern, label: cue.family, strength: 0 }
    const set = compileSet([cue.pattern])
    for (const [word, patterns] of set.byFirstWord) {
      for (const pattern of patterns) {
        const item = { cue: { cue, compiled: { entry, pattern }, unless }, pattern }
        let bucket = index.get(word)
        if (!bucket) index.set(word, (bucket = { any: [], bySecond: new Map() }))
        const second = pattern.elements[1]
        if (second?.kind === 'words' && !second.optional) {
          for (const w of second.words) {
            const list = bucket.bySecond.get(w)
            if (list) list.push(item)
            else bucket.bySecond.set(w, [item])
          }
        } else bucket.any.push(item)
      }
    }
  }
  return index
})()

const PERSISTENT = compileSet(PERSISTENCE_FRAMES)
const EXCITED = compileSet(EXCITEMENT)
const PLAYING = compileSet(PLAY)
const OVER = compileSet(RESOLVED)

// Who is in the state: the nearest person before the cue in its sentence. "my brother has nightmares"
// is not the child's sleep; "my tummy hurts" and "she makes me feel sick" are.
const SELF = new Set(['i', 'me', 'myself', 'my'])
const OTHERS = new Set(['he', 'she', 'they', 'we', 'his', 'their', 'our', 'mum', 'dad', 'mam', 'brother', 'sister', 'nan', 'grandad', 'grandma',
  'gran', 'friend', 'friends', 'everyone', 'everybody', 'people', 'cousin', 'baby', 'dog', 'cat', 'stepdad', 'stepmum', 'teacher', 'auntie', 'uncle', 'kids', 'parents'])

function childIsSubject(tokens: readonly Placed[], start: number): boolean {
  const sentence = tokens[start]!.sentence
  for (let j = start - 1; j >= 0 && start - j <= 8 && tokens[j]!.sentence === sentence; j--) {
    const w = tokens[j]!.word
    if (SELF.has(w)) return true
    if (OTHERS.has(w)) return false
  }
  return true // no one named: a letter to self speaks of the child ("can't sleep most nights")
}

/** Feared, not happening: a modal or a worry word just before the cue ("worried I won't have any friends",
 *  "scared I will not sleep"); nearer than context.isHypothetical looks, so "what could go wrong and hide it" is not feared. */
function feared(tokens: readonly Placed[], start: number): boolean {
  const clause = tokens[start]!.clause
  for (let j = start - 1; j >= 0 && start - j <= 4 && tokens[j]!.clause === clause; j--) if (MODALS.has(tokens[j]!.word)) return true
  return false
}

/** A capitalised word that the misspelling matcher turned into a cue word is a name
 *  ("Alina" read as "alone"), not the child's state. */
function fuzzedName(tokens: readonly Placed[], text: string, start: number, end: number): boolean {
  for (let j = start; j < end; j++) {
    const t = tokens[j]!
    const raw = text.slice(t.start, t.end)
    const expanded = tokens[j - 1]?.start === t.start || tokens[j + 1]?.start === t.start // "Im" -> "i am" is no misspelling
    if (!expanded && /^\p{Lu}\p{Ll}/u.test(raw) && raw.toLowerCase().replace(/['’]/g, '') !== t.word) return true
  }
  return false
}

interface Bounds { sentenceStart: number[]; sentenceEnd: number[]; clauseStart: number[]; clauseEnd: number[] }

function boundsOf(tokens: readonly Placed[]): Bounds {
  const n = tokens.length
  const b: Bounds = { sentenceStart: new Array<number>(n), sentenceEnd: new Array<number>(n), clauseStart: new Array<number>(n), clauseEnd: new Array<number>(n) }
  for (const [key, startKey, endKey] of [['sentence', 'sentenceStart', 'sentenceEnd'], ['clause', 'clauseStart', 'clauseEnd']] as const) {
    for (let start = 0, end = 1; start < n; start = end++) {
      while (end < n && tokens[end]![key] === tokens[start]![key]) end++
      for (let j = start; j < end; j++) { b[startKey][j] = start; b[endKey][j] = end }
    }
  }
  return b
}

/** Every distress cue in the letter, read in context; overlapping cues of one family keep the strongest. */
export function findFamilies(r: Reading, text: string): FamilyFinding[] {
  const tokens = r.tokens
  const found: FamilyFinding[] = []
  let bounds: Bounds | null = null
  for (let i = 0; i < tokens.length; i++) {
    const bucket = CUES.get(tokens[i]!.word)
    if (!bucket) continue
    const next = tokens[i + 1]
    const continued = next !== undefined && next.sentence === tokens[i]!.sentence ? bucket.bySecond.get(next.word) : undefined
    for (const { cue, pattern } of continued ? [...bucket.any, ...continued] : bucket.any) {
      const end = matchAt(pattern, tokens, i)
      if (end === -1 || fuzzedName(tokens, text, i, end)) continue
      bounds ??= boundsOf(tokens)
      const f = readCue(r, bounds, cue, i, end)
      if (f) found.push(f)
    }
  }
  return strongestPerPlace(found)
}

function readCue(r: Reading, b: Bounds, { cue, compiled, unless }: CompiledCue, start: number, end: number): FamilyFinding | null {
  const tokens = r.tokens
  const m: Match = { compiled, start, end }
  const s0 = b.sentenceStart[start]!, s1 = b.sentenceEnd[start]!
  const c0 = b.clauseStart[start]!, c1 = b.clauseEnd[start]!
  if (isNegated(r, m) || isFigurative(r, m)) return null
  if (!cue.anySubject && !childIsSubject(tokens, start)) return null
  if (unless && findIn(unless, tokens, s0, s1)) return null
  if (findIn(PLAYING, tokens, s0, s1) || findIn(OVER, tokens, s0, s1)) return null
  let strength: number = cue.strength
  const around = intensity(r, m) // intensifiers, capitals, "a bit", laughter, "every night" after the cue
  strength += Math.max(-1, Math.min(1, around))
  const frame = findIn(PERSISTENT, tokens, c0, c1) ?? findIn(PERSISTENT, tokens, s0, s1)
  if (frame && around < 2) strength += 1
  if (findIn(EXCITED, tokens, s0, s1)) strength -= 2
  if (!cue.timeless && isPast(r, m)) strength -= 1
  if (feared(tokens, start)) strength -= 2
  const level = levelOf(strength)
  if (level === null) return null
  // the child's words for it: the cue, and its persistence frame when that is in the same clause
  const inClause = frame !== null && frame.start >= c0 && frame.end <= c1
  return { family: cue.family, strength: level, start: inClause ? Math.min(start, frame.start) : start, end: inClause ? Math.max(end, frame.end) : end }
}

const RANK: Record<FamilyStrength, number> = { weak: 1, clear: 2, strong: 3 }

function strongestPerPlace(found: FamilyFinding[]): FamilyFinding[] {
  const sorted = [...found].sort((a, b) => RANK[b.strength] - RANK[a.strength] || (b.end - b.start) - (a.end - a.start) || a.start - b.start)
  const kept: FamilyFinding[] = []
  for (const f of sorted) if (!kept.some((k) => k.family === f.family && k.start < f.end && f.start < k.end)) kept.push(f)
  return kept.sort((a, b) => a.start - b.start || a.family.localeCompare(b.family))
}
