// Seeded synthetic pupils and opportunities for the allocation tests and the bench: the same seed gives
// the same cohort on every run.
import { INTERESTS, WORRY_THEMES } from '../../server/letters/analyser/labels'
import type { MatchOpportunity, MatchPupil, OpportunityCategory } from '../../server/opportunities/match'
import type { Level } from '../../server/screening/rules'

export function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let x = Math.imul(s ^ (s >>> 15), 1 | s)
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

const LEVELS: Level[] = ['thriving', 'thriving', 'thriving', 'getting_advice', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support']
const REASONS = ['KS2_READING_BELOW_EXPECTED', 'KS2_MATHS_BELOW_EXPECTED', 'SDQ_PEER_HIGH', 'SDQ_PEER_VERY_HIGH', 'SDQ_EMOTIONAL_HIGH', 'ATTENDANCE_PERSISTENT_ABSENCE', 'LETTER_WORRY', 'LOOKED_AFTER']
const CATEGORIES: OpportunityCategory[] = ['sport', 'creative', 'stem', 'enrichment', 'sport', 'creative', 'learning_support', 'friendship_group', 'wellbeing_group', 'mentoring']
const FORMS = ['7A', '7B', '7C', '7D']

export interface CohortShape {
  pupils: number
  opportunities: number
  /** mean places per opportunity */
  places: number
  /** share of opportunities with a weekly slot (clashes need slots) */
  slotted?: number
  /** share of pupils with a confirmed placement already */
  confirmed?: number
  /** share of opportunities limited by form, year or SEN rule */
  restricted?: number
}

export function syntheticOpportunities(seed: number, shape: CohortShape): MatchOpportunity[] {
  const r = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!
  return Array.from({ length: shape.opportunities }, (_, i): MatchOpportunity => {
    const maxPlaces = Math.max(1, Math.round(shape.places * (0.4 + r() * 1.2)))
    const restricted = r() < (shape.restricted ?? 0.1)
    const start = 8 + Math.floor(r() * 8)
    return {
      id: 1000 + i * 7,
      name: `Opportunity ${i + 1}`,
      category: pick(CATEGORIES),
      interests: r() < 0.85 ? [pick(INTERESTS), ...(r() < 0.4 ? [pick(INTERESTS)] : [])] : [],
      needs: r() < 0.3 ? [pick([...REASONS, ...WORRY_THEMES])] : [],
      minPlaces: r() < 0.5 ? Math.min(maxPlaces, 1 + Math.floor(r() * 6)) : 0,
      maxPlaces,
      yearGroups: restricted && r() < 0.3 ? [8] : [],
      forms: restricted && r() < 0.5 ? [pick(FORMS)] : [],
      rule: restricted && r() < 0.3 ? pick(['sen_support', 'ehcp', 'sen_any'] as const) : null,
      slot: r() < (shape.slotted ?? 0.7) ? { weekday: 1 + Math.floor(r() * 5), start: `${String(start).padStart(2, '0')}:00`, end: `${String(start + 1).padStart(2, '0')}:00` } : null,
      archived: r() < 0.02,
    }
  })
}

export function syntheticPupils(seed: number, shape: CohortShape, opportunities: readonly MatchOpportunity[]): MatchPupil[] {
  const r = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!
  const live = opportunities.filter((o) => !o.archived)
  return Array.from({ length: shape.pupils }, (_, i): MatchPupil => {
    const interests = Array.from({ length: Math.floor(r() * 4) }, () => ({ key: pick(INTERESTS), source: r() < 0.8 ? 'letter' as const : 'staff' as const }))
    const confirmed = live.length > 0 && r() < (shape.confirmed ?? 0)
    return {
      id: 1 + ((i * 7919) % shape.pupils),
      form: r() < 0.05 ? null : pick(FORMS),
      yearGroup: r() < 0.9 ? 7 : 8,
      level: pick(LEVELS),
      hidden: r() < 0.05,
      safeguarding: r() < 0.01,
      sen: r() < 0.03 ? 'E' : r() < 0.15 ? 'K' : r() < 0.95 ? 'N' : null,
      interests,
      strengths: r() < 0.3 ? [pick(INTERESTS)] : [],
      worries: Array.from({ length: Math.floor(r() * r() * 3) }, () => pick(WORRY_THEMES)),
      reasons: Array.from({ length: Math.floor(r() * r() * 3) }, () => pick(REASONS)),
      ...(confirmed ? { current: { opportunityId: pick(live).id, confirmed: r() < 0.8 } } : {}),
    }
  })
}
