// The profile page's model is a pure function of the pupil's loaded data: tested with a plain object.
import t from 'tap'
import { profileView, type PupilProfileData } from '../../server/screening/profile'

const base = {
  pupil: {
    id: 5, school_id: 1, upn: 'A380209324005', temporary_upn: false, surname: 'Khan', forename: 'Aisha', preferred_forename: 'Ash', dob: '2014-10-02', sex: 'F',
    form: '7N', primary_school: 'Hill Primary', sen: 'K', sen_need: 'SLCN', fsm: true, eal: false, looked_after: false, social_care: 'CIN'
  },
  attainment: { ks2_reading: '98', ks2_maths: '104', ks2_gps: null, ks2_writing: 'WTS' },
  attendance: { possible: 300, absent: 33, period: '2025-26' },
  result: { level: 'getting_help', score: 5, hidden: false, safeguarding: true, computed_at: new Date('2026-11-01T10:00:00Z'), reasons: [{ code: 'LETTER_SAFEGUARDING', evidence: 'self-harm', weight: 10 }], missing: ['sdq'] },
  sdq: {},
  letter: {
    id: 9, pupil_id: 5, text: 'I hurt myself.', written_on: '2026-07-01', concern: 'high', review_concern: null,
    analysis: { concern: 'high', worries: [], interests: [], safeguarding: [{ category: 'self_harm', text: 'I hurt myself', start: 0, end: 13 }] }
  },
  decisions: [{ id: 1, level: 'getting_risk_support', suggested_level: 'getting_help', reason: 'DSL referral', decided_at: new Date('2026-11-02T10:00:00Z'), decided_by_name: 'Dana' }],
  suggestions: []
}

t.test('the profile shows the pupil’s facts in words, staff’s level over Lantern’s, and no more of the row than it needs', async (t) => {
  const view = profileView(base as unknown as PupilProfileData, '123456')
  t.equal(view.title, 'Khan, Aisha (Ash)')
  t.equal(view.backHref, '/s/123456/pupils')
  t.same(view.flags, { sen: 'SEN support (K)', fsm: 'Yes', lookedAfter: 'No', socialCare: 'Child in need (CIN)' })
  t.same(view.ks2?.map((k) => k.value), ['98', '104', 'Not recorded', 'WTS'])
  t.equal(view.attendance?.percent, '89.0')
  t.equal(view.sdq, null, 'no SDQ, no chart')
  t.same(view.letter?.safeguarding, ['self-harm'])
  t.equal(view.suggested?.value, 'getting_help')
  t.equal(view.decided?.value, 'getting_risk_support')
  t.equal(view.level?.value, 'getting_risk_support', 'staff decide')
  t.same(view.result?.missing, ['SDQ'])
  t.notOk('social_care' in view.pupil, 'only the fields the page shows')
})
