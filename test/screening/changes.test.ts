// Services own their side effects: a change to what screening reads re-screens inside the writer's
// own transaction, and pages only read.
import t from 'tap'
import { followSchoolDataChanges } from '../../server/pupils/changes'
import { addLetter, reviewLetter } from '../../server/letters/service'
import { loadScreenRows } from '../../server/screening/screen-rows'
import { screeningIsStale } from '../../server/screening/store'
import { setUp } from '../imports/helpers'
import { loadPupils, upn } from './cohort'

const COHORT = [
  { n: 1, letter: { text: 'I like football.', analysis: { concern: 'none' as const } } },
  { n: 2, letter: { text: 'I like art.', analysis: { concern: 'none' as const } } }
]

async function cohort(t: { teardown(fn: () => unknown): void }) {
  const ctx = await setUp(t)
  await loadPupils(ctx.db, ctx.schoolId, ctx.userId, COHORT)
  const pupil = await ctx.db.selectFrom('pupils').select('id').where('upn', '=', upn(1)).executeTakeFirstOrThrow()
  const letter = await ctx.db.selectFrom('letters').select('id').where('pupil_id', '=', pupil.id).executeTakeFirstOrThrow()
  return { ...ctx, pupilId: pupil.id, letterId: letter.id }
}

t.test('an import screens its pupils in its own transaction: nothing is stale afterwards', async (t) => {
  const { db, schoolId } = await cohort(t)
  t.equal(await screeningIsStale(db, schoolId), false)
  t.equal((await loadScreenRows(db, schoolId)).rows.length, 2)
})

t.test('a letter review re-screens in the same transaction', async (t) => {
  const { db, schoolId, userId, letterId } = await cohort(t)
  const before = (await loadScreenRows(db, schoolId)).rows.find((r) => r.upn === upn(1))!
  t.notOk(before.reasons.includes('LETTER_WORRY'))
  await reviewLetter(db, { schoolId, userId, ip: '127.0.0.1' }, letterId, { concern: 'high', worries: [], interests: [], note: null })
  t.equal(await screeningIsStale(db, schoolId), false, 'no second step needed')
  const after = (await loadScreenRows(db, schoolId)).rows.find((r) => r.upn === upn(1))!
  t.ok(after.reasons.includes('LETTER_WORRY'), 'the review is already in the results')
  t.equal(after.hidden, true)
})

t.test('if re-screening fails, the change it follows is not saved either', async (t) => {
  const { db, schoolId, userId, letterId, pupilId } = await cohort(t)
  const stop = followSchoolDataChanges(async () => {
    throw new Error('screening could not run')
  })
  t.teardown(stop)
  await t.rejects(reviewLetter(db, { schoolId, userId, ip: '127.0.0.1' }, letterId, { concern: 'high', worries: [], interests: [], note: null }), /screening could not run/)
  const letter = await db.selectFrom('letters').select('review_concern').where('id', '=', letterId).executeTakeFirstOrThrow()
  t.equal(letter.review_concern, null, 'the review rolled back with it')
  await t.rejects(addLetter(db, { schoolId, userId, ip: '127.0.0.1' }, pupilId, 'Another letter.', '2026-07-09'), /screening could not run/)
  t.equal((await db.selectFrom('letters').select('id').where('pupil_id', '=', pupilId).execute()).length, 1, 'no letter added')
  stop()
  t.equal(await screeningIsStale(db, schoolId), false, 'and the results still match the data')
})
