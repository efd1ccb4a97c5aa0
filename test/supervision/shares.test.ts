// The share log: what was shared, with whom and why; never rewritten; pages of it, newest first.
import t from 'tap'
import { listShares, loadShareLog, recordShare, SHARE_PURPOSES } from '../../server/supervision/shares'
import { setUp } from '../imports/helpers'

async function school(t: Parameters<typeof setUp>[0]) {
  const ctx = await setUp(t)
  const pupils = await ctx.db
    .insertInto('pupils')
    .values([
      { school_id: ctx.schoolId, upn: 'A801200000001', surname: 'Khan', forename: 'Ashley', preferred_forename: 'Ash', dob: '2015-01-01' },
      { school_id: ctx.schoolId, upn: 'A801200000002', surname: 'Okafor', forename: 'Amara', dob: '2015-02-01' }
    ])
    .returning('id')
    .execute()
  const share = { schoolId: ctx.schoolId, userId: ctx.userId, sharedWith: 'Priya Nair (CAMHS link worker)', what: 'Agenda for 3 Dec 2026 (viewed)', purpose: SHARE_PURPOSES.supervision }
  return { ...ctx, a: pupils[0]!.id, b: pupils[1]!.id, share }
}

t.test('a share is recorded with its pupils and which of them were named', async (t) => {
  const { db, schoolId, userId, a, b, share } = await school(t)
  const id = await recordShare(db, { ...share, pupilIds: [b, a, a], identifiedPupilIds: [a] })
  t.type(id, 'string')
  const row = await db.selectFrom('shares').selectAll().executeTakeFirstOrThrow()
  t.match(row, { school_id: schoolId, user_id: userId, shared_with: 'Priya Nair (CAMHS link worker)', what: 'Agenda for 3 Dec 2026 (viewed)', purpose: 'Seeking advice from the CAMHS link team at supervision (golden rules 3, 6 and 7)', meeting_id: null })
  t.same(row.pupil_ids, [a, b].sort((x, y) => x - y))
  t.same(row.identified_pupil_ids, [a])
  const log = await loadShareLog(db, schoolId, { limit: 10 })
  t.equal(log.rows.length, 1)
  t.match(log.rows[0], { id, by: 'Test Lead', sharedWith: share.sharedWith, identifiedPupilIds: [a] })
  t.same([...log.names], [[a, 'Ash Khan'], [b, 'Amara Okafor']].sort((x, y) => (x[0] as number) - (y[0] as number)))
})

t.test('refused: a named pupil not shared, another school’s pupil, a share that does not say what or why', async (t) => {
  const { db, schoolId, a, b, share } = await school(t)
  await t.rejects(recordShare(db, { ...share, pupilIds: [a], identifiedPupilIds: [b] }), /identified pupil must be one of the pupils shared/)
  await t.rejects(recordShare(db, { ...share, schoolId: schoolId + 1, pupilIds: [a], identifiedPupilIds: [] }), /not one of this school/)
  await t.rejects(recordShare(db, { ...share, what: ' ', pupilIds: [a], identifiedPupilIds: [] }), /say with whom, what and why/)
  t.equal((await db.selectFrom('shares').select('id').execute()).length, 0)
  t.type(await recordShare(db, { ...share, pupilIds: [], identifiedPupilIds: [] }), 'string', 'a share of no pupil (a meeting’s attendees) is allowed')
})

t.test('shares are never rewritten', async (t) => {
  const { db, a, share } = await school(t)
  await recordShare(db, { ...share, pupilIds: [a], identifiedPupilIds: [] })
  await t.rejects(db.updateTable('shares').set({ identified_pupil_ids: [a] }).execute(), /shares is append-only/)
})

t.test('pages of the log, newest first, each school its own', async (t) => {
  const { db, schoolId, a, share } = await school(t)
  for (let i = 0; i < 5; i++) await recordShare(db, { ...share, what: `View ${i}`, pupilIds: [a], identifiedPupilIds: [] })
  const first = await listShares(db, schoolId, { limit: 2 })
  t.same(first.rows.map((r) => r.what), ['View 4', 'View 3'])
  const second = await listShares(db, schoolId, { limit: 2, before: first.nextBefore })
  t.same(second.rows.map((r) => r.what), ['View 2', 'View 1'])
  const last = await listShares(db, schoolId, { limit: 2, before: second.nextBefore })
  t.same(last.rows.map((r) => r.what), ['View 0'])
  t.equal(last.nextBefore, null)
  t.same((await listShares(db, schoolId + 1, { limit: 10 })).rows, [])
  t.equal((await loadShareLog(db, schoolId + 1, { limit: 10 })).names.size, 0)
})
