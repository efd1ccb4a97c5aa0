// Screening thresholds, weights and level cut-offs: one guide holds each setting's default and why,
// the defaults and the zod schema are derived from it, so the settings page, the rules and validation agree.
// Pure: no framework, database or file system.
import { z } from 'zod'

export interface SettingGuide {
  readonly label: string
  readonly default: number
  /** shown on the settings page beside the field */
  readonly why: string
  readonly min: number
  readonly max: number
}

const THRESHOLD_NOTE = 'A starting point for the school to review, not a validated cut-off: Lantern suggests, staff decide.'

function weight(label: string, value: number, why: string): SettingGuide {
  return { label, default: value, why: `${why} ${THRESHOLD_NOTE}`, min: 0, max: 100 }
}

function cutoff(label: string, value: number, why: string): SettingGuide {
  return { label, default: value, why, min: 0, max: 1000 }
}

export const SCREENING_SETTING_GUIDE = {
  attendance: {
    persistentAbsencePercent: {
      label: 'Persistent absence: absent for at least this % of sessions',
      default: 10,
      why: 'The DfE counts a pupil as persistently absent when they miss 10% or more of possible sessions, i.e. attendance of 90.0% or lower (exactly 90.0% counts).',
      min: 0.1,
      max: 100,
    },
    severeAbsencePercent: {
      label: 'Severe absence: absent for at least this % of sessions',
      default: 50,
      why: 'The DfE counts a pupil as severely absent when they miss 50% or more of possible sessions.',
      min: 0.1,
      max: 100,
    },
  },
  ks2: {
    expectedScaledScore: {
      label: 'KS2 expected standard: scaled score of at least',
      default: 100,
      why: 'KS2 test scaled scores run from 80 to 120; 100 or more meets the expected standard, 99 or less is below it.',
      min: 80,
      max: 120,
    },
    maxCombinedWeight: {
      label: 'KS2: the most that low attainment adds to the score, all subjects together',
      default: 2,
      why: 'Low attainment alone calls for advice and support with learning, not mental-health help: with the default cut-offs it reaches Getting Advice and goes no further unless something else is raised.',
      min: 0,
      max: 100,
    },
  },
  weights: {
    ATTENDANCE_PERSISTENT_ABSENCE: weight('Persistent absence', 2, 'Missing a tenth of school or more can be an early sign that a pupil is struggling, and costs learning either way.'),
    ATTENDANCE_SEVERE_ABSENCE: weight('Severe absence', 4, 'Counted instead of persistent absence, not as well: missing half of school weighs twice as much.'),
    KS2_READING_BELOW_EXPECTED: weight('KS2 reading below expected', 1, 'Low attainment alone calls for advice and support with learning rather than mental-health help.'),
    KS2_MATHS_BELOW_EXPECTED: weight('KS2 maths below expected', 1, 'Low attainment alone calls for advice and support with learning rather than mental-health help.'),
    KS2_WRITING_BELOW_EXPECTED: weight('KS2 writing below expected', 1, 'Low attainment alone calls for advice and support with learning rather than mental-health help.'),
    SDQ_TOTAL_HIGH: weight('SDQ total difficulties: high', 2, 'The total difficulties score is the SDQ\'s main screening figure, so it weighs more than any one subscale.'),
    SDQ_TOTAL_VERY_HIGH: weight('SDQ total difficulties: very high', 3, 'A very high total weighs more than a high one.'),
    SDQ_EMOTIONAL_HIGH: weight('SDQ emotional symptoms: high', 1, 'One subscale in the high band.'),
    SDQ_EMOTIONAL_VERY_HIGH: weight('SDQ emotional symptoms: very high', 2, 'One subscale in the very high band.'),
    SDQ_CONDUCT_HIGH: weight('SDQ conduct problems: high', 1, 'One subscale in the high band.'),
    SDQ_CONDUCT_VERY_HIGH: weight('SDQ conduct problems: very high', 2, 'One subscale in the very high band.'),
    SDQ_HYPERACTIVITY_HIGH: weight('SDQ hyperactivity: high', 1, 'One subscale in the high band.'),
    SDQ_HYPERACTIVITY_VERY_HIGH: weight('SDQ hyperactivity: very high', 2, 'One subscale in the very high band.'),
    SDQ_PEER_HIGH: weight('SDQ peer problems: high', 1, 'One subscale in the high band.'),
    SDQ_PEER_VERY_HIGH: weight('SDQ peer problems: very high', 2, 'One subscale in the very high band.'),
    SDQ_PROSOCIAL_LOW: weight('SDQ prosocial: low or very low', 1, 'Prosocial is a strengths scale: a low score is worth knowing but says less about need than the difficulty scales.'),
    SDQ_IMPACT_HIGH: weight('SDQ impact: high', 1, 'Impact measures distress and how far difficulties get in the way of daily life.'),
    SDQ_IMPACT_VERY_HIGH: weight('SDQ impact: very high', 2, 'A very high impact score weighs more than a high one.'),
    SOCIAL_CARE_CIN: weight('Social care: child in need', 3, 'A child in need is already known to children\'s social care.'),
    SOCIAL_CARE_CP: weight('Social care: child protection plan', 6, 'A child protection plan means a risk of significant harm has been recognised; on its own it suggests Getting More Help.'),
    LOOKED_AFTER: weight('Looked after', 3, 'Looked-after children are more likely than their peers to have mental-health needs.'),
    SEN_SUPPORT: weight('SEN support', 1, 'Identified special educational needs without a plan.'),
    SEN_EHCP: weight('Education, health and care plan', 2, 'A plan means greater, already assessed needs.'),
    LETTER_WORRY: weight('Worried letter', 3, 'A frightened or unhappy letter on its own suggests Getting Help, so hidden pupils are seen.'),
    LETTER_SAFEGUARDING: weight('Safeguarding concern in letter', 10, 'Adds to the score only; a safeguarding match always suggests Getting Risk Support whatever this weight is.'),
  },
  levels: {
    getting_advice: cutoff('Getting Advice from a score of', 1, 'Any weighted reason at all suggests advice and signposting.'),
    getting_help: cutoff('Getting Help from a score of', 3, 'Several reasons together, or one serious one (a worried letter, a child in need, a looked-after child).'),
    getting_more_help: cutoff('Getting More Help from a score of', 6, 'Many reasons together, or a child protection plan.'),
    getting_risk_support: cutoff('Getting Risk Support from a score of', 10, 'Reached by score only when serious reasons combine; a safeguarding match in a letter reaches it directly.'),
  },
} as const satisfies Record<string, Record<string, SettingGuide>>

type Guide = typeof SCREENING_SETTING_GUIDE
export type ScreeningSettings = { -readonly [G in keyof Guide]: { -readonly [K in keyof Guide[G]]: number } }
export type WeightKey = keyof ScreeningSettings['weights']

function defaultsOf<S extends Record<string, SettingGuide>>(group: S): { [K in keyof S]: number } {
  return Object.fromEntries(Object.entries(group).map(([k, g]) => [k, g.default])) as { [K in keyof S]: number }
}

// Frozen all the way down: a caller adjusting settings must copy them, never change everyone's defaults.
export const DEFAULT_SCREENING_SETTINGS: ScreeningSettings = Object.freeze({
  attendance: Object.freeze(defaultsOf(SCREENING_SETTING_GUIDE.attendance)),
  ks2: Object.freeze(defaultsOf(SCREENING_SETTING_GUIDE.ks2)),
  weights: Object.freeze(defaultsOf(SCREENING_SETTING_GUIDE.weights)),
  levels: Object.freeze(defaultsOf(SCREENING_SETTING_GUIDE.levels)),
})

function groupSchema<S extends Record<string, SettingGuide>>(group: S) {
  const shape = Object.fromEntries(
    Object.entries(group).map(([k, g]) => [
      k,
      z.number({ error: `${g.label}: enter a number` }).min(g.min, `${g.label}: must be at least ${g.min}`).max(g.max, `${g.label}: must be at most ${g.max}`),
    ]),
  ) as { [K in keyof S]: z.ZodNumber }
  return z.strictObject(shape)
}

const groups = {
  attendance: groupSchema(SCREENING_SETTING_GUIDE.attendance),
  ks2: groupSchema(SCREENING_SETTING_GUIDE.ks2),
  weights: groupSchema(SCREENING_SETTING_GUIDE.weights),
  levels: groupSchema(SCREENING_SETTING_GUIDE.levels),
}

/** A complete set of screening settings, with the checks that relate one setting to another. */
export const screeningSettingsSchema = z
  .strictObject(groups)
  .check((ctx) => {
    const s = ctx.value
    if (s.attendance.severeAbsencePercent <= s.attendance.persistentAbsencePercent) {
      ctx.issues.push({
        code: 'custom',
        input: s.attendance.severeAbsencePercent,
        path: ['attendance', 'severeAbsencePercent'],
        message: 'Severe absence must be a higher percentage than persistent absence',
      })
    }
    const order = ['getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support'] as const
    for (let i = 1; i < order.length; i++) {
      const lower = order[i - 1]!
      const higher = order[i]!
      if (s.levels[higher] <= s.levels[lower]) {
        ctx.issues.push({
          code: 'custom',
          input: s.levels[higher],
          path: ['levels', higher],
          message: `${SCREENING_SETTING_GUIDE.levels[higher].label} must be higher than ${SCREENING_SETTING_GUIDE.levels[lower].label.toLowerCase()}`,
        })
      }
    }
    if (s.levels.getting_advice <= 0) {
      ctx.issues.push({ code: 'custom', input: s.levels.getting_advice, path: ['levels', 'getting_advice'], message: 'Getting Advice must start above a score of 0, or every pupil would need advice' })
    }
  }) satisfies z.ZodType<ScreeningSettings>

/** What a school stores: only the settings it changed. */
export const screeningSettingsOverridesSchema = z.strictObject({
  attendance: groups.attendance.partial().optional(),
  ks2: groups.ks2.partial().optional(),
  weights: groups.weights.partial().optional(),
  levels: groups.levels.partial().optional(),
})
export type ScreeningSettingsOverrides = z.infer<typeof screeningSettingsOverridesSchema>

/** The defaults with a school's overrides applied; throws a ZodError naming each bad field. */
export function resolveScreeningSettings(overrides: unknown): ScreeningSettings {
  const o = screeningSettingsOverridesSchema.parse(overrides ?? {})
  const d = DEFAULT_SCREENING_SETTINGS
  return screeningSettingsSchema.parse({
    attendance: { ...d.attendance, ...o.attendance },
    ks2: { ...d.ks2, ...o.ks2 },
    weights: { ...d.weights, ...o.weights },
    levels: { ...d.levels, ...o.levels },
  })
}
