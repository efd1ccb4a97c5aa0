// The second factor: enrolment at first sign-in, codes throttled and never usable twice, recovery
// codes spent once, a half-signed-in session that reaches nothing, and a lead's reset.
import t from 'tap'
import { generate } from 'otplib'
import { sql } from 'kysely'
import { verifySecondFactor } from '../../server/accounts/second-factor'
import { usersWithSecondFactor } from '../../server/accounts/second-factor-store'
import { Browser, auditRows, authenticatorCode, buildTestApp, createSchool, createUser, signedIn, TEST_PASSWORD, TEST_TOTP_SECRET } from '../helper'

type App = Awaited<ReturnType<typeof buildTestApp>>

/** A 6-digit code the secret does not make now, nor one step either side. */
async function wrongCode(secret = TEST_TOTP_SECRET) {
  const now = Date.now() / 1000
  const near = await Promise.all([-60, -30, 0, 30, 60].map((d) => generate({ secret, epoch: now + d })))
  for (let n = 0; ; n++) {
    const code = String(123456 + n * 7919).slice(-6)
    if (!near.includes(code)) return code
  }
}

async function halfSignedIn(app: App, email: string) {
  const browser = new Browser(app)
  await browser.get('/login')
  const res = await browser.post('/login', { email, password: TEST_PASSWORD })
  return { browser, res }
}

t.test('first sign-in of a lead: the key as text and QR code, confirmed with a code, then recovery codes shown once', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Enrol Academy')
  const user = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'new@enrol.test', secondFactor: false })
  const { browser, res } = await halfSignedIn(app, 'new@enrol.test')
  t.equal(res.headers.location, '/login/enrol', 'no second factor yet: set one up')
  t.equal((await browser.get('/login/code')).headers.location, '/login/enrol')

  const page = await browser.get('/login/enrol')
  t.equal(page.statusCode, 200)
  t.equal(page.headers['cache-control'], 'no-store', 'the key is not kept by the browser or a proxy')
  const key = /id="secret">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, '')
  t.ok(key.length >= 32, 'a key of 160 bits')
  // (the page escapes base64's "=" padding as &#x3D;, which the browser reads back as "=")
  t.match(page.body, /<img class="lantern-qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/]+(&#x3D;)*"/, 'the QR code is an image inline in the page')
  t.match(String(page.headers['content-security-policy']), /img-src 'self' data:/, 'which the CSP allows')
  const svg = Buffer.from(/data:image\/svg\+xml;base64,([A-Za-z0-9+/]+)/.exec(page.body)![1]!, 'base64').toString()
  t.match(svg, /^<svg[^>]*>/)
  t.notMatch(svg, /<script/i)
  t.match(page.body.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'), `otpauth://totp/Lantern:new%40enrol.test?secret=${key}&issuer=Lantern`)
  t.match((await browser.get('/login/enrol')).body, key, 'the same key until it is confirmed')

  const wrong = await browser.post('/login/enrol', { code: await wrongCode(key) })
  t.equal(wrong.statusCode, 401)
  t.match(wrong.body, 'That code is not right')
  t.equal((await browser.post('/login/enrol', { code: 'abc' })).statusCode, 422)
  t.notOk(await app.db.selectFrom('second_factors').selectAll().where('user_id', '=', user.id).executeTakeFirst(), 'not on until a right code')

  const done = await browser.post('/login/enrol', { code: await generate({ secret: key }) })
  t.equal(done.statusCode, 200)
  t.equal(done.headers['cache-control'], 'no-store')
  const codes = [...done.body.matchAll(/<li><code class="lantern-code">([a-z2-7-]+)<\/code><\/li>/g)].map((m) => m[1]!)
  t.equal(codes.length, 10, 'ten recovery codes')
  t.equal(new Set(codes).size, 10)
  t.ok(codes.every((c) => /^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/.test(c)))
  const stored = await app.db.selectFrom('second_factors').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow()
  t.notMatch(stored.secret_sealed, key, 'the key is stored encrypted')
  t.equal(app.secondFactorBox.open(stored.secret_sealed), key)
  const hashes = await app.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute()
  t.equal(hashes.length, 10)
  t.ok(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.code_hash) && !codes.some((c) => h.code_hash.includes(c.replace(/-/g, '')))), 'stored hashed')
  t.same((await auditRows(app, 'second_factor_enrolled')).map((r) => r.user_id), [user.id])
  t.equal((await browser.get(`/s/${school.urn}`)).statusCode, 200, 'signed in')
  t.equal((await browser.get('/login/enrol')).headers.location, '/', 'enrolment is over')
  const account = await browser.get('/account')
  t.match(account.body, 'You have 10 unused recovery codes')
  t.notMatch(account.body, codes[0]!, 'never shown again')

  // next time: the code, not enrolment
  const again = await halfSignedIn(app, 'new@enrol.test')
  t.equal(again.res.headers.location, '/login/code')
  t.equal((await again.browser.get('/login/enrol')).headers.location, '/login/code')
  t.equal((await again.browser.secondStep('new@enrol.test')).headers.location, '/')
})

t.test('a wrong code is refused and counted; the count stops guessing, however many arrive at once', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const user = await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@school.test' })
  const { browser, res } = await halfSignedIn(app, 'link@school.test')
  t.equal(res.headers.location, '/login/code')
  await browser.get('/login/code')
  const wrong = await browser.post('/login/code', { code: await wrongCode() })
  t.equal(wrong.statusCode, 401)
  t.match(wrong.body, 'That code is not right')
  t.match(wrong.body, 'govuk-error-summary')
  t.equal((await browser.post('/login/code', { code: 'not a code' })).statusCode, 422, 'a typing slip is not a guess')
  const failed = await auditRows(app, 'second_factor_failed')
  t.equal(failed.length, 1)
  t.match(failed[0], { user_id: user.id, detail: { reason: 'invalid', method: 'code' } })
  const attempts = await app.db.selectFrom('login_attempts').selectAll().where('email', '=', `second-factor:${user.id}`).execute()
  t.same(attempts.map((a) => a.outcome), ['failed'])

  // 20 guesses at once from one address: at most the limit (5 in 15 minutes) are checked
  const guesses = await Promise.all(Array.from({ length: 20 }, async () => browser.post('/login/code', { code: await wrongCode() })))
  t.equal(guesses.filter((g) => g.statusCode === 401).length, 4, 'four more checked')
  t.equal(guesses.filter((g) => g.statusCode === 429).length, 16, 'the rest refused unchecked')
  t.match(guesses.find((g) => g.statusCode === 429)!.body, 'Too many wrong codes')
  const right = await browser.post('/login/code', { code: await authenticatorCode(app, user.id) })
  t.equal(right.statusCode, 429, 'even the right code waits')
  t.equal((await browser.get('/supervision')).statusCode, 303, 'still not signed in')
  t.ok((await auditRows(app, 'second_factor_failed')).some((r) => (r.detail as { reason?: string }).reason === 'throttled_account'))
})

t.test('a code cannot be used twice, even by two sign-ins at once', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const user = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const first = await halfSignedIn(app, 'lead@school.test')
  const second = await halfSignedIn(app, 'lead@school.test')
  await first.browser.get('/login/code')
  await second.browser.get('/login/code')
  const code = await authenticatorCode(app, user.id)
  const [a, b] = await Promise.all([first.browser.post('/login/code', { code }), second.browser.post('/login/code', { code })])
  t.same([a.statusCode, b.statusCode].sort(), [303, 401], 'one of them gets in')
  const refused = a.statusCode === 401 ? a : b
  t.match(refused.body, 'already been used')
  t.ok((await auditRows(app, 'second_factor_failed')).some((r) => (r.detail as { reason?: string }).reason === 'replayed'))
  const stored = await app.db.selectFrom('second_factors').select('last_time_step').where('user_id', '=', user.id).executeTakeFirstOrThrow()
  t.ok(stored.last_time_step! >= Math.floor(Date.now() / 30_000) - 1, 'the step used is remembered')
  // and later, the same code again
  const third = await halfSignedIn(app, 'lead@school.test')
  await third.browser.get('/login/code')
  t.equal((await third.browser.post('/login/code', { code })).statusCode, 401)
})

t.test('a recovery code signs in once in place of a code; new codes replace the old', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }], { email: 'dsl@school.test', secondFactor: false })
  const first = await halfSignedIn(app, 'dsl@school.test')
  t.equal(first.res.headers.location, '/login/enrol', 'a DSL needs a second factor')
  const { codes } = await first.browser.enrol()
  t.equal(codes.length, 10)

  const lost = await halfSignedIn(app, 'dsl@school.test')
  await lost.browser.get('/login/code')
  const used = await lost.browser.post('/login/code', { code: ` ${codes[3]!.toUpperCase().replace(/-/g, ' ')} ` })
  t.equal(used.statusCode, 303, 'typed in capitals with spaces, it still works')
  const home = await lost.browser.get((await lost.browser.get('/')).headers.location as string)
  t.match(home.body, 'You used a recovery code: it will not work again. You have 9 left')
  t.match((await auditRows(app, 'recovery_code_used'))[0], { detail: { left: 9 } })
  t.match((await auditRows(app, 'second_factor_verified')).at(-1), { detail: { method: 'recovery_code' } })

  const again = await halfSignedIn(app, 'dsl@school.test')
  await again.browser.get('/login/code')
  const spent = await again.browser.post('/login/code', { code: codes[3]! })
  t.equal(spent.statusCode, 401, 'spent')
  t.match((await auditRows(app, 'second_factor_failed')).at(-1), { detail: { reason: 'invalid', method: 'recovery_code' } })

  // from the account page: ten new codes, and the old ones stop working
  await lost.browser.get('/account')
  const fresh = await lost.browser.post('/account/recovery-codes')
  t.equal(fresh.statusCode, 200)
  t.equal(fresh.headers['cache-control'], 'no-store')
  const newCodes = [...fresh.body.matchAll(/<li><code class="lantern-code">([a-z2-7-]+)<\/code><\/li>/g)].map((m) => m[1]!)
  t.equal(newCodes.length, 10)
  t.match(fresh.body, 'Your earlier recovery codes no longer work')
  t.equal((await auditRows(app, 'recovery_codes_regenerated')).length, 1)
  const old = await halfSignedIn(app, 'dsl@school.test')
  await old.browser.get('/login/code')
  t.equal((await old.browser.post('/login/code', { code: codes[0]! })).statusCode, 401, 'an old code no longer works')
  t.equal((await old.browser.post('/login/code', { code: newCodes[0]! })).statusCode, 303, 'a new one does')
  // without the form's token, nothing is made
  const forged = await lost.browser.request({ method: 'POST', url: '/account/recovery-codes', form: {} })
  t.equal(forged.statusCode, 403)
  t.equal((await auditRows(app, 'recovery_codes_regenerated')).length, 1)
})

t.test('a half-signed-in session reaches nothing but the second-factor pages and sign-out', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@school.test' })
  const { browser } = await halfSignedIn(app, 'lead@school.test')
  await browser.get('/login/code') // its form's token, bound to this session
  for (const path of [`/s/${school.urn}`, `/s/${school.urn}/staff`, `/s/${school.urn}/audit`, `/s/${school.urn}/alerts`, '/account', '/']) {
    const res = await browser.get(path)
    t.equal(res.statusCode, 303, `${path}: refused`)
    t.equal(res.headers.location, `/login/code?next=${encodeURIComponent(path)}`, `${path}: to the second step`)
  }
  const json = await browser.request({ method: 'GET', url: `/s/${school.urn}/staff`, headers: { accept: 'application/json' } })
  t.equal(json.statusCode, 401)
  const invite = await browser.post(`/s/${school.urn}/staff`, { name: 'Eve', email: 'eve@school.test', role: 'lead', dsl: 'yes' })
  t.equal(invite.statusCode, 401, 'a lead page’s form is refused, with a good CSRF token')
  t.notOk(await app.db.selectFrom('users').select('id').where('email', '=', 'eve@school.test').executeTakeFirst(), 'nothing written')
  t.equal((await browser.post('/account/recovery-codes')).statusCode, 401)
  t.equal((await browser.get('/login')).statusCode, 200, 'the sign-in page is still there')

  // the half-signed-in session lasts 15 minutes
  await sql`update sessions set data = jsonb_set(data, '{passwordAt}', to_jsonb(${Date.now() - 16 * 60_000}::bigint))`.execute(app.db)
  t.equal((await browser.get('/login/code')).headers.location, '/login', 'expired: start again')

  // sign-out works halfway, and is audited
  const other = await halfSignedIn(app, 'lead@school.test')
  await other.browser.get('/login/code')
  t.equal((await other.browser.post('/logout')).headers.location, '/login?signed_out=1')
  t.equal((await other.browser.get('/login/code')).headers.location, '/login')
  t.equal((await auditRows(app, 'logout')).length, 1)
})

t.test('pastoral staff who are not DSLs sign in with the password alone; given a role that needs one, they set it up', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const lead = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const pastoral = await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'pastoral@school.test' })
  const { browser, res } = await halfSignedIn(app, 'pastoral@school.test')
  t.equal(res.headers.location, '/', 'not asked for a code')
  t.equal((await browser.get(`/s/${school.urn}`)).statusCode, 200)
  t.equal((await browser.get('/login/code')).headers.location, '/', 'no second-factor page for them')
  t.notMatch((await browser.get('/account')).body, 'Authenticator app')
  await browser.post('/account/recovery-codes')
  t.match((await browser.get('/account')).body, 'You have no authenticator app set up', 'no recovery codes without a second factor')

  // made a DSL while signed in: their next page asks them to set up an authenticator app
  const leadBrowser = await signedIn(app, 'lead@school.test')
  await leadBrowser.get(`/s/${school.urn}/staff`)
  await leadBrowser.post(`/s/${school.urn}/staff`, { name: 'Pat', email: 'pastoral@school.test', role: 'pastoral', dsl: 'yes' })
  const next = await browser.get(`/s/${school.urn}`)
  t.equal(next.headers.location, `/login/code?next=${encodeURIComponent(`/s/${school.urn}`)}`)
  t.equal((await browser.get(next.headers.location as string)).headers.location, `/login/enrol?next=${encodeURIComponent(`/s/${school.urn}`)}`)
  const { res: enrolled } = await browser.enrol(`/login/enrol?next=${encodeURIComponent(`/s/${school.urn}`)}`)
  t.match(enrolled.body, `href="/s/${school.urn}"`, 'then on to where they were going')
  t.equal((await browser.get(`/s/${school.urn}`)).statusCode, 200)
  t.ok(lead && pastoral)
})

t.test('a lead resets a colleague’s second factor from the Staff page: their sessions end, they enrol again, it is audited', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Reset Academy')
  const other = await createSchool(app, 'Elsewhere School')
  const lead = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const link = await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@school.test', name: 'Lin Link' })
  await createUser(app, [{ schoolId: other.id, role: 'lead' }], { email: 'lead@elsewhere.test' })
  const colleague = await signedIn(app, 'link@school.test')
  t.equal((await colleague.get('/supervision')).statusCode, 200)

  const browser = await signedIn(app, 'lead@school.test')
  const staff = await browser.get(`/s/${school.urn}/staff`)
  t.match(staff.body, `/s/${school.urn}/staff/${link.id}/second-factor/reset`)
  t.notMatch(staff.body, `/staff/${lead.id}/second-factor/reset`, 'no button for their own')
  const forged = await browser.request({ method: 'POST', url: `/s/${school.urn}/staff/${link.id}/second-factor/reset`, form: {} })
  t.equal(forged.statusCode, 403, 'not without the form’s CSRF token')

  const res = await browser.post(`/s/${school.urn}/staff/${link.id}/second-factor/reset`)
  t.equal(res.statusCode, 303)
  t.match((await browser.get(res.headers.location as string)).body, 'Second factor reset')
  t.notOk(await app.db.selectFrom('second_factors').select('user_id').where('user_id', '=', link.id).executeTakeFirst())
  t.equal((await app.db.selectFrom('recovery_codes').select('id').where('user_id', '=', link.id).execute()).length, 0)
  const audit = await auditRows(app, 'second_factor_reset')
  t.equal(audit.length, 1)
  t.match(audit[0], { user_id: lead.id, school_id: school.id, subject_type: 'user', subject_id: String(link.id) })
  t.match((await browser.get(`/s/${school.urn}/audit`)).body, 'second_factor_reset')
  t.equal((await colleague.get('/supervision')).headers.location, '/login?next=%2Fsupervision', 'their session has ended')
  t.equal((await halfSignedIn(app, 'link@school.test')).res.headers.location, '/login/enrol', 'they set it up again')

  // again: nothing to reset; their own: refused; another school's lead: no such member
  await browser.get(`/s/${school.urn}/staff`)
  await browser.post(`/s/${school.urn}/staff/${link.id}/second-factor/reset`)
  t.match((await browser.get(`/s/${school.urn}/staff`)).body, 'nothing to reset')
  await browser.post(`/s/${school.urn}/staff/${lead.id}/second-factor/reset`)
  t.match((await browser.get(`/s/${school.urn}/staff`)).body, 'You cannot reset your own second factor')
  t.ok(await app.db.selectFrom('second_factors').select('user_id').where('user_id', '=', lead.id).executeTakeFirst(), 'their own is untouched')
  t.equal((await browser.post(`/s/${school.urn}/staff/abc/second-factor/reset`)).statusCode, 404)
  const outsider = await signedIn(app, 'lead@elsewhere.test')
  await outsider.get(`/s/${other.urn}/staff`)
  t.equal((await outsider.post(`/s/${other.urn}/staff/${lead.id}/second-factor/reset`)).statusCode, 404, 'not a member of their school')
  t.equal((await outsider.post(`/s/${school.urn}/staff/${lead.id}/second-factor/reset`)).statusCode, 404, 'not their school')
  t.ok(await app.db.selectFrom('second_factors').select('user_id').where('user_id', '=', lead.id).executeTakeFirst())
  const pastoral = await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'p@school.test' })
  const p = await signedIn(app, 'p@school.test')
  await p.get(`/s/${school.urn}`)
  t.equal((await p.post(`/s/${school.urn}/staff/${link.id}/second-factor/reset`)).statusCode, 403, 'only leads')
  t.equal((await auditRows(app, 'second_factor_reset')).length, 1)
  t.ok(pastoral)
})

t.test('a lead who changes their password stays signed in with the second factor they gave', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = await signedIn(app, 'lead@school.test')
  await browser.get('/account/password')
  const changed = await browser.post('/account/password', { current: TEST_PASSWORD, password: 'a brand new long password', confirm: 'a brand new long password' })
  t.equal(changed.headers.location, '/account')
  t.equal((await browser.get(`/s/${school.urn}/staff`)).statusCode, 200, 'not sent back to the second step')
})

t.test('the service refuses a code for an account with no second factor, and the staff page copes with no staff', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const user = await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'p@school.test' })
  const result = await verifySecondFactor(app.db, app.secondFactorBox, { userId: user.id, ip: '127.0.0.1' }, { kind: 'code', code: '123456' })
  t.same(result, { ok: false, reason: 'not_enrolled' })
  t.same([...(await usersWithSecondFactor(app.db, []))], [])
})

t.test('a secret Lantern cannot read (the session secret changed) is refused with what to do', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const user = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  await app.db.updateTable('second_factors').set({ secret_sealed: 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA' }).where('user_id', '=', user.id).execute()
  const { browser } = await halfSignedIn(app, 'lead@school.test')
  await browser.get('/login/code')
  const res = await browser.post('/login/code', { code: await generate({ secret: TEST_TOTP_SECRET }) })
  t.equal(res.statusCode, 409)
  t.match(res.body, 'Ask your senior mental health lead to reset it')
  t.match((await auditRows(app, 'second_factor_failed')).at(-1), { detail: { reason: 'unreadable' } })
})

t.test('the second-factor pages send anyone not halfway through signing in to the right place', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'new@school.test', secondFactor: false })
  const anonymous = new Browser(app)
  await anonymous.get('/login')
  t.equal((await anonymous.post('/login/code', { code: '123456' })).headers.location, '/login')
  t.equal((await anonymous.post('/login/enrol', { code: '123456' })).headers.location, '/login')
  t.equal((await anonymous.get('/login/enrol')).headers.location, '/login')

  const { browser } = await halfSignedIn(app, 'lead@school.test')
  await browser.get('/login/code')
  t.equal((await browser.post('/login/code', { code: '' })).statusCode, 422, 'an empty code')
  t.equal((await browser.post('/login/enrol', { code: '123456' })).headers.location, '/login/code', 'already enrolled')

  const fresh = await halfSignedIn(app, 'new@school.test')
  await fresh.browser.get('/login')
  t.equal((await fresh.browser.post('/login/code', { code: '123456' })).headers.location, '/login/enrol', 'not enrolled yet')
  t.equal((await fresh.browser.post('/login/enrol', { code: '123456' })).headers.location, '/login/enrol', 'no key shown yet: show one first')
  const page = await fresh.browser.get('/login/enrol')
  t.equal((await fresh.browser.post('/login/enrol', {})).statusCode, 422, 'no code')
  // two tabs confirming at once with two good codes: one enrolment, the other told to sign in with a code
  const key = /id="secret">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, '')
  const now = Date.now() / 1000
  const [a, b] = (await Promise.all([now, now + 30].map(async (epoch) => fresh.browser.post('/login/enrol', { code: await generate({ secret: key, epoch }) })))) as [Awaited<ReturnType<Browser['post']>>, Awaited<ReturnType<Browser['post']>>]
  const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a]
  t.equal(won.statusCode, 200, 'one tab enrols')
  // the other goes to the code page, or to sign in again; or, when the winner's new session had already replaced
  // the one its form was made in, its form is refused as expired (403) before anything is read
  if (lost.statusCode === 403) t.match(lost.body, '<html')
  else {
    t.equal(lost.statusCode, 303)
    t.ok(['/login/code', '/login'].includes(String(lost.headers.location)))
  }
  t.equal((await auditRows(app, 'second_factor_enrolled')).length, 1)
})

t.test('many wrong codes from one network are refused for every account there, enrolment included', async (t) => {
  const app = await buildTestApp(t, { secondFactorLimits: { windowMinutes: 15, perAccountAddress: 100, perAccount: 100, perAddress: 2 } })
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'a@school.test' })
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'b@school.test', secondFactor: false })
  const { browser } = await halfSignedIn(app, 'a@school.test')
  await browser.get('/login/code')
  t.equal((await browser.post('/login/code', { code: await wrongCode() })).statusCode, 401)
  t.equal((await browser.post('/login/code', { code: await wrongCode() })).statusCode, 401)
  const third = await browser.post('/login/code', { code: await wrongCode() })
  t.equal(third.statusCode, 429)
  t.match(third.body, 'Too many wrong codes from this network')
  const other = await halfSignedIn(app, 'b@school.test')
  await other.browser.get('/login/enrol')
  const enrol = await other.browser.post('/login/enrol', { code: '123456' })
  t.equal(enrol.statusCode, 429)
  t.match(enrol.body, 'Too many wrong codes from this network')
})

t.test('the last few recovery codes: a reminder to make new ones', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test', secondFactor: false })
  const { browser } = await halfSignedIn(app, 'lead@school.test')
  const { codes } = await browser.enrol()
  let last = ''
  for (const code of codes.slice(0, 7)) {
    const attempt = await halfSignedIn(app, 'lead@school.test')
    await attempt.browser.get('/login/code')
    t.equal((await attempt.browser.post('/login/code', { code })).statusCode, 303)
    last = (await attempt.browser.get('/account')).body
  }
  t.match(last, 'You have 3 left — make new ones from your account page')
  t.match(last, 'You have 3 unused recovery codes')
})
