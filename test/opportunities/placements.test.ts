// A place on an opportunity through its life: proposed → offered → active → ended, or declined; every
// move kept and audited, moves a status does not allow refused, and the screen names the current offer.
import t from 'tap'
import { runImport } from '../../server/imports/service'
import { changePlacement, chooseInstead, markAttendance } from '../../server/opportunities/placements'
import * as store from '../../server/opportunities/placement-store'
import { allocateForSchool } from '../../server/opportunities/allocate'
import { loadScreenRows } from '../../server/screening/screen-rows'
import { fixture, setUp, TODAY } from '../imports/helpers'
import { loadPupils, upn } from '../screening/cohort'

async function school(t: { teardown(fn: () => unknown): void; same(a: unknown, b: unknown): void }) {
  const ctx = await setUp(t)
  await loadPupils(ctx.db, ctx.schoolId, ctx.userId, [{ n: 1 }, { n: 2 }])
  const imported = await runImport(ctx.db, { schoolId: ctx.schoolId, userId: ctx.userId, fileName: 'opportunities.csv', content: fixture('opportunities.csv'), kind: 'opportunities', today: TODAY })
  t.same(imported.errors, [])
  const pupils = await ctx.db.selectFrom('pupils').select(['id', 'upn']).orderBy('upn').execute()
  const opportunities = await ctx.db.selectFrom('opportunities').select(['id', 'name']).orderBy('id').execute()
  const pupil = pupils.find((p) => p.upn === upn(1))!.id
  const by = { schoolId: ctx.schoolId, userId: ctx.userId, ip: '127.0.0.1' }
  const propose = async (opportunityId: number, pupilId = pupil) =>
    (await store.insertPlacement(ctx.db, ctx.schoolId, { pupilId, opportunityId, status: 'proposed', fit: 5, explanation: 'likes football (letter)', userId: null })).id
  return { ...ctx, pupil, opportunities, by, propose }
}

t.test('proposed → offered → active → ended, each move kept and audited', async (t) => {
  const { db, schoolId, by, propose, opportunities, pupil } = await school(t)
  const id = await propose(opportunities[0]!.id)
  t.equal(await changePlacement(db, by, id, 'offer', null), pupil)
  await changePlacement(db, by, id, 'start', null)
  await markAttendance(db, by, id, '2026-09-09', true)
  await markAttendance(db, by, id, '2026-09-16', false)
  await markAttendance(db, by, id, '2026-09-16', true) // corrected
  await changePlacement(db, by, id, 'end', null)
  t.same((await store.placementEvents(db, schoolId, id)).map((e) => e.status), ['offered', 'active', 'ended'])
  t.same((await store.attendanceOf(db, schoolId, id)).map((a) => [a.held_on, a.present]), [['2026-09-09', true], ['2026-09-16', true]])
  const audit = await db.selectFrom('audit_log').select('action').where('action', 'like', 'placement_%').orderBy('id').execute()
  t.same(audit.map((a) => a.action), ['placement_offered', 'placement_active', 'placement_attendance', 'placement_attendance', 'placement_attendance', 'placement_ended'])
})

t.test('a move the status does not allow is refused and changes nothing', async (t) => {
  const { db, schoolId, by, propose, opportunities } = await school(t)
  const id = await propose(opportunities[0]!.id)
  await t.rejects(changePlacement(db, by, id, 'start', null), /cannot be active now/)
  await t.rejects(changePlacement(db, by, id, 'end', null), /cannot be ended now/)
  await t.rejects(markAttendance(db, by, id, '2026-09-09', true), /once the pupil is taking part/)
  await t.rejects(changePlacement(db, by, id, 'decline', '  '), /Say why/)
  t.equal((await store.findPlacement(db, schoolId, id))!.status, 'proposed')
  await changePlacement(db, by, id, 'decline', 'Plays for a club on Tuesdays')
  const declined = await store.findPlacement(db, schoolId, id)
  t.equal(declined!.status, 'declined')
  t.equal(declined!.reason, 'Plays for a club on Tuesdays')
  await t.rejects(changePlacement(db, by, id, 'offer', null), /cannot be offered now/)
  await t.rejects(changePlacement(db, { ...by, schoolId: schoolId + 999 }, id, 'offer', null), /does not exist/, 'another school cannot reach it')
})

t.test('choosing another opportunity declines the proposal and offers the chosen one, in one step', async (t) => {
  const { db, schoolId, by, propose, opportunities, pupil } = await school(t)
  const id = await propose(opportunities[0]!.id)
  await chooseInstead(db, by, id, opportunities[2]!.id, 'She asked for art')
  const mine = await store.listPlacementsOfPupil(db, schoolId, pupil)
  t.same(mine.map((p) => [p.opportunity_name, p.status]), [[opportunities[2]!.name, 'offered'], [opportunities[0]!.name, 'declined']])
  await t.rejects(chooseInstead(db, by, id, opportunities[1]!.id, 'again'), /Only a proposal/)
})

t.test('the screen names each pupil’s current offer or placement', async (t) => {
  const { db, schoolId, by, propose, opportunities } = await school(t)
  const pupils = await db.selectFrom('pupils').select(['id', 'upn']).execute()
  const other = pupils.find((p) => p.upn === upn(2))!.id
  const first = await propose(opportunities[0]!.id)
  await propose(opportunities[1]!.id, other)
  await changePlacement(db, by, first, 'offer', null)
  const { rows } = await loadScreenRows(db, schoolId, await store.currentOpportunityByPupil(db, schoolId))
  t.equal(rows.find((r) => r.upn === upn(1))!.opportunity, opportunities[0]!.name)
  t.equal(rows.find((r) => r.upn === upn(2))!.opportunity, opportunities[1]!.name, 'a proposal is named too')
})

t.test('an opportunity declined for a pupil is never proposed to them again', async (t) => {
  const { db, schoolId, by, pupil } = await school(t)
  await allocateForSchool(db, schoolId, { userId: by.userId })
  const first = (await store.listLivePlacements(db, schoolId)).find((p) => p.pupil_id === pupil)!
  await changePlacement(db, by, first.id, 'decline', 'Plays for a club at that time')
  await allocateForSchool(db, schoolId, { userId: by.userId })
  const again = (await store.listLivePlacements(db, schoolId)).filter((p) => p.pupil_id === pupil)
  t.ok(again.every((p) => p.opportunity_id !== first.opportunity_id), 'the re-run proposes something else, or nothing')
  t.equal((await store.findPlacement(db, schoolId, first.id))!.status, 'declined', 'the decline stands')
})
