// A signed-in user's requests read their session; it is written back (and its cookie renewed) only when
// it changes or at most once a minute to keep it alive, and it still ends after the idle time.
import t from 'tap'
import { buildTestApp, createSchool, createUser, signedIn } from '../helper'

t.test('a working session is written at most once a minute, and still ends after the idle time', async (t) => {
  const app = await buildTestApp(t, { sessionIdleMinutes: 30 })
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = await signedIn(app, 'lead@school.test')
  const stored = async () => {
    const rows = await app.db.selectFrom('sessions').select(['sid', 'data', 'expires_at']).execute()
    t.equal(rows.length, 1)
    return { sid: rows[0]!.sid, data: rows[0]!.data as { seenAt: number }, expiresAt: rows[0]!.expires_at.getTime() }
  }
  const sessionCookie = (res: { cookies: unknown }) => (res.cookies as Array<{ name: string }>).find((c) => c.name === 'lantern_session')
  const setSeenAt = async (sid: string, msAgo: number) => {
    const { data } = await stored()
    await app.db.updateTable('sessions').set({ data: JSON.stringify({ ...data, seenAt: Date.now() - msAgo }) }).where('sid', '=', sid).execute()
  }

  const first = await stored()
  for (let i = 0; i < 5; i++) {
    const res = await browser.get('/account')
    t.equal(res.statusCode, 200)
    t.notOk(sessionCookie(res), 'no cookie sent: the session was not written')
  }
  t.same(await stored(), first, 'five requests within the minute leave the stored session as it was')

  // a minute on, the next request touches it: the idle clock and the stored expiry move
  await setSeenAt(first.sid, 61_000)
  const touched = await browser.get('/account')
  t.equal(touched.statusCode, 200)
  t.ok(sessionCookie(touched), 'the cookie is renewed')
  const after = await stored()
  t.ok(after.data.seenAt > Date.now() - 5_000, 'seenAt is now')
  t.ok(after.expiresAt >= first.expiresAt, 'the stored expiry moved on')
  t.notOk(sessionCookie(await browser.get('/account')), 'and the request after is a read again')

  // within the idle time a quiet user stays signed in; past it, they are signed out
  await setSeenAt(first.sid, 29 * 60_000)
  t.equal((await browser.get('/account')).statusCode, 200, '29 minutes quiet: still signed in')
  await setSeenAt(first.sid, 31 * 60_000)
  const expired = await browser.get('/account')
  t.equal(expired.statusCode, 303, '31 minutes quiet: signed out')
  t.match(expired.headers.location, /^\/login\?next=/)
  t.equal((await app.db.selectFrom('sessions').select('sid').execute()).length, 0, 'and the stored session is gone')
})

t.test('a stored session past its expiry signs out even when its idle clock looks fresh', async (t) => {
  const app = await buildTestApp(t, { sessionIdleMinutes: 30 })
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = await signedIn(app, 'lead@school.test')
  await app.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute()
  t.equal((await browser.get('/account')).statusCode, 303)
})

t.test('access is read with the session: a membership ended shows at the very next request', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const user = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const browser = await signedIn(app, 'lead@school.test')
  t.equal((await browser.get(`/s/${school.urn}/staff`)).statusCode, 200)
  await app.db.updateTable('memberships').set({ active: false }).where('user_id', '=', user.id).execute()
  t.equal((await browser.get(`/s/${school.urn}/staff`)).statusCode, 404, 'the school is gone from their access')
  await app.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute()
  t.equal((await browser.get('/account')).statusCode, 303, 'a deactivated account is signed out')
})
