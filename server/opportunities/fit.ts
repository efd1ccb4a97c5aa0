// How well one opportunity fits one pupil, and the one line that tells staff why. Pure: plain data in,
// plain data out, so the allocator (match.ts), the pages and the CLI all score a pair the same way.
import { label } from '../letters/labels'
import type { WorryTheme } from '../letters/analyser/labels'
import { describeReason, isReasonCode, type ReasonCode } from '../screening/reasons'
import type { Level } from '../screening/rules'

export type OpportunityCategory =
  'learning_support' | 'sport' | 'creative' | 'stem' | 'enrichment' | 'friendship_group' | 'wellbeing_group' | 'mentoring'

/** A pupil as matching sees them: their screening result, their letter (as reviewed by staff) and staff additions. */
export interface MatchPupil {
  id: number
  form: string | null
  yearGroup: number
  /** the THRIVE grouping staff hold for the pupil (DOMAIN.md) */
  level: Level
  hidden: boolean
  /** an open safeguarding alert from the pupil's letter */
  safeguarding: boolean
  sen: 'N' | 'K' | 'E' | null
  /** interest keys (INTERESTS): from the reviewed letter, or added by staff */
  interests: ReadonlyArray<{ key: string; source: 'letter' | 'staff' }>
  /** strength keys staff or the letter recorded (an interest key, a category, or a word of the school's) */
  strengths: readonly string[]
  /** worry theme keys (WORRY_THEMES) from the reviewed letter */
  worries: readonly string[]
  /** screening reason codes (REASONS) */
  reasons: readonly string[]
  /** the pupil's current offer or placement; a confirmed one is never overturned, it uses a place and its slot */
  current?: { opportunityId: number; confirmed: boolean } | null
  /** opportunities the pupil (or staff for them) declined: never proposed to them again */
  declined?: readonly number[]
}

export interface MatchSlot {
  /** 1 = Monday … 5 = Friday */
  weekday: number
  /** 'HH:MM', 24-hour */
  start: string
  end: string
}

/** An opportunity in the school's catalogue. */
export interface MatchOpportunity {
  id: number
  name: string
  category: OpportunityCategory
  /** interest keys it serves */
  interests: readonly string[]
  /** reason codes or worry themes it serves; empty = the category's usual needs (CATEGORY_NEEDS) */
  needs: readonly string[]
  /** below this many places it is shown on hold for the lead to decide */
  minPlaces: number
  /** never exceeded */
  maxPlaces: number
  /** empty = every year group */
  yearGroups: readonly number[]
  /** empty = every form */
  forms: readonly string[]
  /** only pupils with SEN support (K), an EHCP (E), or either */
  rule: 'sen_support' | 'ehcp' | 'sen_any' | null
  slot: MatchSlot | null
  /** every weekly session when it runs on more than one day (the first is also `slot`) */
  slots?: readonly MatchSlot[]
  archived: boolean
  /** the lead cancelled it this round (it was on hold): no new offers; places staff confirmed stay */
  cancelled?: boolean
}

export interface Fit {
  /** a whole number, 0 or more: higher fits better */
  score: number
  /** one line for staff, e.g. "likes art (letter); worry: friendships (letter) — small group" */
  explanation: string
}

/** Categories that exist for a need: offered only to a pupil who has one of the needs they serve. */
export const TARGETED_CATEGORIES: ReadonlySet<OpportunityCategory> = new Set(['learning_support', 'friendship_group', 'wellbeing_group', 'mentoring'])

/** The needs an opportunity serves when its own list is empty: a friendship group for worries about
 * friends or peer problems, reading support for KS2 reading below expected, a quiet creative group for
 * general anxiety. Worry themes and reason codes from DOMAIN.md and screening/reasons.ts. */
export const CATEGORY_NEEDS: Readonly<Record<OpportunityCategory, readonly (ReasonCode | WorryTheme)[]>> = {
  learning_support: ['KS2_READING_BELOW_EXPECTED', 'KS2_MATHS_BELOW_EXPECTED', 'KS2_WRITING_BELOW_EXPECTED'],
  friendship_group: ['friendships', 'SDQ_PEER_HIGH', 'bullying', 'lunch', 'SDQ_PROSOCIAL_LOW'],
  wellbeing_group: ['general_anxiety', 'SDQ_EMOTIONAL_HIGH', 'self_esteem', 'separation', 'LETTER_WORRY'],
  mentoring: ['ATTENDANCE_PERSISTENT_ABSENCE', 'SDQ_CONDUCT_HIGH', 'teachers_rules', 'organisation', 'LOOKED_AFTER', 'SOCIAL_CARE'],
  creative: ['general_anxiety', 'self_esteem'],
  sport: [],
  stem: [],
  enrichment: [],
}

/** Points for each kind of match. Needs weigh most: the offer is chosen for the pupil (DESIGN.md). */
export const FIT_POINTS = {
  interest: 30,
  strength: 15,
  need: 40,
  /** a need the category usually serves, when the opportunity names none of its own */
  usualNeed: 20,
  smallGroup: 10,
  /** at most this many matches of each kind count, so one long list does not swamp everything else */
  perKind: 2,
} as const

/** A group this small or smaller suits a pupil who is worried or has a need. */
export const SMALL_GROUP = 12

/** Open to everyone, so a pupil with no stated interest still gets a sensible first offer. */
const OPEN_POINTS: Readonly<Record<OpportunityCategory, number>> = {
  enrichment: 6, creative: 5, stem: 4, sport: 4, learning_support: 0, friendship_group: 0, wellbeing_group: 0, mentoring: 0,
}

/** The highest score fitOf can give, so the allocator can weigh need above any sum of fits. */
export const MAX_FIT = FIT_POINTS.perKind * (FIT_POINTS.interest + FIT_POINTS.strength + FIT_POINTS.need) + FIT_POINTS.smallGroup + Math.max(...Object.values(OPEN_POINTS))

// A higher band also answers a need stated at the lower one: an opportunity for SDQ_PEER_HIGH serves a
// pupil whose peer score is very high; one for persistent absence serves severe absence.
function needKeysOf(item: string): string[] {
  if (item.startsWith('SDQ_') && item.endsWith('_VERY_HIGH')) return [item, `${item.slice(0, -'_VERY_HIGH'.length)}_HIGH`]
  if (item === 'ATTENDANCE_SEVERE_ABSENCE') return [item, 'ATTENDANCE_PERSISTENT_ABSENCE']
  return [item]
}

/** A pupil compiled once for scoring against many opportunities. */
export interface PupilKeys {
  /** interest key → source shown ('letter' wins when both said it: the pupil's own word) */
  interests: Map<string, 'letter' | 'staff'>
  strengths: Set<string>
  /** need key → the pupil's own item and where it came from */
  needs: Map<string, { item: string; from: 'letter' | 'screening' }>
  worried: boolean
}

export function pupilKeys(pupil: MatchPupil): PupilKeys {
  const interests = new Map<string, 'letter' | 'staff'>()
  for (const i of pupil.interests) if (interests.get(i.key) !== 'letter') interests.set(i.key, i.source)
  const needs = new Map<string, { item: string; from: 'letter' | 'screening' }>()
  for (const w of pupil.worries) if (!needs.has(w)) needs.set(w, { item: w, from: 'letter' })
  for (const r of pupil.reasons) for (const key of needKeysOf(r)) if (!needs.has(key)) needs.set(key, { item: r, from: 'screening' })
  return { interests, strengths: new Set(pupil.strengths), needs, worried: pupil.worries.length > 0 || pupil.hidden }
}

/** Whether the opportunity is open to the pupil at all: catalogue, year, form and SEN rule. The need a
 * targeted category requires is checked when scoring. */
export function openTo(pupil: MatchPupil, opportunity: MatchOpportunity): boolean {
  if (opportunity.archived) return false
  if (pupil.declined?.includes(opportunity.id)) return false
  if (opportunity.yearGroups.length > 0 && !opportunity.yearGroups.includes(pupil.yearGroup)) return false
  if (opportunity.forms.length > 0 && (pupil.form == null || !opportunity.forms.includes(pupil.form))) return false
  switch (opportunity.rule) {
    case 'sen_support': return pupil.sen === 'K'
    case 'ehcp': return pupil.sen === 'E'
    case 'sen_any': return pupil.sen === 'K' || pupil.sen === 'E'
    default: return true
  }
}

function needWords(item: string, from: 'letter' | 'screening'): string {
  if (from === 'letter') return `worry: ${label(item)} (letter)`
  return isReasonCode(item) ? describeReason(item).label : item
}

/** The score and, when `words` is given, the parts of the explanation. -1 when the pupil has none of
 * the needs a targeted category exists for. Shared by fitOf and the allocator's matrix so they agree. */
export function scoreKeys(keys: PupilKeys, opportunity: MatchOpportunity, words?: { parts: string[]; small: boolean }): number {
  let score = OPEN_POINTS[opportunity.category]
  let count = 0
  for (let i = 0; keys.interests.size > 0 && i < opportunity.interests.length; i++) {
    const interest = opportunity.interests[i]!
    const source = keys.interests.get(interest)
    if (source === undefined || count === FIT_POINTS.perKind) continue
    count++
    score += FIT_POINTS.interest
    words?.parts.push(`likes ${label(interest)} (${source})`)
  }
  count = 0
  for (let i = 0; keys.strengths.size > 0 && i <= opportunity.interests.length; i++) {
    const strength = i < opportunity.interests.length ? opportunity.interests[i]! : opportunity.category
    if (!keys.strengths.has(strength) || count === FIT_POINTS.perKind) continue
    count++
    score += FIT_POINTS.strength
    words?.parts.push(`strength: ${label(strength)}`)
  }
  const own = opportunity.needs.length > 0
  const needs = own ? opportunity.needs : CATEGORY_NEEDS[opportunity.category]
  // two needs met by one item of the pupil's (SDQ_PEER_HIGH and SDQ_PEER_VERY_HIGH) count once
  let first: string | undefined
  count = 0
  for (let i = 0; keys.needs.size > 0 && i < needs.length; i++) {
    const match = keys.needs.get(needs[i]!)
    if (match === undefined || match.item === first || count === FIT_POINTS.perKind) continue
    first ??= match.item
    count++
    score += own ? FIT_POINTS.need : FIT_POINTS.usualNeed
    words?.parts.push(needWords(match.item, match.from))
  }
  if (count === 0 && TARGETED_CATEGORIES.has(opportunity.category)) return -1
  if (opportunity.maxPlaces <= SMALL_GROUP && (count > 0 || keys.worried)) {
    score += FIT_POINTS.smallGroup
    if (words) words.small = true
  }
  return score
}

/** How well `opportunity` fits `pupil`, with a one-line staff-facing explanation; null when it is not
 * open to the pupil (archived, year group, form, SEN rule, or a targeted group for a need they do not have). */
export function fitOf(pupil: MatchPupil, opportunity: MatchOpportunity): Fit | null {
  if (!openTo(pupil, opportunity)) return null
  const words = { parts: [] as string[], small: false }
  const keys = pupilKeys(pupil)
  const score = scoreKeys(keys, opportunity, words)
  if (score < 0) return null
  if (words.parts.length === 0) words.parts.push(keys.interests.size === 0 ? 'no interest recorded yet: open to everyone' : 'open to everyone: something new to try')
  return { score, explanation: words.parts.join('; ') + (words.small ? ' — small group' : '') }
}
