// What the matcher reads about each pupil: staff's review over the analyser's reading, staff's level
// over Lantern's, and a confirmed place kept aside.
import t from 'tap'
import { reviewLetter } from '../../server/letters/service'
import { decideLevel } from '../../server/screening/service'
import { loadPupilsForMatching } from '../../server/opportunities/inputs'
import { setUp } from '../imports/helpers'
import { loadPupils, upn } from '../screening/cohort'

t.test('interests, worries and words from the letter; staff additions marked as theirs', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  await loadPupils(db, schoolId, userId, [
    {
      n: 1,
      sen: 'K',
      letter: {
        text: 'I love drawing but I worry about making friends.',
        analysis: { concern: 'some', interests: [{ interest: 'art', text: 'drawing', start: 7, end: 14 }], worries: [{ theme: 'friendships', text: 'making friends', start: 33, end: 47 }], strengths: [{ strength: 'kind', text: 'x', start: 0, end: 1 }], safeguarding: [] } as never
      }
    },
    { n: 2 }
  ])
  const before = await loadPupilsForMatching(db, schoolId)
  const one = before.find((p) => p.upn === upn(1))!
  t.same(one.interests, [{ key: 'art', source: 'letter' }])
  t.same(one.worries, ['friendships'])
  t.same(one.strengths, ['kind'])
  t.equal(one.words.get('art'), 'drawing')
  t.equal(one.sen, 'K')
  t.equal(one.confirmed, null)
  const two = before.find((p) => p.upn === upn(2))!
  t.same(two.interests, [], 'no letter, no interests')
  t.equal(two.level, 'thriving')

  const letter = await db.selectFrom('letters').select('id').executeTakeFirstOrThrow()
  await reviewLetter(db, { schoolId, userId, ip: '127.0.0.1' }, letter.id, { concern: 'some', worries: ['friendships', 'bullying'], interests: ['art', 'football'], note: null })
  await decideLevel(db, schoolId, { userId }, one.id, 'getting_help', 'Talked to her form tutor')
  const after = (await loadPupilsForMatching(db, schoolId)).find((p) => p.upn === upn(1))!
  t.same(after.interests, [{ key: 'art', source: 'letter' }, { key: 'football', source: 'staff' }])
  t.same(after.worries, ['friendships', 'bullying'])
  t.equal(after.level, 'getting_help', 'staff decide the level')
})
