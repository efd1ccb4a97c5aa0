import t from 'tap'
import { roundHalfUp, scoreImpact, scoreSdq, scoreSubscale, type ItemResponse } from '../../server/sdq/score'

const all = (v: ItemResponse): ItemResponse[] => Array.from({ length: 25 }, () => v)
/** 25 unanswered items with the given item numbers set. */
function items(set: Record<number, ItemResponse>): ItemResponse[] {
  const out = all(null)
  for (const [n, v] of Object.entries(set)) out[Number(n) - 1] = v
  return out
}

t.test('DOMAIN.md check values', async (t) => {
  t.same(scoreSdq({ items: all(0) }, 'self'), {
    emotional: 0, conduct: 2, hyperactivity: 4, peer: 4, prosocial: 0,
    total: 10, externalising: 6, internalising: 4, impact: null
  })
  t.same(scoreSdq({ items: all(2) }, 'self'), {
    emotional: 10, conduct: 8, hyperactivity: 6, peer: 6, prosocial: 10,
    total: 30, externalising: 14, internalising: 16, impact: null
  })
  t.same(scoreSdq({ items: all(1) }, 'parent'), {
    emotional: 5, conduct: 5, hyperactivity: 5, peer: 5, prosocial: 5,
    total: 20, externalising: 10, internalising: 10, impact: null
  })
  // emotional items 3=2, 8=1, 13=1, 16 and 24 missing: mean 4/3 × 5 = 6.67 → 7
  t.equal(scoreSubscale(items({ 3: 2, 8: 1, 13: 1 }), 'emotional'), 7)
})

t.test('prorating: 3 of 5 answered is scored, 2 is missing', async (t) => {
  t.equal(scoreSubscale(items({ 3: 1, 8: 1, 13: 1 }), 'emotional'), 5)
  t.equal(scoreSubscale(items({ 3: 2, 8: 2 }), 'emotional'), null)
  t.equal(scoreSubscale(items({}), 'emotional'), null)
  // reverse-scored items count reversed when prorated: conduct 7 = 0 scores 2
  t.equal(scoreSubscale(items({ 5: 0, 7: 0, 12: 0 }), 'conduct'), 3) // mean 2/3 × 5 = 3.33 → 3
  const s = scoreSdq({ items: items({ 3: 2, 8: 2, 5: 0, 7: 0, 12: 0, 18: 0, 22: 0 }) }, 'self')
  t.equal(s.emotional, null, 'two emotional items: missing')
  t.equal(s.total, null, 'total missing when a part is missing')
  t.equal(s.internalising, null)
  t.equal(s.conduct, 2)
})

t.test('rounding is half up', async (t) => {
  t.equal(roundHalfUp(2.5), 3)
  t.equal(roundHalfUp(7.5), 8)
  t.equal(roundHalfUp(6.666), 7)
  t.equal(roundHalfUp(3.333), 3)
  // 4 answered items summing to 2: mean 0.5 × 5 = 2.5 → 3 (banker's rounding would give 2)
  t.equal(scoreSubscale(items({ 3: 1, 8: 1, 13: 0, 16: 0 }), 'emotional'), 3)
  // 4 answered summing to 6: 1.5 × 5 = 7.5 → 8
  t.equal(scoreSubscale(items({ 3: 2, 8: 2, 13: 1, 16: 1 }), 'emotional'), 8)
})

t.test('impact supplement per informant', async (t) => {
  const worst = { difficulties: true, distress: 3, home: 3, friendships: 3, classroom: 3, leisure: 3 } as const
  t.equal(scoreImpact(worst, 'self'), 10)
  t.equal(scoreImpact(worst, 'parent'), 10)
  t.equal(scoreImpact(worst, 'teacher'), 6, 'the teacher form has no home or leisure item')
  t.equal(scoreImpact({ ...worst, difficulties: false }, 'self'), 0, 'no difficulties: impact 0')
  const mixed = { difficulties: true, distress: 2, home: 1, friendships: 2, classroom: 3, leisure: 0 } as const
  t.equal(scoreImpact(mixed, 'self'), 1 + 0 + 1 + 2 + 0, 'only a little and not at all score 0')
  t.equal(scoreImpact(mixed, 'teacher'), 1 + 1 + 2)
  t.equal(scoreImpact({ difficulties: true, distress: null, home: null, friendships: null, classroom: null, leisure: null }, 'self'), null)
  t.equal(scoreImpact(null, 'self'), null)
  t.equal(scoreSdq({ items: all(1), impact: mixed }, 'teacher').impact, 4)
})

t.test('pre-scored subscales', async (t) => {
  const s = scoreSdq({ prescored: { emotional: 5, conduct: 4, hyperactivity: 7, peer: 3, prosocial: 6, impact: 2 } }, 'teacher')
  t.same(s, { emotional: 5, conduct: 4, hyperactivity: 7, peer: 3, prosocial: 6, total: 19, externalising: 11, internalising: 8, impact: 2 })
  const missing = scoreSdq({ prescored: { emotional: null, conduct: 4, hyperactivity: 7, peer: 3, prosocial: 6 } }, 'self')
  t.equal(missing.total, null)
  t.equal(missing.externalising, 11)
  t.equal(missing.impact, null)
})

t.test('refuses a form that is not 25 items', async (t) => {
  t.throws(() => scoreSdq({ items: [0, 1, 2] }, 'self'), /25 items/)
})
