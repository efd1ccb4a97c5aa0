// An opportunity below its fewest places: the lead runs it anyway or cancels it this round (its
// proposals go, its pupils are allocated elsewhere next time), or thinks again; lead only, audited,
// refused with a reason when it cannot apply. And re-running the allocation does not churn proposals.
import t from 'tap'
import { allocateForSchool } from '../../server/opportunities/allocate'
import { changePlacement } from '../../server/opportunities/placements'
import { runImport } from '../../server/imports/service'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { loadPupils, TODAY } from '../screening/cohort'

const likesArt = { text: 'I love art', analysis: { concern: 'none', interests: [{ interest: 'art', text: 'art', start: 7, end: 10 }], worries: [], safeguarding: [] } as never }
const CATALOGUE = Buffer.from(
  'name,category,capacity,min_places,interests,schedule\n' +
  'Art studio,creative,10,5,art,Tuesday lunchtime\n' +
  'Board games,enrichment,10,0,,Wednesday lunchtime\n'
)

async function setUp(t: Parameters<typeof buildTestApp>[0] & { same(a: unknown, b: unknown): void }) {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Rowan Academy')
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@rowan.test', name: 'Dana Lead' })
  await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'pastoral@rowan.test' })
  await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@camhs.test' })
  await loadPupils(app.db, school.id, null, [
    { n: 1, forename: 'Ada', surname: 'Ames', letter: likesArt },
    { n: 2, forename: 'Bo', surname: 'Bell', letter: likesArt },
    { n: 3, forename: 'Cy', surname: 'Cole' }
  ])
  t.same((await runImport(app.db, { schoolId: school.id, userId: null, fileName: 'opportunities.csv', content: CATALOGUE, kind: 'opportunities', today: TODAY })).errors, [])
  const ids = new Map((await app.db.selectFrom('opportunities').select(['id', 'name']).where('school_id', '=', school.id).execute()).map((o) => [o.name, o.id]))
  const lead = await signedIn(app, 'lead@rowan.test')
  await lead.get(`/s/${school.urn}/opportunities/allocation`)
  await lead.post(`/s/${school.urn}/opportunities/allocation`)
  const art = ids.get('Art studio')!
  const board = ids.get('Board games')!
  const on = (opportunityId: number) => app.db.selectFrom('placements').select(['id', 'pupil_id', 'status']).where('opportunity_id', '=', opportunityId).where('status', 'in', ['proposed', 'offered', 'active']).orderBy('id').execute()
  return { app, school, lead, art, board, on, hold: (id: number) => `/s/${school.urn}/opportunities/allocation/${id}/hold` }
}

t.test('run it anyway: proposals stay, the decision is shown with who and when, and the command still lists it', async (t) => {
  const { app, school, lead, art, on, hold } = await setUp(t)
  t.equal((await on(art)).length, 2, 'the two pupils who like art are proposed Art studio')
  const page = await lead.get(`/s/${school.urn}/opportunities/allocation`)
  t.match(page.body, 'On hold: fewer than its minimum of 5')
  t.match(page.body, 'Run it anyway')
  t.match(page.body, 'Cancel this round')
  const pastoral = await signedIn(app, 'pastoral@rowan.test')
  const seen = await pastoral.get(`/s/${school.urn}/opportunities/allocation`)
  t.match(seen.body, 'On hold: fewer than its minimum of 5')
  t.notMatch(seen.body, 'Run it anyway', 'pastoral staff see the hold, not the decision buttons')
  t.equal((await pastoral.post(hold(art), { decision: 'run' })).statusCode, 403, 'only the lead decides')

  t.equal((await lead.post(hold(art), { decision: 'run' })).statusCode, 303)
  const after = await lead.get(`/s/${school.urn}/opportunities/allocation`)
  t.match(after.body, 'Art studio will run with fewer than its minimum')
  t.match(after.body, 'Running with fewer than its minimum of 5')
  t.match(after.body, 'Decided by Dana Lead')
  t.notMatch(after.body, 'On hold: fewer than its minimum')
  t.equal((await on(art)).length, 2, 'its proposals stay')
  const audit = await auditRows(app, 'opportunity_hold_run')
  t.equal(audit.length, 1)
  t.match(audit[0], { subject_type: 'opportunity', subject_id: String(art), detail: { places: 2, min_places: 5, removed_proposals: 0 } })

  t.equal((await lead.post(hold(art), { decision: 'cancel' })).statusCode, 303)
  t.match((await lead.get(`/s/${school.urn}/opportunities/allocation`)).body, 'already has a decision. Think again first')
  const summary = await allocateForSchool(app.db, school.id, { userId: null }, { dryRun: true })
  t.same(summary.on_hold, [{ opportunity: 'Art studio', places: 2, min_places: 5, decision: 'run' }], 'opportunities allocate still lists it, with the decision')
})

t.test('cancel this round: refused while a pupil holds an offer; then its proposals go and the next run places its pupils elsewhere', async (t) => {
  const { app, school, lead, art, board, on, hold } = await setUp(t)
  const [first] = await on(art)
  await lead.post(`/s/${school.urn}/opportunities/placements/${first!.id}`, { action: 'offer' })
  t.equal((await lead.post(hold(art), { decision: 'cancel' })).statusCode, 303)
  t.match((await lead.get(`/s/${school.urn}/opportunities/allocation`)).body, '1 pupil already has an offer or a place on Art studio, so it cannot be cancelled.')
  t.equal((await on(art)).length, 2, 'nothing removed')
  t.equal((await app.db.selectFrom('opportunity_hold_decisions').select('id').execute()).length, 0, 'nothing decided')
  t.equal((await auditRows(app, 'opportunity_hold_cancel')).length, 0)

  await lead.post(`/s/${school.urn}/opportunities/placements/${first!.id}`, { action: 'decline', reason: 'Art studio may not run' })
  t.equal((await lead.post(hold(art), { decision: 'cancel' })).statusCode, 303)
  const page = await lead.get(`/s/${school.urn}/opportunities/allocation`)
  t.match(page.body, 'Art studio is cancelled this round: 1 proposal removed')
  t.match(page.body, 'Cancelled this round')
  t.match(page.body, 'Its pupils are offered other opportunities when the allocation next runs.')
  t.equal((await on(art)).length, 0, 'its proposals are gone')
  const cancelled = (await auditRows(app, 'opportunity_hold_cancel'))[0]!
  t.match(cancelled.detail, { removed_proposals: 1, pupil_ids: [(await on(art)).length === 0 ? (await app.db.selectFrom('pupils').select('id').where('forename', '=', 'Bo').executeTakeFirstOrThrow()).id : 0] })
  t.notMatch(/<select[^>]*name="opportunity">[\s\S]*?<\/select>/.exec(page.body)?.[0] ?? '', 'Art studio', 'not offered under "choose another"')

  const summary = await allocateForSchool(app.db, school.id, { userId: null })
  t.same(summary.on_hold, [{ opportunity: 'Art studio', places: 0, min_places: 5, decision: 'cancel' }], 'still listed, as cancelled')
  t.equal((await on(art)).length, 0, 'the allocation offers nothing there')
  t.equal((await on(board)).length, 3, 'every pupil is proposed Board games instead (Ada declined Art, not Board games)')

  const [proposal] = await on(board)
  t.equal((await lead.post(`/s/${school.urn}/opportunities/placements/${proposal!.id}/instead`, { opportunity: String(art), reason: 'She asked' })).statusCode, 303)
  t.match((await lead.get(`/s/${school.urn}/opportunities/allocation`)).body, 'That opportunity is cancelled this round.')

  t.equal((await lead.post(hold(art), { decision: 'reopen' })).statusCode, 303)
  t.match((await lead.get(`/s/${school.urn}/opportunities/allocation`)).body, 'Art studio is open to the allocation again')
  t.equal((await auditRows(app, 'opportunity_hold_reopen')).length, 1)
  await allocateForSchool(app.db, school.id, { userId: null })
  t.ok((await on(art)).length > 0, 'the next run may propose it again')
})

t.test('a decision that cannot apply is refused with a reason and writes nothing', async (t) => {
  const { app, school, lead, art, board, hold } = await setUp(t)
  const flash = async () => (await lead.get(`/s/${school.urn}/opportunities/allocation`)).body
  await lead.post(hold(board), { decision: 'run' })
  t.match(await flash(), 'Board games has 1 of its fewest 0 places filled, so it is not on hold.')
  await lead.post(hold(art), { decision: 'reopen' })
  t.match(await flash(), 'Nothing has been decided about Art studio.')
  await lead.post(hold(art), { decision: 'maybe' })
  t.match(await flash(), 'Choose run it anyway or cancel this round')
  t.equal((await lead.post(hold(999999), { decision: 'run' })).statusCode, 404)
  await app.db.updateTable('opportunities').set({ archived_at: new Date() }).where('id', '=', art).execute()
  await lead.post(hold(art), { decision: 'run' })
  t.match(await flash(), 'Art studio is archived. Restore it first.')
  t.equal((await app.db.selectFrom('opportunity_hold_decisions').select('id').execute()).length, 0)
})

t.test('the hold route: signed out 403, link workers 403, another school’s lead 404, pastoral staff 403', async (t) => {
  const { app, art, hold } = await setUp(t)
  const anonymous = await app.inject({ method: 'POST', url: hold(art), headers: { accept: 'text/html' }, payload: { decision: 'run' } })
  t.equal(anonymous.statusCode, 403, 'signed out (no CSRF token, no session)')
  const link = await signedIn(app, 'link@camhs.test')
  await link.get('/account')
  t.equal((await link.post(hold(art), { decision: 'run' })).statusCode, 403)
  const other = await createSchool(app, 'Elsewhere')
  await createUser(app, [{ schoolId: other.id, role: 'lead' }], { email: 'lead@elsewhere.test' })
  const stranger = await signedIn(app, 'lead@elsewhere.test')
  await stranger.get('/account')
  t.equal((await stranger.post(hold(art), { decision: 'run' })).statusCode, 404)
  t.equal((await stranger.post(`/s/${other.urn}/opportunities/allocation/${art}/hold`, { decision: 'run' })).statusCode, 404, 'nor through their own school')
  const pastoral = await signedIn(app, 'pastoral@rowan.test')
  await pastoral.get('/account')
  t.equal((await pastoral.post(hold(art), { decision: 'run' })).statusCode, 403)
  t.equal((await app.db.selectFrom('opportunity_hold_decisions').select('id').execute()).length, 0, 'none of them decided anything')
})

t.test('running the allocation again keeps the same proposals (the same rows) and never overturns a confirmed offer or place', async (t) => {
  const { app, school, art, board, on } = await setUp(t)
  const before = await app.db.selectFrom('placements').select(['id', 'pupil_id', 'opportunity_id', 'status', 'created_at']).orderBy('id').execute()
  await allocateForSchool(app.db, school.id, { userId: null })
  t.same(await app.db.selectFrom('placements').select(['id', 'pupil_id', 'opportunity_id', 'status', 'created_at']).orderBy('id').execute(), before, 'nothing changed, nothing churned')
  t.match((await auditRows(app, 'opportunities_allocated')).at(-1)!.detail, { proposals_kept: 3, proposals_removed: 0 })

  const [ada, bo] = await on(art)
  const by = { schoolId: school.id, userId: null }
  await changePlacement(app.db, by, ada!.id, 'offer', null)
  await changePlacement(app.db, by, bo!.id, 'offer', null)
  await changePlacement(app.db, by, bo!.id, 'start', null)
  // the catalogue changes so that Board games would now suit everyone better
  await app.db.updateTable('opportunities').set({ interests: ['art'], category: 'creative' }).where('id', '=', board).execute()
  await app.db.updateTable('opportunities').set({ interests: [] }).where('id', '=', art).execute()
  await allocateForSchool(app.db, school.id, { userId: null })
  const art2 = (await on(art)).filter((p) => p.status !== 'proposed')
  t.same(art2.map((p) => [p.id, p.status]), [[ada!.id, 'offered'], [bo!.id, 'active']], 'the offer and the place staff confirmed stand')
})
