// SDQ added value with figures worked by hand from the published formula.
import t from 'tap'
import { ADDED_VALUE_MIN_GROUP, addedValue, groupAddedValue, predictedFollowUpTotal } from '../../server/sdq/added-value'

const close = (t: { ok(value: boolean, message: string): unknown }, found: number | null, wanted: number, message: string) => t.ok(found !== null && Math.abs(found - wanted) < 1e-9, `${message}: ${found} ≈ ${wanted}`)

t.test('the predicted follow-up total', async (t) => {
  // 2.3 + 0.8×20 + 0.2×4 − 0.3×6 = 2.3 + 16 + 0.8 − 1.8 = 17.3
  close(t, predictedFollowUpTotal({ total: 20, impact: 4, emotional: 6 }), 17.3, 'total 20, impact 4, emotional 6')
  // 2.3 + 0 + 0 − 0 = 2.3: a child with no difficulties is predicted a little above zero
  close(t, predictedFollowUpTotal({ total: 0, impact: 0, emotional: 0 }), 2.3, 'all zero')
  // 2.3 + 0.8×40 + 0.2×10 − 0.3×10 = 2.3 + 32 + 2 − 3 = 33.3
  close(t, predictedFollowUpTotal({ total: 40, impact: 10, emotional: 10 }), 33.3, 'the maxima')
})

t.test('added value is predicted minus observed: positive is better than predicted', async (t) => {
  close(t, addedValue({ total: 20, impact: 4, emotional: 6 }, 12), 5.3, '17.3 − 12')
  close(t, addedValue({ total: 20, impact: 4, emotional: 6 }, 17.3), 0, 'as predicted')
  close(t, addedValue({ total: 10, impact: 0, emotional: 2 }, 14), -4.3, '2.3 + 8 − 0.6 = 9.7; 9.7 − 14')
})

t.test('a group’s mean, and nothing for a group too small to mean anything', async (t) => {
  const pairs = [
    { baseline: { total: 20, impact: 4, emotional: 6 }, followUpTotal: 12 }, //  5.3
    { baseline: { total: 10, impact: 0, emotional: 2 }, followUpTotal: 14 }, // −4.3
    { baseline: { total: 15, impact: 2, emotional: 5 }, followUpTotal: 13 }, //  2.3 + 12 + 0.4 − 1.5 = 13.2 → 0.2
    { baseline: { total: 25, impact: 6, emotional: 8 }, followUpTotal: 20 }, //  2.3 + 20 + 1.2 − 2.4 = 21.1 → 1.1
    { baseline: { total: 5, impact: 0, emotional: 1 }, followUpTotal: 3 } //     2.3 + 4 − 0.3 = 6.0 → 3.0
  ]
  t.equal(ADDED_VALUE_MIN_GROUP, 5)
  const group = groupAddedValue(pairs)
  t.equal(group.pairs, 5)
  close(t, group.mean, 1.06, 'mean of 5.3, −4.3, 0.2, 1.1, 3.0 = 5.3 / 5')
  t.same(groupAddedValue(pairs.slice(0, 4)), { pairs: 4, mean: null }, 'four children: not shown')
  t.same(groupAddedValue(pairs.slice(0, 1), 1).pairs, 1)
  t.same(groupAddedValue([], 0), { pairs: 0, mean: null }, 'no pairs: nothing, whatever the minimum')
})
