import t from 'tap'
import { buildTestApp, createSchool, createUser, signedIn, TEST_PASSWORD } from '../helper'

t.test('changing a password ends the account’s other sessions, and keeps this one signed in', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const user = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const other = await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'colleague@school.test' })
  const laptop = await signedIn(app, 'lead@school.test')
  const phone = await signedIn(app, 'lead@school.test')
  const colleague = await signedIn(app, 'colleague@school.test')
  const stolenCookie = laptop.cookies.get('lantern_session')
  t.equal((await phone.get('/account')).statusCode, 200)

  await laptop.get('/account/password')
  const res = await laptop.post('/account/password', { current: TEST_PASSWORD, password: 'a brand new passphrase', confirm: 'a brand new passphrase' })
  t.equal(res.statusCode, 303)
  const after = await laptop.get('/account')
  t.equal(after.statusCode, 200, 'the session that changed it stays signed in')
  t.match(after.body, 'signed out everywhere else')
  t.not(laptop.cookies.get('lantern_session'), stolenCookie, 'with a new session id')

  const phoneAfter = await phone.get('/account')
  t.equal(phoneAfter.statusCode, 303, 'the other session is signed out')
  t.match(phoneAfter.headers.location, /^\/login/)
  const replay = await app.inject({ method: 'GET', url: '/account', headers: { accept: 'text/html', cookie: `lantern_session=${stolenCookie}` } })
  t.equal(replay.statusCode, 303, 'the old cookie of this browser no longer works')
  t.equal((await colleague.get('/account')).statusCode, 200, 'other accounts are untouched')
  const colleagueReplay = await app.inject({ method: 'GET', url: '/account', headers: { accept: 'text/html', cookie: `lantern_session=${colleague.cookies.get('lantern_session')}` } })
  t.equal(colleagueReplay.statusCode, 200, 'a cookie sent this way does sign in (so the refusal above is real)')

  const rows = await app.db.selectFrom('sessions').select('data').execute()
  const owners = rows.map((r) => (r.data as { userId?: number }).userId)
  t.equal(owners.filter((id) => id === user.id).length, 1, 'one stored session left for the account')
  t.equal(owners.filter((id) => id === other.id).length, 1)
})
