import t from 'tap'
import { Browser, auditRows, authenticatorCode, buildTestApp, createSchool, createUser, signedIn, TEST_PASSWORD } from '../helper'

t.test('sign in with the right password: a new session, a redirect home, an audit row', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const user = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = new Browser(app)
  await browser.get('/login')
  const before = browser.cookies.get('lantern_session')
  const res = await browser.post('/login', { email: 'Lead@School.test ', password: TEST_PASSWORD })
  t.equal(res.statusCode, 303)
  t.equal(res.headers.location, '/login/code', 'a lead gives the code from their authenticator app next')
  const halfway = browser.cookies.get('lantern_session')
  t.not(halfway, before, 'session id rotated at sign-in')
  const cookie = (res.headers['set-cookie'] as string[] | string).toString()
  t.match(cookie, /HttpOnly/i)
  t.match(cookie, /SameSite=Lax/i)
  const done = await browser.secondStep('lead@school.test')
  t.equal(done.statusCode, 303)
  t.equal(done.headers.location, '/')
  t.not(browser.cookies.get('lantern_session'), halfway, 'and rotated again at the second step')
  const home = await browser.get('/')
  t.equal(home.headers.location, `/s/${school.urn}`, 'one school: straight to it')
  const page = await browser.get(`/s/${school.urn}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, school.name)
  const logins = await auditRows(app, 'login')
  t.equal(logins.length, 1)
  t.equal(logins[0]!.user_id, user.id)
  t.ok(logins[0]!.ip)
})

t.test('a wrong password is refused, says nothing about which part was wrong, and is audited', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = new Browser(app)
  await browser.get('/login')
  const wrong = await browser.post('/login', { email: 'lead@school.test', password: 'not the password' })
  t.equal(wrong.statusCode, 401)
  t.match(wrong.body, 'The email address or password is not right.')
  const nobody = await browser.post('/login', { email: 'nobody@school.test', password: 'whatever' })
  t.equal(nobody.statusCode, 401)
  t.match(nobody.body, 'The email address or password is not right.')
  t.equal((await auditRows(app, 'login_failed')).length, 2)
  const blank = await browser.post('/login', { email: '', password: '' })
  t.equal(blank.statusCode, 422)
  t.match(blank.body, 'Enter your email address')
  t.match(blank.body, 'href="#password"')
  t.equal((await browser.get('/account')).statusCode, 303, 'still signed out')
})

t.test('sign-in is rate limited per account, even with the right password afterwards', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = new Browser(app)
  await browser.get('/login')
  for (let i = 0; i < 5; i++) t.equal((await browser.post('/login', { email: 'lead@school.test', password: `guess ${i}` })).statusCode, 401)
  const locked = await browser.post('/login', { email: 'lead@school.test', password: TEST_PASSWORD })
  t.equal(locked.statusCode, 429)
  t.match(locked.body, 'Too many failed attempts to sign in to this account')
  // another account from another address is unaffected
  await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'other@school.test' })
  const other = new Browser(app)
  await other.get('/login')
  const ok = await other.request({ method: 'POST', url: '/login', form: { _csrf: other.csrf!, email: 'other@school.test', password: TEST_PASSWORD }, remoteAddress: '10.0.0.9' })
  t.equal(ok.statusCode, 303)
})

t.test('sign-in is rate limited per address across accounts, at a much higher limit', async (t) => {
  const app = await buildTestApp(t, { loginLimits: { windowMinutes: 15, perAccountAddress: 5, perAccount: 50, perAddress: 20 } })
  const browser = new Browser(app)
  await browser.get('/login')
  for (let i = 0; i < 20; i++) t.equal((await browser.post('/login', { email: `someone${i}@school.test`, password: 'x' })).statusCode, 401)
  const res = await browser.post('/login', { email: 'fresh@school.test', password: 'x' })
  t.equal(res.statusCode, 429)
  t.match(res.body, 'from this network')
})

t.test('a whole school behind one address is not locked out by its staff mistyping', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const staff = 30
  for (let i = 0; i < staff; i++) await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: `staff${i}@school.test` })
  const browsers = await Promise.all(
    Array.from({ length: staff }, async () => {
      const b = new Browser(app)
      await b.get('/login')
      return b
    })
  )
  for (let i = 0; i < staff; i++) {
    for (let k = 0; k < 2; k++) t.equal((await browsers[i]!.post('/login', { email: `staff${i}@school.test`, password: `typo ${k}` })).statusCode, 401)
  }
  let signedInCount = 0
  for (let i = 0; i < staff; i++) if ((await browsers[i]!.post('/login', { email: `staff${i}@school.test`, password: TEST_PASSWORD })).statusCode === 303) signedInCount++
  t.equal(signedInCount, staff, `${staff * 2} mistakes from one address; everyone still signs in`)
})

t.test('parallel guesses cannot slip under the limit: at most 5 passwords are ever checked', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@school.test' })
  const browser = new Browser(app)
  await browser.get('/login')
  const guesses = await Promise.all(Array.from({ length: 100 }, (_, i) => browser.post('/login', { email: 'lead@school.test', password: `guess ${i}` })))
  const statuses = guesses.map((g) => g.statusCode)
  t.equal(statuses.filter((s) => s === 401).length, 5, 'five checked and wrong')
  t.equal(statuses.filter((s) => s === 429).length, 95, 'the rest refused unchecked')
  const checked = await app.db.selectFrom('login_attempts').selectAll().where('email', '=', 'lead@school.test').execute()
  t.equal(checked.length, 5, 'five attempts recorded as checked')
  t.ok(checked.every((a) => a.outcome === 'failed'))
  const right = await browser.post('/login', { email: 'lead@school.test', password: TEST_PASSWORD })
  t.equal(right.statusCode, 429, 'the right password is refused too while the account is throttled')
  t.equal((await browser.get('/account')).statusCode, 303, 'not signed in')
})

t.test('guessing one account from many addresses stops at the per-account limit', async (t) => {
  const app = await buildTestApp(t, { loginLimits: { windowMinutes: 15, perAccountAddress: 5, perAccount: 8, perAddress: 300 } })
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = new Browser(app)
  await browser.get('/login')
  const post = (n: number, password: string) =>
    browser.request({ method: 'POST', url: '/login', remoteAddress: `10.1.0.${n}`, form: { _csrf: browser.csrf!, email: 'lead@school.test', password } })
  for (let n = 0; n < 8; n++) t.equal((await post(n, 'wrong')).statusCode, 401)
  t.equal((await post(99, TEST_PASSWORD)).statusCode, 429, 'the ninth address is refused')
})

t.test('a form without the CSRF token is refused and changes nothing', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = new Browser(app)
  await browser.get('/login')
  const res = await browser.request({ method: 'POST', url: '/login', form: { email: 'lead@school.test', password: TEST_PASSWORD } })
  t.equal(res.statusCode, 403)
  t.match(res.body, 'This form has expired')
  const forged = await browser.request({ method: 'POST', url: '/login', form: { _csrf: 'forged', email: 'lead@school.test', password: TEST_PASSWORD } })
  t.equal(forged.statusCode, 403)
  t.equal((await auditRows(app, 'login')).length, 0)
  // signed in, a state change without the token is refused too
  const lead = await signedIn(app, 'lead@school.test')
  const invite = await lead.request({ method: 'POST', url: `/s/${school.urn}/staff`, form: { name: 'X', email: 'x@school.test', role: 'pastoral' } })
  t.equal(invite.statusCode, 403)
  t.equal((await auditRows(app, 'staff_invited')).length, 0)
})

t.test('sessions end after the idle time, and on sign-out', async (t) => {
  const app = await buildTestApp(t, { sessionIdleMinutes: 30 })
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = await signedIn(app, 'lead@school.test')
  t.equal((await browser.get('/account')).statusCode, 200)
  // 31 minutes without a request
  const rows = await app.db.selectFrom('sessions').select(['sid', 'data']).execute()
  for (const row of rows) {
    const data = { ...(row.data as Record<string, unknown>), seenAt: Date.now() - 31 * 60_000 }
    await app.db.updateTable('sessions').set({ data: JSON.stringify(data) }).where('sid', '=', row.sid).execute()
  }
  const expired = await browser.get('/account')
  t.equal(expired.statusCode, 303)
  t.match(expired.headers.location, /^\/login\?next=/)

  const again = await signedIn(app, 'lead@school.test')
  await again.get('/account')
  const out = await again.post('/logout')
  t.equal(out.headers.location, '/login?signed_out=1')
  t.equal((await again.get('/account')).statusCode, 303)
  t.equal((await auditRows(app, 'logout')).length, 1)
})

t.test('a redirect after sign-in stays on this site', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = new Browser(app)
  await browser.get('/login')
  const res = await browser.post('/login', { email: 'lead@school.test', password: TEST_PASSWORD, next: '//evil.example/' })
  t.equal(res.headers.location, '/login/code')
  t.equal((await browser.secondStep('lead@school.test', res.headers.location)).headers.location, '/')
  const b2 = new Browser(app)
  await b2.get('/login')
  const half = await b2.post('/login', { email: 'lead@school.test', password: TEST_PASSWORD, next: '/account' })
  t.equal(half.headers.location, '/login/code?next=%2Faccount', 'where they were going is kept through the second step')
  t.equal((await b2.secondStep('lead@school.test', half.headers.location)).headers.location, '/account')
  // the second step checks it again: a target written into its form is held to the same rule
  const b3 = new Browser(app)
  await b3.get('/login')
  await b3.post('/login', { email: 'lead@school.test', password: TEST_PASSWORD })
  await b3.get('/login/code')
  const user = await app.db.selectFrom('users').select('id').where('email', '=', 'lead@school.test').executeTakeFirstOrThrow()
  t.equal((await b3.post('/login/code', { code: await authenticatorCode(app, user.id), next: '//evil.example/' })).headers.location, '/')
})

t.test('behind a proxy, the address recorded is the one the proxy saw, not what the client wrote', async (t) => {
  for (const [trustProxy, remote, expected] of [
    [1, '127.0.0.1', '203.0.113.7'],
    [['127.0.0.1'], '127.0.0.1', '203.0.113.7'],
    [['10.9.9.9'], '127.0.0.1', '127.0.0.1'],
    [false, '127.0.0.1', '127.0.0.1']
  ] as const) {
    const app = await buildTestApp(t, { trustProxy: trustProxy as false | number | string[] }) // each closes before its database is dropped
    const browser = new Browser(app)
    await browser.get('/login')
    await browser.request({
      method: 'POST',
      url: '/login',
      remoteAddress: remote,
      headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' },
      form: { _csrf: browser.csrf!, email: 'nobody@school.test', password: 'x' }
    })
    const rows = await auditRows(app, 'login_failed')
    t.equal(rows.at(-1)?.ip, expected, `trustProxy ${JSON.stringify(trustProxy)}`)
  }
})
