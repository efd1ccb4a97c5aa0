import t from 'tap'
import { buildTestApp, createSchool, createUser, signedIn } from '../helper'

t.test('security headers: a CSP with no inline script, no framing, no sniffing', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ url: '/login' })
  const csp = String(res.headers['content-security-policy'])
  t.match(csp, "script-src 'self'")
  t.notMatch(csp, 'unsafe-inline')
  t.match(csp, "frame-ancestors 'none'")
  t.equal(res.headers['x-content-type-options'], 'nosniff')
  t.notMatch(res.body, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in the page')
})

t.test('404 and 500 pages say what happened and offer a way back', async (t) => {
  const app = await buildTestApp(t)
  app.get('/explode', async () => {
    throw new Error('secret internals: password=hunter2')
  })
  const missing = await app.inject({ url: '/no/such/page', headers: { accept: 'text/html' } })
  t.equal(missing.statusCode, 404)
  t.match(missing.body, 'Page not found')
  t.match(missing.body, 'href="/login"')
  const json = await app.inject({ url: '/no/such/page', headers: { accept: 'application/json' } })
  t.same(json.json().error, 'Page not found')
  const boom = await app.inject({ url: '/explode', headers: { accept: 'text/html' } })
  t.equal(boom.statusCode, 500)
  t.match(boom.body, 'Sorry, something went wrong')
  t.notMatch(boom.body, 'hunter2')
})

t.test('request size is limited', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: `email=${'a'.repeat(2 * 1024 * 1024)}` })
  t.equal(res.statusCode, 413)
})

t.test('stylesheet, script and logo are served; pages link them', async (t) => {
  const app = await buildTestApp(t)
  for (const url of ['/public/build/lantern.css', '/public/js/lantern.js', '/public/img/lantern.svg', '/assets/govuk/govuk-frontend.min.js']) {
    t.equal((await app.inject({ url })).statusCode, 200, url)
  }
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'p@s.test' })
  const b = await signedIn(app, 'p@s.test')
  const home = await b.get(`/s/${school.urn}`)
  t.match(home.body, 'class="govuk-skip-link"')
  t.match(home.body, '<main class="govuk-main-wrapper" id="main-content"')
  t.notMatch(home.body, 'GDS Transport')
})
