// Stateless app instances: two Lantern apps, each with its own pool, over one database — as behind a
// load balancer with no sticky sessions. A session made on one is good on the other, ends on both
// when ended on either, and failed sign-ins are counted across both.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { Browser, createSchool, createUser, TEST_PASSWORD } from '../helper'
import { createTestDatabase } from '../db'

const SECRET = 'one session secret shared by every instance!!'

async function twoInstances(t: { teardown(fn: () => unknown): void }): Promise<[FastifyInstance, FastifyInstance]> {
  const drops: Array<() => unknown> = []
  const url = await createTestDatabase({ teardown: (fn) => drops.push(fn) })
  const config = loadConfig({ LANTERN_LOG_LEVEL: 'silent', LANTERN_DATA_DIR: '/nonexistent' })
  const a = await buildApp({ config, databaseUrl: url, sessionSecret: SECRET })
  const b = await buildApp({ config, databaseUrl: url, sessionSecret: SECRET })
  t.teardown(async () => {
    await a.close()
    await b.close()
    for (const drop of drops) await drop()
  })
  return [a, b]
}

/** The same browser (its cookies) pointed at another instance. */
function sameBrowserOn(app: FastifyInstance, from: Browser): Browser {
  const moved = new Browser(app)
  moved.cookies = new Map(from.cookies)
  moved.csrf = from.csrf
  return moved
}

t.test('a session made on one instance is good on the other, and sign-out on either ends it on both', async (t) => {
  const [a, b] = await twoInstances(t)
  const school = await createSchool(a, 'Shared Academy')
  const user = await createUser(a, [{ schoolId: school.id, role: 'pastoral' }], { name: 'Pat Pastoral' })

  const onA = new Browser(a)
  t.equal((await onA.login(user.email)).statusCode, 303, 'signed in on A')
  const onB = sameBrowserOn(b, onA)
  const page = await onB.get(`/s/${school.urn.trim()}`)
  t.equal(page.statusCode, 200, 'the school page on B with the cookie from A')
  t.match(page.body, /Shared Academy/)
  t.match(page.body, /Pat Pastoral/, 'B knows who is signed in')

  const stranger = await new Browser(b).get(`/s/${school.urn.trim()}`)
  t.equal(stranger.statusCode, 303, 'without the cookie B sends the visitor to sign in')
  t.match(stranger.headers.location, /^\/login/)

  // a form rendered by B and posted to A: the CSRF token travels with the session, not the instance
  await onB.get('/account')
  const onAAgain = sameBrowserOn(a, onB)
  t.equal((await onAAgain.post('/logout')).statusCode, 303, 'signed out on A with a token from a page of B')
  const after = await sameBrowserOn(b, onA).get(`/s/${school.urn.trim()}`)
  t.equal(after.statusCode, 303, 'the session ended on A no longer works on B')
  t.match(after.headers.location, /^\/login/)
})

t.test('failed sign-ins are counted across instances: the fifth failure on the account is the last either will try', async (t) => {
  const [a, b] = await twoInstances(t)
  const school = await createSchool(a)
  const user = await createUser(a, [{ schoolId: school.id, role: 'pastoral' }])
  const instances = [a, b, a, b, a]
  for (const [i, app] of instances.entries()) {
    const res = await new Browser(app).login(user.email, 'not the password at all')
    t.equal(res.statusCode, 401, `failure ${i + 1} (on ${app === a ? 'A' : 'B'}) is refused as a wrong password`)
  }
  for (const [name, app] of [['B', b], ['A', a]] as const) {
    const res = await new Browser(app).login(user.email, TEST_PASSWORD)
    t.equal(res.statusCode, 429, `the right password on ${name} is now refused: the account is throttled`)
    t.match(res.body, /Too many failed attempts to sign in to this account/)
  }
  const attempts = await a.db.selectFrom('login_attempts').select(['outcome']).where('email', '=', user.email).execute()
  t.equal(attempts.filter((r) => r.outcome === 'failed').length, 5, 'both instances wrote to the one count')
})
