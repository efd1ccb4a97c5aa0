// An anonymous visitor writes nothing to the database: CSRF tokens for the sign-in and invitation
// forms need no stored session.
import t from 'tap'
import { Browser, buildTestApp, createSchool, createUser, signedIn, TEST_PASSWORD } from '../helper'

const sessionRows = async (app: Awaited<ReturnType<typeof buildTestApp>>) => (await app.db.selectFrom('sessions').select('sid').execute()).length

t.test('500 anonymous page views store no session and set no session cookie', async (t) => {
  const app = await buildTestApp(t)
  const before = await app.db.selectFrom('audit_log').select('id').execute()
  const pages = ['/login', '/login?next=/account', '/invitation/not-a-real-token', '/no-such-page', '/healthz']
  let sessionCookies = 0
  for (let i = 0; i < 500; i++) {
    const res = await app.inject({ method: 'GET', url: pages[i % pages.length]!, headers: { accept: 'text/html' } })
    if (String(res.headers['set-cookie'] ?? '').includes('lantern_session=')) sessionCookies++
  }
  t.equal(sessionCookies, 0, 'no session cookie')
  t.equal(await sessionRows(app), 0, 'no session rows')
  t.equal((await app.db.selectFrom('audit_log').select('id').execute()).length, before.length, 'no audit rows')
})

t.test('the sign-in form still carries a CSRF token that works only in the browser it was given to', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const mine = new Browser(app)
  const page = await mine.get('/login')
  t.match(page.body, /name="_csrf" value="[^"]+"/)
  const theirs = new Browser(app)
  await theirs.get('/login')
  // a token from another browser (another nonce) is refused
  const swapped = await mine.request({ method: 'POST', url: '/login', form: { _csrf: theirs.csrf!, email: 'lead@school.test', password: TEST_PASSWORD } })
  t.equal(swapped.statusCode, 403)
  t.match(swapped.body, 'This form has expired')
  const noCookie = await app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams({ _csrf: mine.csrf!, email: 'lead@school.test', password: TEST_PASSWORD }).toString() })
  t.equal(noCookie.statusCode, 403, 'a token without its cookie is refused')
  t.equal(await sessionRows(app), 0, 'refusals store nothing')
  const ok = await mine.post('/login', { email: 'lead@school.test', password: TEST_PASSWORD })
  t.equal(ok.statusCode, 303, 'the right token signs in')
  t.equal(await sessionRows(app), 1, 'the session is stored at sign-in')
})

t.test('a signed-in form token belongs to its session', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const one = await signedIn(app, 'lead@school.test')
  const two = await signedIn(app, 'lead@school.test')
  await one.get('/account')
  await two.get('/account')
  t.not(one.csrf, two.csrf)
  const crossed = await one.request({ method: 'POST', url: '/logout', form: { _csrf: two.csrf! } })
  t.equal(crossed.statusCode, 403, 'another session’s token is refused')
  t.equal((await one.get('/account')).statusCode, 200, 'still signed in')
  const own = await one.post('/logout')
  t.equal(own.statusCode, 303)
  t.equal((await one.get('/account')).statusCode, 303, 'signed out')
})
