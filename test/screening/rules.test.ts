import t from 'tap'
import { DEFAULT_SCREENING_SETTINGS, screenPupil, type PupilIndicators, type ScreeningSettings } from '../../server/screening/rules'
import { averageSdq, pupil } from './fixtures'

const codes = (p: PupilIndicators, s?: ScreeningSettings) => screenPupil(p, s).reasons.map((r) => r.code)
const evidence = (p: PupilIndicators, code: string) => screenPupil(p).reasons.find((r) => r.code === code)?.evidence

function withSettings(change: (s: ScreeningSettings) => void): ScreeningSettings {
  const s = structuredClone(DEFAULT_SCREENING_SETTINGS)
  change(s)
  return s
}

t.test('a pupil whose data and letter are reassuring is thriving, with no reasons and nothing missing', async (t) => {
  t.same(screenPupil(pupil()), { reasons: [], score: 0, level: 'thriving', hidden: false, safeguarding: false, missing: [] })
})

t.test('attendance: persistent absence from 10% absent, exactly 90.0% counts', async (t) => {
  t.same(codes(pupil({ attendance: { possible: 380, absent: 38 } })), ['ATTENDANCE_PERSISTENT_ABSENCE'], '38 of 380 absent = 90.0%')
  t.equal(evidence(pupil({ attendance: { possible: 380, absent: 38 } }), 'ATTENDANCE_PERSISTENT_ABSENCE'), '90.0% of 380 sessions (38 missed)')
  t.same(codes(pupil({ attendance: { possible: 380, absent: 37 } })), [], '37 of 380 absent = 90.3%')
  t.same(codes(pupil({ attendance: { possible: 1000, absent: 99 } })), [], '90.1% is not persistent absence')
  t.same(codes(pupil({ attendance: { possible: 1000, absent: 100 } })), ['ATTENDANCE_PERSISTENT_ABSENCE'], '90.0% of 1000')
  t.equal(evidence(pupil({ attendance: { possible: 342, absent: 47 } }), 'ATTENDANCE_PERSISTENT_ABSENCE'), '86.3% of 342 sessions (47 missed)')
})

t.test('attendance: severe absence from 50% absent replaces persistent absence', async (t) => {
  t.same(codes(pupil({ attendance: { possible: 380, absent: 190 } })), ['ATTENDANCE_SEVERE_ABSENCE'])
  t.same(codes(pupil({ attendance: { possible: 380, absent: 189 } })), ['ATTENDANCE_PERSISTENT_ABSENCE'])
  t.same(codes(pupil({ attendance: { possible: 380, absent: 380 } })), ['ATTENDANCE_SEVERE_ABSENCE'])
})

t.test('attendance that is missing or impossible raises nothing and is reported missing', async (t) => {
  for (const attendance of [null, { possible: 0, absent: 0 }, { possible: 10, absent: 11 }, { possible: 380, absent: -1 }]) {
    const r = screenPupil(pupil({ attendance }))
    t.same(r.reasons, [], JSON.stringify(attendance))
    t.same(r.missing, ['attendance'])
  }
})

t.test('KS2 reading and maths: a scaled score of 99 is below expected, 100 is not', async (t) => {
  t.same(codes(pupil({ ks2: { reading: 99, maths: 100, gps: 100, writing: 'EXS' } })), ['KS2_READING_BELOW_EXPECTED'])
  t.same(codes(pupil({ ks2: { reading: 100, maths: 99, gps: 100, writing: 'EXS' } })), ['KS2_MATHS_BELOW_EXPECTED'])
  t.equal(evidence(pupil({ ks2: { reading: 96, maths: 100, gps: 100, writing: 'EXS' } }), 'KS2_READING_BELOW_EXPECTED'), 'scaled score 96')
  t.same(codes(pupil({ ks2: { reading: '99', maths: ' 100 ', gps: null, writing: null } })), ['KS2_READING_BELOW_EXPECTED'], 'numeric strings are scores')
})

t.test('KS2: a code in a tested subject counts as below expected, unless it is a meeting-expected assessment', async (t) => {
  const p = pupil({ ks2: { reading: 'B', maths: 'wts', gps: 'B', writing: 'EXS' } })
  t.same(codes(p), ['KS2_READING_BELOW_EXPECTED', 'KS2_MATHS_BELOW_EXPECTED'])
  t.equal(evidence(p, 'KS2_READING_BELOW_EXPECTED'), 'code B (working below the standard of the test)')
  t.equal(evidence(p, 'KS2_MATHS_BELOW_EXPECTED'), 'code WTS (working towards the expected standard)')
  t.same(codes(pupil({ ks2: { reading: 'EXS', maths: 'GDS', gps: null, writing: null } })), [])
  t.equal(evidence(pupil({ ks2: { reading: 'T', maths: 105, gps: null, writing: null } }), 'KS2_READING_BELOW_EXPECTED'), 'code T', 'an unfamiliar code is named as it is')
  t.equal(evidence(pupil({ ks2: { reading: 'em', maths: 105, gps: null, writing: null } }), 'KS2_READING_BELOW_EXPECTED'), 'code EM (engagement model)')
  t.same(codes(pupil({ ks2: { reading: ' ', maths: 105, gps: null, writing: null } })), [], 'a blank result is no result')
})

t.test('KS2 writing: WTS, PK and EM are below expected; GDS, EXS and no-judgement codes are not', async (t) => {
  for (const writing of ['WTS', 'PK1', 'PK6', 'EM', 'pk3']) {
    t.same(codes(pupil({ ks2: { reading: 105, maths: 105, gps: 105, writing } })), ['KS2_WRITING_BELOW_EXPECTED'], writing)
  }
  for (const writing of ['GDS', 'EXS', 'A', 'L', 'F', 'P', '', null]) {
    t.same(codes(pupil({ ks2: { reading: 105, maths: 105, gps: 105, writing } })), [], String(writing))
  }
  t.equal(evidence(pupil({ ks2: { reading: 105, maths: 105, gps: 105, writing: 'PK4' } }), 'KS2_WRITING_BELOW_EXPECTED'), 'teacher assessment PK4 (pre-key stage standard)')
})

t.test('KS2 GPS is shown as an indicator but raises no reason of its own', async (t) => {
  t.same(codes(pupil({ ks2: { reading: 105, maths: 105, gps: 85, writing: 'EXS' } })), [])
})

t.test('KS2 missing entirely is reported missing, a single subject is not', async (t) => {
  t.same(screenPupil(pupil({ ks2: null })).missing, ['ks2'])
  t.same(screenPupil(pupil({ ks2: { reading: null, maths: null, gps: null, writing: null } })).missing, ['ks2'])
  t.same(screenPupil(pupil({ ks2: { reading: null, maths: 101, gps: null, writing: null } })).missing, [])
})

t.test('SDQ: high and very high bands raise a reason per scale at the highest band any informant gives', async (t) => {
  const self = averageSdq({ emotional: 6, bands: { ...averageSdq().bands, emotional: 'high' } })
  const teacher = averageSdq({ emotional: 7, bands: { ...averageSdq().bands, emotional: 'very_high' } })
  t.same(codes(pupil({ sdq: { self } })), ['SDQ_EMOTIONAL_HIGH'])
  const both = pupil({ sdq: { self, teacher } })
  t.same(codes(both), ['SDQ_EMOTIONAL_VERY_HIGH'], 'very high replaces high')
  t.equal(evidence(both, 'SDQ_EMOTIONAL_VERY_HIGH'), 'self-report 6 (high); teacher 7 (very high)')
  const raised = averageSdq({ bands: { ...averageSdq().bands, conduct: 'slightly_raised', prosocial: 'slightly_lowered', impact: 'slightly_raised' } })
  t.same(codes(pupil({ sdq: { parent: raised } })), [], 'slightly raised or lowered is not a reason')
})

t.test('SDQ: every scale has its codes; prosocial is raised by low and very low', async (t) => {
  const bands = { total: 'very_high', emotional: 'high', conduct: 'very_high', hyperactivity: 'high', peer: 'very_high', prosocial: 'very_low', impact: 'high' } as const
  t.same(codes(pupil({ sdq: { parent: averageSdq({ bands }) } })), [
    'SDQ_TOTAL_VERY_HIGH', 'SDQ_EMOTIONAL_HIGH', 'SDQ_CONDUCT_VERY_HIGH', 'SDQ_HYPERACTIVITY_HIGH', 'SDQ_PEER_VERY_HIGH', 'SDQ_PROSOCIAL_LOW', 'SDQ_IMPACT_HIGH',
  ])
  const low = pupil({ sdq: { teacher: averageSdq({ prosocial: 4, bands: { ...averageSdq().bands, prosocial: 'low', impact: 'very_high' }, impact: 4 }) } })
  t.same(codes(low), ['SDQ_PROSOCIAL_LOW', 'SDQ_IMPACT_VERY_HIGH'])
  t.equal(evidence(low, 'SDQ_PROSOCIAL_LOW'), 'teacher 4 (low)')
})

t.test('SDQ: a very high total weighs more than a high one', async (t) => {
  const at = (band: 'high' | 'very_high') => screenPupil(pupil({ sdq: { self: averageSdq({ total: 19, bands: { ...averageSdq().bands, total: band } }) } })).score
  t.ok(at('very_high') > at('high'))
})

t.test('SDQ missing (none, or every informant absent) raises nothing and is reported missing', async (t) => {
  for (const sdq of [null, {}, { self: null }]) {
    const r = screenPupil(pupil({ sdq }))
    t.same(r.reasons, [])
    t.same(r.missing, ['sdq'])
  }
})

t.test('social care, looked after and SEN', async (t) => {
  const cin = screenPupil(pupil({ socialCare: 'CIN' }))
  const cp = screenPupil(pupil({ socialCare: 'CP' }))
  t.same(cin.reasons, [{ code: 'SOCIAL_CARE', evidence: 'child in need (CIN)', weight: DEFAULT_SCREENING_SETTINGS.weights.SOCIAL_CARE_CIN }])
  t.same(cp.reasons, [{ code: 'SOCIAL_CARE', evidence: 'child protection plan (CP)', weight: DEFAULT_SCREENING_SETTINGS.weights.SOCIAL_CARE_CP }])
  t.ok(cp.score > cin.score, 'a child protection plan weighs more')
  t.same(codes(pupil({ lookedAfter: true })), ['LOOKED_AFTER'])
  t.same(codes(pupil({ sen: 'K' })), ['SEN_SUPPORT'])
  t.same(codes(pupil({ sen: 'E' })), ['SEN_EHCP'])
  t.same(screenPupil(pupil({ sen: null, lookedAfter: null, socialCare: null })).missing, ['social_care', 'looked_after', 'sen'])
})

t.test('no letter: LETTER_MISSING with weight 0, which never raises the level', async (t) => {
  const r = screenPupil(pupil({ letter: null }))
  t.same(r.reasons, [{ code: 'LETTER_MISSING', evidence: 'no letter to self on record', weight: 0 }])
  t.equal(r.level, 'thriving')
  t.equal(r.score, 0)
  t.same(r.missing, ['letter'])
  const withKs2 = screenPupil(pupil({ letter: null, ks2: { reading: 95, maths: 105, gps: 105, writing: 'EXS' } }))
  t.equal(withKs2.level, screenPupil(pupil({ ks2: { reading: 95, maths: 105, gps: 105, writing: 'EXS' } })).level)
})

t.test('ordinary nerves (concern some) and nothing else: thriving, no reasons', async (t) => {
  const r = screenPupil(pupil({ letter: { concern: 'some', safeguarding: [], source: 'analyser' } }))
  t.same([r.level, r.reasons, r.hidden], ['thriving', [], false])
})

t.test('hidden: a worried letter with no quantitative reason', async (t) => {
  const worried = { concern: 'high', safeguarding: [], source: 'analyser' } as const
  const r = screenPupil(pupil({ letter: worried }))
  t.same(r.reasons.map((x) => x.code), ['LETTER_WORRY'])
  t.equal(r.reasons[0]?.evidence, 'high concern (found by the letter analyser)')
  t.equal(r.hidden, true)
  t.equal(r.level, 'getting_help', 'a hidden pupil is seen, not left thriving')
  t.equal(screenPupil(pupil({ letter: worried, attendance: { possible: 380, absent: 38 } })).hidden, false, 'not hidden when the data also show concern')
  t.equal(screenPupil(pupil({ letter: worried, attendance: null, ks2: null, sdq: null })).hidden, true, 'missing data is not a quantitative reason')
  t.equal(screenPupil(pupil({ attendance: { possible: 380, absent: 38 } })).hidden, false, 'no letter concern, not hidden')
  const ks2Ignored = withSettings((s) => { s.weights.KS2_READING_BELOW_EXPECTED = 0 })
  t.equal(screenPupil(pupil({ letter: worried, ks2: { reading: 90, maths: 105, gps: 105, writing: 'EXS' } }), ks2Ignored).hidden, true, 'a reason the school weighs at 0 raises no concern')
})

t.test('a safeguarding category in the letter always suggests Getting Risk Support', async (t) => {
  const letter = { concern: 'some', safeguarding: ['self_harm', 'neglect', 'self_harm'], source: 'analyser' } as const
  const r = screenPupil(pupil({ letter }))
  t.equal(r.level, 'getting_risk_support')
  t.equal(r.safeguarding, true)
  t.equal(r.hidden, true, 'a safeguarding letter with reassuring data is a hidden pupil')
  t.same(r.reasons, [{ code: 'LETTER_SAFEGUARDING', evidence: 'self-harm, neglect (found by the letter analyser)', weight: DEFAULT_SCREENING_SETTINGS.weights.LETTER_SAFEGUARDING }])
  const unweighted = withSettings((s) => {
    s.weights.LETTER_SAFEGUARDING = 0
    s.levels.getting_risk_support = 1000
  })
  const staff = screenPupil(pupil({ letter: { concern: 'none', safeguarding: ['neglect'], source: 'staff' }, sen: 'K' }), unweighted)
  t.same([staff.level, staff.safeguarding, staff.hidden], ['getting_risk_support', true, false], 'whatever the weights and cut-offs')
  const worried = screenPupil(pupil({ letter: { concern: 'high', safeguarding: ['exploitation'], source: 'staff' } }))
  t.same(worried.reasons.map((x) => x.code), ['LETTER_WORRY', 'LETTER_SAFEGUARDING'])
  t.equal(screenPupil(pupil({ letter: { concern: 'high', safeguarding: [], source: 'staff' } })).safeguarding, false)
  t.equal(screenPupil(pupil({ letter: { concern: 'none', safeguarding: [' ', ''], source: 'staff' } })).safeguarding, false, 'blank categories are not matches')
})

t.test('level cut-offs: a score at a cut-off reaches that level, one below does not', async (t) => {
  const ks2 = (n: number) => ({ reading: n >= 1 ? 90 : 105, maths: n >= 2 ? 90 : 105, gps: 105, writing: n >= 3 ? 'WTS' : 'EXS' })
  t.same(screenPupil(pupil({ ks2: ks2(1) })).level, 'getting_advice', 'score 1')
  t.same(screenPupil(pupil({ ks2: ks2(2) })).level, 'getting_advice', 'score 2')
  const allThree = screenPupil(pupil({ ks2: ks2(3) }))
  t.same([allThree.score, allThree.level], [2, 'getting_advice'], 'low attainment alone adds at most 2: it stays Getting Advice')
  t.equal(allThree.reasons.length, 3, 'every KS2 reason is still listed')
  t.same(screenPupil(pupil({ ks2: ks2(3), sen: 'K' })).level, 'getting_help', 'score 3 with one more reason')
  const uncapped = screenPupil(pupil({ ks2: ks2(3) }), withSettings((s) => { s.ks2.maxCombinedWeight = 3 }))
  t.same([uncapped.score, uncapped.level], [3, 'getting_help'], 'a school can raise the cap')
  const cp = screenPupil(pupil({ socialCare: 'CP', ks2: ks2(3) }))
  t.same([cp.score, cp.level], [8, 'getting_more_help'])
  const severe = screenPupil(pupil({ socialCare: 'CP', attendance: { possible: 380, absent: 200 } }))
  t.same([severe.score, severe.level], [10, 'getting_risk_support'])
})

t.test('changing a setting changes the result', async (t) => {
  const p = pupil({ attendance: { possible: 380, absent: 38 } })
  t.same(codes(p, withSettings((s) => { s.attendance.persistentAbsencePercent = 15 })), [], 'a higher threshold')
  t.same(codes(p, withSettings((s) => { s.attendance.severeAbsencePercent = 10; s.attendance.persistentAbsencePercent = 5 })), ['ATTENDANCE_SEVERE_ABSENCE'])
  t.same(codes(pupil({ ks2: { reading: 104, maths: 105, gps: 105, writing: 'EXS' } }), withSettings((s) => { s.ks2.expectedScaledScore = 105 })), ['KS2_READING_BELOW_EXPECTED'])
  const heavier = screenPupil(p, withSettings((s) => { s.weights.ATTENDANCE_PERSISTENT_ABSENCE = 6 }))
  t.same([heavier.score, heavier.level], [6, 'getting_more_help'])
  const lowerCutoffs = screenPupil(p, withSettings((s) => { s.levels.getting_help = 2 }))
  t.equal(lowerCutoffs.level, 'getting_help')
  t.equal(screenPupil(p).level, 'getting_advice', 'defaults unchanged')
})
