// The order in which staff should read letters, 0–100: safeguarding first (90–100), then high concern
// (60–89), then letters that are quietly worrying — a clear distress family or two weak ones, concern not high
// (30–59) — or whose words as a whole resemble letters read high — then ordinary nerves (10–29), then the rest (0–9). Within a band, more families and stronger ones first.
import type { Concern } from './labels'
import { familyLevels, type DistressFamily, type FamilyStrength } from './families'

const WEIGHT: Record<FamilyStrength, number> = { weak: 1, clear: 2, strong: 3 }

export interface PriorityInput {
  concern: Concern
  safeguarding: ReadonlyArray<{ category: string }>
  worries: ReadonlyArray<{ theme: string }>
  families: ReadonlyArray<{ family: DistressFamily; strength: FamilyStrength }>
  /** The whole-letter reading's likelihood, 0–1 (learned/). */
  resemblance?: { score: number }
}

export function letterPriority(a: PriorityInput): number {
  let families = 0
  for (const level of familyLevels(a.families).values()) families += WEIGHT[level]
  const themes = new Set(a.worries.map((w) => w.theme)).size
  if (a.safeguarding.length > 0) return 90 + Math.min(10, 3 * new Set(a.safeguarding.map((s) => s.category)).size + families)
  if (a.concern === 'high') return 60 + Math.min(29, 4 * families + themes)
  // one weak cue alone is not yet quietly worrying: it only moves a letter up within its own band
  if (families >= 2) return 30 + Math.min(29, 6 * families)
  // a letter whose words as a whole resemble letters read high is quietly worrying too
  const resemblance = a.resemblance?.score ?? 0
  if (resemblance >= 0.5) return 30 + Math.min(29, Math.round(40 * (resemblance - 0.5)) + 2 * families)
  if (a.concern === 'some') return 10 + Math.min(19, 3 * themes + 2 * families)
  return Math.min(9, 5 * families)
}
