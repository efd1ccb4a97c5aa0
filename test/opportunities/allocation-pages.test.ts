// The allocation page as staff use it: the lead runs it, staff offer or decline each proposal, slips
// print as a PDF and every step is audited; link workers and other schools see nothing.
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runImport } from '../../server/imports/service'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { fixture, TODAY } from '../imports/helpers'
import { loadPupils } from '../screening/cohort'

async function setUp(t: Parameters<typeof buildTestApp>[0] & { same(a: unknown, b: unknown): void }) {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Rowan Academy')
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@rowan.test' })
  await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'pastoral@rowan.test' })
  await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@camhs.test' })
  await loadPupils(app.db, school.id, null, [
    { n: 1, forename: 'Zoë', surname: 'Łukasiewicz', form: '7N', letter: { text: 'I love football', analysis: { concern: 'none', interests: [{ interest: 'football', text: 'playing football', start: 2, end: 15 }], worries: [], safeguarding: [] } as never } },
    { n: 2, forename: 'Sam', surname: 'Ng', form: '7N' }
  ])
  t.same((await runImport(app.db, { schoolId: school.id, userId: null, fileName: 'opportunities.csv', content: fixture('opportunities.csv'), kind: 'opportunities', today: TODAY })).errors, [])
  return { app, school }
}

t.test('the lead runs the allocation; staff offer and decline; slips print for offered places', async (t) => {
  const { app, school } = await setUp(t)
  const lead = await signedIn(app, 'lead@rowan.test')
  const empty = await lead.get(`/s/${school.urn}/opportunities/allocation`)
  t.equal(empty.statusCode, 200)
  t.match(empty.body, 'No proposals yet')
  t.match(empty.body, 'Pupils without an opportunity, and why')
  t.match(empty.body, 'A place is free for them: run the allocation again.')
  const run = await lead.post(`/s/${school.urn}/opportunities/allocation`)
  t.equal(run.statusCode, 303)
  const page = await lead.get(`/s/${school.urn}/opportunities/allocation`)
  t.match(page.body, 'Allocation done: 2 pupils have a proposal')
  t.notMatch(page.body, 'Pupils without an opportunity', 'everyone has one now')
  t.match(page.body, 'likes football (letter)')
  t.match(page.body, 'Łukasiewicz')
  const placements = await app.db.selectFrom('placements as p').innerJoin('pupils as u', 'u.id', 'p.pupil_id').select(['p.id', 'u.forename']).execute()
  const zoe = String(placements.find((p) => p.forename === 'Zoë')!.id)
  const sam = String(placements.find((p) => p.forename === 'Sam')!.id)
  t.match(page.body, `opportunities/placements/${zoe}"`)
  const ids = [zoe, sam]

  const pastoral = await signedIn(app, 'pastoral@rowan.test')
  await pastoral.get(`/s/${school.urn}/opportunities/allocation`)
  t.equal((await pastoral.post(`/s/${school.urn}/opportunities/allocation`)).statusCode, 403, 'only the lead runs it')
  t.equal((await pastoral.post(`/s/${school.urn}/opportunities/placements/${ids[0]}`, { action: 'offer' })).statusCode, 303, 'pastoral staff can offer')
  await pastoral.get(`/s/${school.urn}/opportunities/allocation`)
  const noReason = await pastoral.post(`/s/${school.urn}/opportunities/placements/${ids.at(-1)}`, { action: 'decline', reason: '' })
  t.equal(noReason.statusCode, 303)
  t.match((await pastoral.get(`/s/${school.urn}/opportunities/allocation`)).body, 'Say why', 'a decline needs a reason')
  await pastoral.post(`/s/${school.urn}/opportunities/placements/${ids.at(-1)}`, { action: 'decline', reason: 'Already in a club on that day' })

  const zoePupil = (await app.db.selectFrom('placements').select('pupil_id').where('id', '=', Number(zoe)).executeTakeFirstOrThrow()).pupil_id
  const profile = await lead.get(`/s/${school.urn}/pupils/${zoePupil}`)
  t.equal(profile.statusCode, 200)
  t.match(profile.body, 'id="opportunity"', 'the profile has an Opportunity section')
  t.match(profile.body, 'Offered')
  t.match(profile.body, 'likes football (letter)')
  const after = await lead.get(`/s/${school.urn}/opportunities/allocation`)
  t.match(after.body, 'Print the slips for 7N')
  // Handlebars writes '=' in an attribute as &#x3D;, which the browser reads back as '='
  const slipHref = /href="(\/s\/\d+\/opportunities\/slips\.pdf\?placement(?:=|&#x3D;)\d+)"/.exec(after.body)![1]!.replace('&#x3D;', '=')
  const slip = await lead.get(slipHref)
  t.equal(slip.statusCode, 200)
  t.match(slip.headers['content-type'], 'application/pdf')
  const dir = mkdtempSync(join(tmpdir(), 'lantern-slip-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 's.pdf'), slip.rawPayload)
  const text = execFileSync('pdftotext', [join(dir, 's.pdf'), '-']).toString().replace(/\s+/g, ' ')
  t.match(text, 'An invitation for Zoë Łukasiewicz (7N)')
  t.match(text, 'you wrote about playing football')
  t.notMatch(text, /intervention|thriving|getting|[A-Z]+_[A-Z_]+/)
  t.equal((await auditRows(app, 'invitation_slips_printed')).length, 1)
  t.equal((await auditRows(app, 'opportunities_allocated')).length, 1)
  const viewed = await auditRows(app, 'allocation_viewed')
  t.ok(viewed.length > 0 && (viewed.at(-1)!.detail as { pupil_ids: number[] }).pupil_ids.length === 2, 'each view of the page records the pupils it named')
  t.equal((await lead.get(`/s/${school.urn}/opportunities/slips.pdf?form=7X`)).statusCode, 404, 'nothing to print')
})

t.test('link workers and other schools’ staff cannot see or change allocations', async (t) => {
  const { app, school } = await setUp(t)
  const link = await signedIn(app, 'link@camhs.test')
  t.equal((await link.get(`/s/${school.urn}/opportunities/allocation`)).statusCode, 403)
  t.equal((await link.get(`/s/${school.urn}/opportunities/slips.pdf?form=7N`)).statusCode, 403)
  const other = await createSchool(app, 'Elsewhere')
  await createUser(app, [{ schoolId: other.id, role: 'lead' }], { email: 'lead@elsewhere.test' })
  const stranger = await signedIn(app, 'lead@elsewhere.test')
  t.equal((await stranger.get(`/s/${school.urn}/opportunities/allocation`)).statusCode, 404)
})

t.test('choose another from the page, and keep a register for a pupil taking part', async (t) => {
  const { app, school } = await setUp(t)
  const lead = await signedIn(app, 'lead@rowan.test')
  await lead.get(`/s/${school.urn}/opportunities/allocation`)
  await lead.post(`/s/${school.urn}/opportunities/allocation`)
  const page = await lead.get(`/s/${school.urn}/opportunities/allocation`)
  t.match(page.body, 'against', 'the result is shown beside first come, first served')
  const placements = await app.db.selectFrom('placements as p').innerJoin('pupils as u', 'u.id', 'p.pupil_id').select(['p.id', 'p.opportunity_id', 'u.forename']).execute()
  const sam = placements.find((p) => p.forename === 'Sam')!
  const other = await app.db.selectFrom('opportunities').select(['id', 'name']).where('id', '!=', sam.opportunity_id).orderBy('id').executeTakeFirstOrThrow()
  await lead.get(`/s/${school.urn}/opportunities/allocation`)
  t.equal((await lead.post(`/s/${school.urn}/opportunities/placements/${sam.id}/instead`, { opportunity: String(other.id), reason: '' })).statusCode, 303)
  t.match((await lead.get(`/s/${school.urn}/opportunities/allocation`)).body, 'Say why you chose another opportunity')
  await lead.post(`/s/${school.urn}/opportunities/placements/${sam.id}/instead`, { opportunity: String(other.id), reason: 'He asked for it' })
  const offered = await app.db.selectFrom('placements').selectAll().where('pupil_id', '=', (await app.db.selectFrom('pupils').select('id').where('forename', '=', 'Sam').executeTakeFirstOrThrow()).id).where('status', '=', 'offered').executeTakeFirstOrThrow()
  t.equal(offered.opportunity_id, other.id)

  await lead.get(`/s/${school.urn}/opportunities/allocation`)
  await lead.post(`/s/${school.urn}/opportunities/placements/${offered.id}`, { action: 'start' })
  const register = await lead.get(`/s/${school.urn}/opportunities/placements/${offered.id}/register`)
  t.equal(register.statusCode, 200)
  t.match(register.body, 'No sessions recorded yet')
  const bad = await lead.post(`/s/${school.urn}/opportunities/placements/${offered.id}/register`, { held_on: '15/09/2026' })
  t.equal(bad.statusCode, 422)
  t.match(bad.body, 'Enter the date of the session')
  t.match(bad.body, 'Say whether the pupil came')
  t.equal((await lead.post(`/s/${school.urn}/opportunities/placements/${offered.id}/register`, { held_on: '2026-09-15', present: 'yes' })).statusCode, 303)
  t.match((await lead.get(`/s/${school.urn}/opportunities/placements/${offered.id}/register`)).body, 'Came to 1 of 1 session')
  t.equal((await auditRows(app, 'placement_attendance')).length, 1)
  t.equal((await lead.get(`/s/${school.urn}/opportunities/placements/999999/register`)).statusCode, 404)
})

t.test('every allocation route: signed out goes to sign-in, link workers 403, other schools 404', async (t) => {
  const { app, school } = await setUp(t)
  const lead = await signedIn(app, 'lead@rowan.test')
  await lead.get(`/s/${school.urn}/opportunities/allocation`)
  await lead.post(`/s/${school.urn}/opportunities/allocation`)
  const placement = await app.db.selectFrom('placements').select('id').executeTakeFirstOrThrow()
  const base = `/s/${school.urn}/opportunities`
  const routes: Array<['GET' | 'POST', string]> = [
    ['GET', `${base}/allocation`], ['POST', `${base}/allocation`], ['POST', `${base}/placements/${placement.id}`],
    ['POST', `${base}/placements/${placement.id}/instead`], ['GET', `${base}/placements/${placement.id}/register`],
    ['POST', `${base}/placements/${placement.id}/register`], ['GET', `${base}/outcomes`], ['GET', `${base}/slips.pdf?placement=${placement.id}`]
  ]
  const link = await signedIn(app, 'link@camhs.test')
  const other = await createSchool(app, 'Elsewhere')
  await createUser(app, [{ schoolId: other.id, role: 'lead' }], { email: 'lead@elsewhere.test' })
  const stranger = await signedIn(app, 'lead@elsewhere.test')
  for (const [method, url] of routes) {
    const anonymous = await app.inject({ method, url, headers: { accept: 'text/html' } })
    t.ok(method === 'GET' ? anonymous.statusCode === 303 && String(anonymous.headers.location).startsWith('/login') : anonymous.statusCode === 403, `${method} ${url} signed out: ${anonymous.statusCode}`)
    await link.get('/account')
    t.equal((method === 'GET' ? await link.get(url) : await link.post(url, { action: 'offer' })).statusCode, 403, `${method} ${url} as a link worker`)
    await stranger.get('/account')
    t.equal((method === 'GET' ? await stranger.get(url) : await stranger.post(url, { action: 'offer' })).statusCode, 404, `${method} ${url} as another school's lead`)
  }
  await lead.get(`${base}/allocation`)
  const badAction = await lead.post(`${base}/placements/${placement.id}`, { action: 'teleport' })
  t.equal(badAction.statusCode, 303, 'an unknown action is explained, not a missing page')
  t.match((await lead.get(`${base}/allocation`)).body, 'Choose what to do')
})
