import t from 'tap'
import { fitOf, MAX_FIT, FIT_POINTS } from '../../server/opportunities/fit'
import { priorityOf, slotsClash } from '../../server/opportunities/match'
import { syntheticOpportunities, syntheticPupils } from './cohort'
import { likes, opportunity, pupil } from './fixtures'

t.test('the explanation names each match and where it came from', async (t) => {
  const art = opportunity(1, { name: 'Art club', category: 'creative', interests: ['art'], needs: ['friendships'], maxPlaces: 10 })
  const fit = fitOf(pupil(1, { interests: likes('art', 'football'), worries: ['friendships'] }), art)
  t.same(fit, { score: 5 + FIT_POINTS.interest + FIT_POINTS.need + FIT_POINTS.smallGroup, explanation: 'likes art (letter); worry: friendships (letter) — small group' })
  const staff = fitOf(pupil(2, { interests: [{ key: 'martial_arts', source: 'staff' }], strengths: ['sport'] }), opportunity(2, { category: 'sport', interests: ['martial_arts'] }))
  t.equal(staff?.explanation, 'likes martial arts (staff); strength: sport', 'words from letters/labels.ts; a strength may be the category')
  const both = fitOf(pupil(3, { interests: [{ key: 'art', source: 'staff' }, { key: 'art', source: 'letter' }] }), art)
  t.equal(both?.explanation, 'likes art (letter)', 'the pupil’s own word wins, counted once; a small group is named only for a worry or need')
  t.equal(both?.score, 5 + FIT_POINTS.interest, 'no small-group points without a worry or need')
})

t.test('needs: the opportunity’s own, else its category’s usual ones; a higher band answers a lower one', async (t) => {
  const friends = opportunity(1, { name: 'Lunch club', category: 'friendship_group', maxPlaces: 8 })
  t.equal(fitOf(pupil(1), friends), null, 'a friendship group is for a pupil with a need it serves')
  t.same(fitOf(pupil(1, { reasons: ['SDQ_PEER_VERY_HIGH'] }), friends), { score: FIT_POINTS.usualNeed + FIT_POINTS.smallGroup, explanation: 'SDQ peer problems: very high — small group' })
  t.equal(fitOf(pupil(1, { reasons: ['SDQ_PEER_VERY_HIGH', 'SDQ_PEER_HIGH'] }), friends)?.score, FIT_POINTS.usualNeed + FIT_POINTS.smallGroup, 'high from one informant and very high from another are one need')
  t.equal(fitOf(pupil(1, { reasons: ['SDQ_PEER_HIGH'], worries: ['friendships'] }), friends)?.score, 2 * FIT_POINTS.usualNeed + FIT_POINTS.smallGroup, 'two needs count twice')
  const reading = opportunity(2, { category: 'learning_support', needs: ['KS2_READING_BELOW_EXPECTED'] })
  t.equal(fitOf(pupil(1, { reasons: ['KS2_MATHS_BELOW_EXPECTED'] }), reading), null, 'its own needs replace the category’s')
  t.equal(fitOf(pupil(1, { reasons: ['KS2_READING_BELOW_EXPECTED'] }), reading)?.explanation, 'KS2 reading below expected')
  const quiet = fitOf(pupil(1, { worries: ['general_anxiety'] }), opportunity(3, { category: 'creative', maxPlaces: 12 }))
  t.equal(quiet?.explanation, 'worry: general anxiety (letter) — small group', 'a quiet creative group for general anxiety')
  t.equal(fitOf(pupil(1, { reasons: ['ATTENDANCE_SEVERE_ABSENCE'] }), opportunity(4, { category: 'mentoring' }))?.explanation, 'Severe absence')
  t.equal(fitOf(pupil(1, { reasons: ['SCHOOL_OWN_CODE'] }), opportunity(5, { category: 'mentoring', needs: ['SCHOOL_OWN_CODE'] }))?.explanation, 'SCHOOL_OWN_CODE', 'a code not in the list is shown as it is')
  const many = fitOf(pupil(1, { interests: likes('art', 'music', 'drama') }), opportunity(6, { interests: ['art', 'music', 'drama'] }))
  t.equal(many?.score, 6 + FIT_POINTS.perKind * FIT_POINTS.interest, 'at most two matches of a kind count')
})

t.test('a pupil with no stated interest still gets a sensible, open offer', async (t) => {
  t.same(fitOf(pupil(1), opportunity(1)), { score: 6, explanation: 'no interest recorded yet: open to everyone' })
  t.equal(fitOf(pupil(1, { interests: likes('football') }), opportunity(1))?.explanation, 'open to everyone: something new to try')
  t.ok(fitOf(pupil(1), opportunity(1))!.score > fitOf(pupil(1), opportunity(2, { category: 'sport' }))!.score, 'an enrichment offer before a sport nobody asked for')
})

t.test('eligibility: catalogue, year group, form and SEN rule', async (t) => {
  t.equal(fitOf(pupil(1), opportunity(1, { archived: true })), null)
  t.equal(fitOf(pupil(1), opportunity(1, { yearGroups: [8] })), null)
  t.not(fitOf(pupil(1), opportunity(1, { yearGroups: [7, 8] })), null)
  t.equal(fitOf(pupil(1), opportunity(1, { forms: ['7B'] })), null)
  t.equal(fitOf(pupil(1, { form: null }), opportunity(1, { forms: ['7A'] })), null)
  t.not(fitOf(pupil(1), opportunity(1, { forms: ['7A'] })), null)
  const rules = { sen_support: ['K'], ehcp: ['E'], sen_any: ['K', 'E'] } as const
  for (const [rule, allowed] of Object.entries(rules)) {
    for (const sen of ['N', 'K', 'E', null] as const) {
      const open = fitOf(pupil(1, { sen }), opportunity(1, { rule: rule as keyof typeof rules })) !== null
      t.equal(open, (allowed as readonly string[]).includes(sen ?? ''), `${rule} for sen ${sen}`)
    }
  }
})

t.test('scores are whole numbers from 0 to MAX_FIT on a random cohort', async (t) => {
  const shape = { pupils: 300, opportunities: 40, places: 10 }
  const opportunities = syntheticOpportunities(21, shape)
  let bad = 0
  for (const p of syntheticPupils(22, shape, opportunities)) {
    for (const o of opportunities) {
      const fit = fitOf(p, o)
      if (fit && (!Number.isInteger(fit.score) || fit.score < 0 || fit.score > MAX_FIT || fit.explanation === '')) bad++
    }
  }
  t.equal(bad, 0)
})

t.test('need priority: THRIVE level, hidden one above, safeguarding at the top', async (t) => {
  t.same(['thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support'].map((level) => priorityOf(pupil(1, { level: level as never }))), [1, 2, 3, 4, 5])
  t.equal(priorityOf(pupil(1, { level: 'getting_advice', hidden: true })), 3)
  t.equal(priorityOf(pupil(1, { level: 'getting_risk_support', hidden: true })), 5)
  t.equal(priorityOf(pupil(1, { level: 'thriving', safeguarding: true })), 5)
})

t.test('slots clash on the same weekday when their times overlap', async (t) => {
  const slot = (weekday: number, start: string, end: string) => ({ weekday, start, end })
  t.ok(slotsClash(slot(1, '15:30', '16:30'), slot(1, '16:00', '17:00')))
  t.notOk(slotsClash(slot(1, '15:30', '16:30'), slot(1, '16:30', '17:00')), 'one ending as the other starts')
  t.notOk(slotsClash(slot(1, '15:30', '16:30'), slot(2, '15:30', '16:30')))
  t.notOk(slotsClash(null, slot(2, '15:30', '16:30')))
})
