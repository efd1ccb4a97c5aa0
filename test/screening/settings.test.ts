import t from 'tap'
import { z } from 'zod'
import {
  DEFAULT_SCREENING_SETTINGS,
  LEVELS,
  SCREENING_SETTING_GUIDE,
  resolveScreeningSettings,
  screenCohort,
  screeningSettingsSchema,
} from '../../server/screening/rules'
import { REASONS, REASON_CODES, describeReason, isQuantitativeReason, isReasonCode } from '../../server/screening/reasons'
import { pupil } from './fixtures'

t.test('every setting has a default, a why and limits the default sits within', async (t) => {
  for (const [group, settings] of Object.entries(SCREENING_SETTING_GUIDE)) {
    for (const [key, g] of Object.entries(settings)) {
      t.ok(g.why.length > 20 && g.label.length > 0, `${group}.${key} explains itself`)
      t.ok(g.default >= g.min && g.default <= g.max, `${group}.${key} default within limits`)
      t.equal((DEFAULT_SCREENING_SETTINGS as any)[group][key], g.default)
    }
  }
  t.ok(screeningSettingsSchema.safeParse(DEFAULT_SCREENING_SETTINGS).success, 'the defaults are valid')
})

t.test('a school\'s overrides are applied over the defaults', async (t) => {
  t.same(resolveScreeningSettings({}), DEFAULT_SCREENING_SETTINGS)
  t.same(resolveScreeningSettings(undefined), DEFAULT_SCREENING_SETTINGS)
  const s = resolveScreeningSettings({ attendance: { persistentAbsencePercent: 12.5 }, weights: { LETTER_WORRY: 4 } })
  t.equal(s.attendance.persistentAbsencePercent, 12.5)
  t.equal(s.attendance.severeAbsencePercent, 50)
  t.equal(s.weights.LETTER_WORRY, 4)
  t.equal(s.weights.LOOKED_AFTER, DEFAULT_SCREENING_SETTINGS.weights.LOOKED_AFTER)
})

t.test('settings that make no sense are refused, naming the field', async (t) => {
  const refused = (overrides: unknown) => {
    try {
      resolveScreeningSettings(overrides)
      return null
    } catch (err) {
      t.ok(err instanceof z.ZodError)
      return (err as z.ZodError).issues.map((i) => i.path.join('.'))
    }
  }
  t.same(refused({ weights: { SEN_SUPPORT: -1 } }), ['weights.SEN_SUPPORT'])
  t.same(refused({ weights: { SEN_SUPPORT: 'two' } }), ['weights.SEN_SUPPORT'])
  t.same(refused({ weights: { NOT_A_REASON: 1 } }), ['weights'])
  t.same(refused({ attendance: { severeAbsencePercent: 10 } }), ['attendance.severeAbsencePercent'])
  t.same(refused({ levels: { getting_help: 1 } }), ['levels.getting_help'])
  t.same(refused({ levels: { getting_advice: 0 } }), ['levels.getting_advice'])
  t.same(refused({ ks2: { expectedScaledScore: 121 } }), ['ks2.expectedScaledScore'])
})

t.test('reason codes: one list, unique, upper-case, each begins with its indicator', async (t) => {
  t.equal(new Set(REASON_CODES).size, REASON_CODES.length)
  const prefix = { attendance: 'ATTENDANCE_', ks2: 'KS2_', sdq: 'SDQ_', social_care: 'SOCIAL_CARE', looked_after: 'LOOKED_AFTER', sen: 'SEN_', letter: 'LETTER_' }
  for (const r of REASONS) {
    t.match(r.code, /^[A-Z0-9_]+$/)
    t.ok(r.code.startsWith(prefix[r.indicator]), `${r.code} begins with ${prefix[r.indicator]}`)
    t.equal(r.quantitative, r.indicator !== 'letter', `${r.code} quantitative unless from the letter`)
    t.ok(r.label && r.description, `${r.code} is described`)
  }
  for (const code of ['ATTENDANCE_PERSISTENT_ABSENCE', 'KS2_READING_BELOW_EXPECTED', 'SDQ_EMOTIONAL_HIGH', 'SOCIAL_CARE', 'LETTER_WORRY', 'LETTER_SAFEGUARDING']) {
    t.ok(isReasonCode(code), `${code} (named in DESIGN.md)`)
  }
  t.notOk(isReasonCode('SOCIAL_CARE_CP'))
  t.equal(describeReason('LETTER_MISSING').quantitative, false)
  t.equal(isQuantitativeReason('LOOKED_AFTER'), true)
})

t.test('every weight belongs to a reason, and every reason but two has its own weight', async (t) => {
  for (const key of Object.keys(DEFAULT_SCREENING_SETTINGS.weights)) {
    t.ok(isReasonCode(key) || key.startsWith('SOCIAL_CARE_'), key)
  }
  const unweighted = REASON_CODES.filter((c) => !(c in DEFAULT_SCREENING_SETTINGS.weights))
  t.same(unweighted, ['SOCIAL_CARE', 'LETTER_MISSING'], 'social care is weighed by CIN or CP; a missing letter weighs nothing')
})

t.test('screenCohort screens in order and summarises', async (t) => {
  const pupils = [
    pupil(),
    pupil({ letter: { concern: 'high', safeguarding: [], source: 'staff' } }),
    pupil({ letter: { concern: 'none', safeguarding: ['neglect'], source: 'analyser' }, sen: 'K' }),
    pupil({ letter: null, sen: 'K' }),
  ]
  const { results, summary } = screenCohort(pupils)
  t.same(results.map((r) => r.level), ['thriving', 'getting_help', 'getting_risk_support', 'getting_advice'])
  t.equal(summary.pupils, 4)
  t.same(Object.keys(summary.byLevel), [...LEVELS])
  t.same(summary.byLevel, { thriving: 1, getting_advice: 1, getting_help: 1, getting_more_help: 0, getting_risk_support: 1 })
  t.equal(summary.hidden, 1)
  t.equal(summary.safeguarding, 1)
  t.same(summary.byReason, { LETTER_WORRY: 1, LETTER_SAFEGUARDING: 1, SEN_SUPPORT: 2, LETTER_MISSING: 1 })
  t.same(screenCohort([]).summary.pupils, 0)
})
