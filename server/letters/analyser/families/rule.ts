// When distress families make a letter's concern high: the one place the rule is stated (issue 11).
import type { Concern } from '../labels'
import type { DistressFamily } from '../lexicon/types'

export type FamilyStrength = 'weak' | 'clear' | 'strong'
const RANK: Record<FamilyStrength, number> = { weak: 1, clear: 2, strong: 3 }
const BY_RANK: readonly FamilyStrength[] = ['weak', 'clear', 'strong']

/** A cue's strength after its context is read: 1 weak, 2 clear, 3 or more strong; nothing left is no cue. */
export function levelOf(strength: number): FamilyStrength | null {
  return strength <= 0 ? null : BY_RANK[Math.min(strength, 3) - 1]!
}

/** Each family at its strongest cue, one level higher when the letter says it twice in different places
 *  (many weak signals of one kind add up). */
export function familyLevels(found: ReadonlyArray<{ family: DistressFamily; strength: FamilyStrength }>): Map<DistressFamily, FamilyStrength> {
  const best = new Map<DistressFamily, { rank: number; count: number }>()
  for (const f of found) {
    const b = best.get(f.family) ?? { rank: 0, count: 0 }
    best.set(f.family, { rank: Math.max(b.rank, RANK[f.strength]), count: b.count + 1 })
  }
  const out = new Map<DistressFamily, FamilyStrength>()
  for (const [family, b] of best) out.set(family, BY_RANK[Math.min(3, b.rank + (b.count >= 2 ? 1 : 0)) - 1]!)
  return out
}

/** Worry themes that are a feeling about oneself or one's people, not a practical worry: when the child names one
 *  ("I'm scared", "I worry about mum", "I'm weird"), it is a weaker signal beside a family. Getting lost, homework,
 *  rules, lunch and the bus are ordinary transition nerves and are not. */
export const FELT_WORRIES: ReadonlySet<string> = new Set(['general_anxiety', 'self_esteem', 'family', 'separation', 'friendships', 'bullying'])

/** The rule: a letter is high when one family is strong, or two are clear, or one clear family sits with weaker
 *  ones — a weak cue of another family, or a felt worry the child states (FELT_WORRIES). */
export function familiesMakeHigh(found: ReadonlyArray<{ family: DistressFamily; strength: FamilyStrength }>, feltWorry = false): boolean {
  const levels = [...familyLevels(found).values()]
  const strong = levels.filter((l) => l === 'strong').length
  const clear = levels.filter((l) => l === 'clear').length
  const weak = levels.filter((l) => l === 'weak').length + (feltWorry ? 1 : 0)
  return strong >= 1 || clear >= 2 || (clear === 1 && weak >= 1)
}

/** The families can raise concern, never lower it: high by the rule; a clear family alone is at least some. */
export function raiseConcern(concern: Concern, found: ReadonlyArray<{ family: DistressFamily; strength: FamilyStrength }>,
  worries: ReadonlyArray<{ theme: string }> = []): Concern {
  if (concern === 'high' || familiesMakeHigh(found, worries.some((w) => FELT_WORRIES.has(w.theme)))) return 'high'
  if (concern === 'none' && [...familyLevels(found).values()].some((l) => l !== 'weak')) return 'some'
  return concern
}
