// The one list of screening reason codes. Codes are stable identifiers: the `screen` command, exports,
// opportunity `needs` and the README all use them, so add new codes rather than renaming old ones.
// Each code begins with the indicator it comes from (DESIGN.md, Contract).

export type Indicator = 'attendance' | 'ks2' | 'sdq' | 'social_care' | 'looked_after' | 'sen' | 'letter'

export interface ReasonDefinition {
  readonly code: string
  readonly indicator: Indicator
  /** plain-English name for lists and badges */
  readonly label: string
  /** what raises it, for the README and the settings page */
  readonly description: string
  /** true for every indicator that comes from data rather than the pupil's own letter */
  readonly quantitative: boolean
}

function sdqReasons<const S extends string>(scale: S, name: string) {
  const upper = scale.toUpperCase() as Uppercase<S>
  return [
    {
      code: `SDQ_${upper}_HIGH`,
      indicator: 'sdq',
      label: `SDQ ${name}: high`,
      description: `An informant's SDQ ${name} score is in the "high" band for their form.`,
      quantitative: true,
    },
    {
      code: `SDQ_${upper}_VERY_HIGH`,
      indicator: 'sdq',
      label: `SDQ ${name}: very high`,
      description: `An informant's SDQ ${name} score is in the "very high" band for their form.`,
      quantitative: true,
    },
  ] as const
}

export const REASONS = [
  {
    code: 'ATTENDANCE_PERSISTENT_ABSENCE',
    indicator: 'attendance',
    label: 'Persistent absence',
    description: 'Absent for 10% or more of possible sessions (attendance 90.0% or lower) in the latest period; the threshold is a setting.',
    quantitative: true,
  },
  {
    code: 'ATTENDANCE_SEVERE_ABSENCE',
    indicator: 'attendance',
    label: 'Severe absence',
    description: 'Absent for 50% or more of possible sessions in the latest period; replaces persistent absence rather than adding to it.',
    quantitative: true,
  },
  {
    code: 'KS2_READING_BELOW_EXPECTED',
    indicator: 'ks2',
    label: 'KS2 reading below expected',
    description: 'KS2 reading scaled score under 100, or a code showing the pupil worked below the test.',
    quantitative: true,
  },
  {
    code: 'KS2_MATHS_BELOW_EXPECTED',
    indicator: 'ks2',
    label: 'KS2 maths below expected',
    description: 'KS2 maths scaled score under 100, or a code showing the pupil worked below the test.',
    quantitative: true,
  },
  {
    code: 'KS2_WRITING_BELOW_EXPECTED',
    indicator: 'ks2',
    label: 'KS2 writing below expected',
    description: 'KS2 writing teacher assessment of working towards (WTS), pre-key stage (PK…) or the engagement model (EM).',
    quantitative: true,
  },
  ...sdqReasons('total', 'total difficulties'),
  ...sdqReasons('emotional', 'emotional symptoms'),
  ...sdqReasons('conduct', 'conduct problems'),
  ...sdqReasons('hyperactivity', 'hyperactivity'),
  ...sdqReasons('peer', 'peer problems'),
  {
    code: 'SDQ_PROSOCIAL_LOW',
    indicator: 'sdq',
    label: 'SDQ prosocial: low',
    description: 'An informant\'s SDQ prosocial score is in the "low" or "very low" band for their form.',
    quantitative: true,
  },
  ...sdqReasons('impact', 'impact'),
  {
    code: 'SOCIAL_CARE',
    indicator: 'social_care',
    label: 'Social care involvement',
    description: 'The pupil is a child in need (CIN) or has a child protection plan (CP); the evidence says which, and each has its own weight.',
    quantitative: true,
  },
  {
    code: 'LOOKED_AFTER',
    indicator: 'looked_after',
    label: 'Looked after',
    description: 'The pupil is looked after by a local authority.',
    quantitative: true,
  },
  {
    code: 'SEN_SUPPORT',
    indicator: 'sen',
    label: 'SEN support',
    description: 'SEN provision K: special educational needs support without a plan.',
    quantitative: true,
  },
  {
    code: 'SEN_EHCP',
    indicator: 'sen',
    label: 'Education, health and care plan',
    description: 'SEN provision E: the pupil has an education, health and care plan.',
    quantitative: true,
  },
  {
    code: 'LETTER_WORRY',
    indicator: 'letter',
    label: 'Worried letter',
    description: 'The letter to self shows high concern: significant anxiety, fear or unhappiness, beyond ordinary transition nerves.',
    quantitative: false,
  },
  {
    code: 'LETTER_SAFEGUARDING',
    indicator: 'letter',
    label: 'Safeguarding concern in letter',
    description: 'The letter to self matched a safeguarding category. Always suggests Getting Risk Support and goes to the DSL, whatever else is true.',
    quantitative: false,
  },
  {
    code: 'LETTER_MISSING',
    indicator: 'letter',
    label: 'No letter to self',
    description: 'No letter to self is on record. Shown so that staff can ask for one; it never raises the level.',
    quantitative: false,
  },
] as const satisfies readonly ReasonDefinition[]

export type ReasonCode = (typeof REASONS)[number]['code']

export const REASON_CODES: readonly ReasonCode[] = REASONS.map((r) => r.code)

const byCode = new Map<string, ReasonDefinition>(REASONS.map((r) => [r.code, r]))

export function isReasonCode(code: string): code is ReasonCode {
  return byCode.has(code)
}

export function describeReason(code: ReasonCode): ReasonDefinition {
  // Every ReasonCode is in the map by construction.
  return byCode.get(code)!
}

export function isQuantitativeReason(code: ReasonCode): boolean {
  return describeReason(code).quantitative
}
