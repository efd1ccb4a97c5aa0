// SDQ "added value" (Goodman & Goodman, youthinmind / sdqinfo.org): from a child's baseline
// parent-report SDQ, the follow-up total difficulties that would be expected with no help beyond the
// ordinary — children with high scores tend to score lower later anyway (regression to the mean and
// spontaneous improvement) — and how far the observed follow-up falls below that. Pure.
//
//   predicted follow-up total = 2.3 + 0.8 × baseline total + 0.2 × baseline impact − 0.3 × baseline emotional
//   added value               = predicted − observed follow-up total   (positive: better than predicted)
//
// The formula was derived from parent reports, so Lantern computes it on parent-report pairs only (it
// also holds self-report and teacher SDQs; those are not used here). It is meaningful for groups and
// not for one child: the published caution, shown wherever it is shown. Lantern shows it for groups
// only, and not for groups smaller than ADDED_VALUE_MIN_GROUP.

/** The baseline scales the prediction reads. */
export interface AddedValueBaseline { total: number; impact: number; emotional: number }

export const ADDED_VALUE_INFORMANT = 'parent' as const

/** Lantern's choice: a mean over fewer children is too close to one child's figure to show. */
export const ADDED_VALUE_MIN_GROUP = 5

export const ADDED_VALUE_CAUTION =
  'SDQ added value is an estimate for groups of children, not a measure for one child: it is never shown for a single pupil.'

/** Expected follow-up total difficulties from the baseline (parent report). */
export function predictedFollowUpTotal(b: AddedValueBaseline): number {
  return 2.3 + 0.8 * b.total + 0.2 * b.impact - 0.3 * b.emotional
}

/** Predicted minus observed follow-up total difficulties: positive means better than predicted. */
export function addedValue(baseline: AddedValueBaseline, followUpTotal: number): number {
  return predictedFollowUpTotal(baseline) - followUpTotal
}

export interface GroupAddedValue {
  /** parent-report pairs in the group */
  pairs: number
  /** mean added value, or null when the group has fewer than ADDED_VALUE_MIN_GROUP pairs */
  mean: number | null
}

/** A group's mean added value over its children's (baseline, follow-up) pairs. */
export function groupAddedValue(pairs: ReadonlyArray<{ baseline: AddedValueBaseline; followUpTotal: number }>, minGroup = ADDED_VALUE_MIN_GROUP): GroupAddedValue {
  if (pairs.length === 0 || pairs.length < minGroup) return { pairs: pairs.length, mean: null }
  const sum = pairs.reduce((s, p) => s + addedValue(p.baseline, p.followUpTotal), 0)
  return { pairs: pairs.length, mean: sum / pairs.length }
}
