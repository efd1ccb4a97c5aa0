// One school's invitation never gives control of an account another school's invitation or
// membership governs (README, "Invitations").
import t from 'tap'
import { Browser, auditRows, buildTestApp, createSchool, createUser, signedIn, TEST_PASSWORD } from '../helper'

const linkIn = (body: string) => /\/invitation\/([A-Za-z0-9_-]+)/.exec(body)?.[1]

async function invite(lead: Browser, urn: string, form: Record<string, string>) {
  await lead.get(`/s/${urn}/staff`)
  const res = await lead.post(`/s/${urn}/staff`, form)
  return { res, token: linkIn(res.body) }
}

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t)
  const b = await createSchool(app, 'Birch School')
  const c = await createSchool(app, 'Cedar School')
  await createUser(app, [{ schoolId: b.id, role: 'lead', isDsl: true }], { email: 'lead@birch.test' })
  await createUser(app, [{ schoolId: c.id, role: 'lead', isDsl: true }], { email: 'lead@cedar.test' })
  return { app, b, c, leadB: await signedIn(app, 'lead@birch.test'), leadC: await signedIn(app, 'lead@cedar.test') }
}

t.test('another school inviting a pending account gets no password link, and cannot take it over', async (t) => {
  const { app, b, c, leadB, leadC } = await setup(t)
  const first = await invite(leadB, b.urn, { name: 'Nia New', email: 'nia@birch.test', role: 'lead', dsl: 'yes' })
  t.equal(first.res.statusCode, 200)
  t.ok(first.token, 'Birch has a password link')

  // Cedar's lead invites the same address and receives a link
  const second = await invite(leadC, c.urn, { name: 'Nia New', email: 'nia@birch.test', role: 'pastoral' })
  t.equal(second.res.statusCode, 200)
  t.ok(second.token)
  t.match(second.res.body, 'already has a Lantern account, or has been invited by another school first')

  // opening it offers no password: the account is not theirs to set up
  const attacker = new Browser(app)
  const page = await attacker.get(`/invitation/${second.token}`)
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, 'name="password"')
  t.match(page.body, 'no password yet')
  // posting a password to it anyway (with a good CSRF token from the sign-in page) sets nothing
  await attacker.get('/login')
  const forced = await attacker.post(`/invitation/${second.token}`, { password: 'attacker chosen password', confirm: 'attacker chosen password' })
  t.equal(forced.statusCode, 404)
  t.equal((await attacker.get(`/s/${b.urn}`)).statusCode, 303, 'not signed in')
  const joined = await attacker.post(`/invitation/${second.token}/join`)
  t.equal(joined.statusCode, 401, 'joining needs the account’s owner signed in')
  const user = await app.db.selectFrom('users').selectAll().where('email', '=', 'nia@birch.test').executeTakeFirstOrThrow()
  t.equal(user.password_hash, null, 'still no password')
  t.equal((await app.db.selectFrom('memberships').selectAll().where('user_id', '=', user.id).execute()).length, 1, 'Cedar granted nothing')

  // Birch's own link still works, for its owner
  const owner = new Browser(app)
  await owner.get(`/invitation/${first.token}`)
  t.equal((await owner.post(`/invitation/${first.token}`, { password: 'nia’s own password', confirm: 'nia’s own password' })).statusCode, 303)
  // a lead and DSL sets up her authenticator app first; until then the join link is refused too
  await owner.get('/login/enrol')
  t.equal((await owner.post(`/invitation/${second.token}/join`)).statusCode, 401, 'half signed in is not signed in')
  await owner.enrol()
  t.equal((await owner.get(`/s/${b.urn}`)).statusCode, 200)
  // and now, signed in as herself, she may accept Cedar's invitation
  await owner.get(`/invitation/${second.token}`)
  t.equal((await owner.post(`/invitation/${second.token}/join`)).statusCode, 303)
  const memberships = await app.db.selectFrom('memberships').selectAll().where('user_id', '=', user.id).orderBy('school_id').execute()
  t.same(memberships.map((m) => [m.school_id, m.role, m.is_dsl]), [[b.id, 'lead', true], [c.id, 'pastoral', false]])
  t.equal((await auditRows(app, 'invitation_accepted')).length, 2)
})

t.test('a password can be set once: a second link to the same account stops working', async (t) => {
  const { app, b, leadB } = await setup(t)
  const one = await invite(leadB, b.urn, { name: 'Ola', email: 'ola@birch.test', role: 'pastoral' })
  const two = await invite(leadB, b.urn, { name: 'Ola', email: 'ola@birch.test', role: 'pastoral', dsl: 'yes' })
  t.ok(one.token && two.token && one.token !== two.token)
  t.equal((await new Browser(app).get(`/invitation/${one.token}`)).statusCode, 404, 'the newer link replaces the older')
  const ola = new Browser(app)
  await ola.get(`/invitation/${two.token}`)
  t.equal((await ola.post(`/invitation/${two.token}`, { password: 'ola chose this one', confirm: 'ola chose this one' })).statusCode, 303)
  t.equal((await new Browser(app).get(`/invitation/${two.token}`)).statusCode, 404, 'used once')
  // once the password is set, Birch's next invitation is for role changes only: no password link
  const three = await invite(leadB, b.urn, { name: 'Ola', email: 'ola@birch.test', role: 'lead' })
  t.equal(three.res.statusCode, 303, 'an existing member: role updated in place')
  t.notOk(three.token)
  t.equal((await new Browser(app).login('ola@birch.test', 'ola chose this one')).statusCode, 303, 'her password stands')
})

t.test('another school cannot reset the password of an account in use', async (t) => {
  const { app, c, leadC } = await setup(t)
  const { token } = await invite(leadC, c.urn, { name: 'Lead of Birch', email: 'lead@birch.test', role: 'lead', dsl: 'yes' })
  t.ok(token)
  const attacker = new Browser(app)
  const page = await attacker.get(`/invitation/${token}`)
  t.match(page.body, 'Sign in to accept')
  t.notMatch(page.body, 'name="password"')
  await attacker.get('/login')
  t.equal((await attacker.post(`/invitation/${token}`, { password: 'attacker chosen password', confirm: 'attacker chosen password' })).statusCode, 404)
  t.equal((await new Browser(app).login('lead@birch.test', TEST_PASSWORD)).statusCode, 303, 'the password is unchanged')
  // someone else signed in cannot accept it for her
  const intruder = await signedIn(app, 'lead@cedar.test')
  await intruder.get(`/invitation/${token}`)
  const wrong = await intruder.post(`/invitation/${token}/join`)
  t.equal(wrong.statusCode, 403)
  t.match(wrong.body, 'This invitation is for lead@birch.test')
})

t.test('a link dies when the school removes the access it offered', async (t) => {
  const { app, b, leadB } = await setup(t)
  const { token } = await invite(leadB, b.urn, { name: 'Rae', email: 'rae@birch.test', role: 'pastoral' })
  const rae = await app.db.selectFrom('users').select('id').where('email', '=', 'rae@birch.test').executeTakeFirstOrThrow()
  await leadB.get(`/s/${b.urn}/staff`)
  t.equal((await leadB.post(`/s/${b.urn}/staff/${rae.id}/deactivate`)).statusCode, 303)
  const visitor = new Browser(app)
  await visitor.get(`/invitation/${token}`)
  t.equal((await visitor.post(`/invitation/${token}`, { password: 'a long password here', confirm: 'a long password here' })).statusCode, 404)
})
