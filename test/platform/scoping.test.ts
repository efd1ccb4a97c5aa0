// Cross-school denial: a user of school A asking for anything of school B gets 404, never data.
import t from 'tap'
import { buildTestApp, createSchool, createUser, signedIn } from '../helper'

t.test('every school route answers 404 for a school the user does not belong to', async (t) => {
  const app = await buildTestApp(t)
  const a = await createSchool(app, 'School A')
  const b = await createSchool(app, 'School B Secret Name')
  await createUser(app, [{ schoolId: a.id, role: 'lead', isDsl: true }], { email: 'lead@a.test' })
  await createUser(app, [{ schoolId: b.id, role: 'lead' }], { email: 'lead@b.test', name: 'B Person' })
  const browser = await signedIn(app, 'lead@a.test')

  // Every route registered under /s/:urn, whatever domain added it; other parameters get plausible values.
  t.ok(app.schoolRoutes.length >= 5, `${app.schoolRoutes.length} school routes`)
  for (const route of app.schoolRoutes) {
    await browser.get(`/s/${a.urn}`)
    const url = route.url.replace(':urn', b.urn).replace(/:[A-Za-z]+/g, '1')
    const res = route.method === 'GET' ? await browser.get(url) : await browser.request({ method: route.method as 'POST', url, form: { _csrf: browser.csrf ?? '' } })
    t.equal(res.statusCode, 404, `${route.method} ${route.url} for another school`)
    t.notMatch(res.body, 'School B Secret Name')
    t.notMatch(res.body, 'B Person')
  }
  for (const path of ['', '/staff', '/audit', '/audit?action=login']) {
    t.equal((await browser.get(`/s/${a.urn}${path}`)).statusCode, 200, `GET /s/A${path} works for its own lead`)
  }
  await browser.get(`/s/${a.urn}/staff`)
  const post = await browser.post(`/s/${b.urn}/staff`, { name: 'Mallory', email: 'm@evil.test', role: 'lead' })
  t.equal(post.statusCode, 404)
  const bLead = await app.db.selectFrom('users').select('id').where('email', '=', 'lead@b.test').executeTakeFirstOrThrow()
  await browser.get(`/s/${a.urn}/staff`)
  t.equal((await browser.post(`/s/${b.urn}/staff/${bLead.id}/deactivate`)).statusCode, 404)
  await browser.get(`/s/${a.urn}/staff`)
  t.equal((await browser.post(`/s/${a.urn}/staff/${bLead.id}/deactivate`)).statusCode, 404, "B's staff cannot be changed from A")
  const stillActive = await app.db.selectFrom('memberships').select('active').where('user_id', '=', bLead.id).executeTakeFirstOrThrow()
  t.equal(stillActive.active, true)
  t.equal((await app.db.selectFrom('users').select('id').where('email', '=', 'm@evil.test').execute()).length, 0)
})

t.test('signed-out visitors are sent to sign in, and API callers get 401', async (t) => {
  const app = await buildTestApp(t)
  const a = await createSchool(app)
  const page = await app.inject({ url: `/s/${a.urn}/staff`, headers: { accept: 'text/html' } })
  t.equal(page.statusCode, 303)
  t.equal(page.headers.location, `/login?next=${encodeURIComponent(`/s/${a.urn}/staff`)}`)
  const api = await app.inject({ url: `/s/${a.urn}/staff`, headers: { accept: 'application/json' } })
  t.equal(api.statusCode, 401)
})
