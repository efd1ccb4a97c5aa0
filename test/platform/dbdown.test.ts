// PostgreSQL stopping under a running Lantern: the process stays up, people see a plain 503 page,
// /healthz says the database is unreachable, and everything works again once PostgreSQL is back.
// This file runs a PostgreSQL server of its own, as the run's shared one must not be stopped.
import t from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { connect } from '../../server/db/connect'
import { migrateToLatest } from '../../server/db/migrate'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/db/embedded'
import { Browser, buildTestApp, createSchool, createUser, signedIn, TEST_PASSWORD } from '../helper'

const UNAVAILABLE = 'Lantern cannot reach its database'

t.test('PostgreSQL stops and starts again under a running Lantern', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-dbdown-'))
  let server: EmbeddedPostgres | null = null
  let app: FastifyInstance | null = null
  t.teardown(async () => {
    await app?.close()
    // the server of whichever start ran last: stopping it again when it is already down is harmless
    if (server) await server.stop().catch(() => {})
    rmSync(dataDir, { recursive: true, force: true })
  })

  server = await startEmbeddedPostgres({ dataDir, fast: true })
  const port = server.port
  const db = connect(server.url, 1)
  await migrateToLatest(db)
  await db.destroy()

  const config = { ...loadConfig({ LANTERN_LOG_LEVEL: 'silent', LANTERN_DATA_DIR: '/nonexistent' }) }
  app = await buildApp({ config, databaseUrl: server.url, sessionSecret: 'a test session secret that is long enough!!' })
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@dbdown.test' })
  const lead = await signedIn(app, 'lead@dbdown.test')
  // several requests at once, so that the pool holds several idle connections when PostgreSQL stops
  const warm = await Promise.all([lead.get(`/s/${school.urn}`), lead.get('/account'), lead.get(`/s/${school.urn}/pupils`), app.inject({ url: '/healthz' })])
  t.same(warm.map((r) => r.statusCode), [200, 200, 200, 200], 'signed in and working before the stop')
  t.ok(app.pg.pool.idleCount > 1, 'the pool holds idle connections')

  // -m fast: PostgreSQL ends every connection with 57P01 (admin_shutdown)
  await server.stop()
  // give the terminated connections' error events time to arrive
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.pass('the process is still alive after PostgreSQL stopped')

  const started = Date.now()
  // the sign-in form itself needs nothing from the database (anonymous pages read and write nothing)
  const visitor = new Browser(app)
  t.equal((await visitor.get('/login')).statusCode, 200, 'the sign-in form still shows')
  const login = await visitor.post('/login', { email: 'lead@dbdown.test', password: TEST_PASSWORD })
  t.equal(login.statusCode, 503, 'signing in answers 503')
  t.match(login.headers['content-type'], 'text/html')
  t.ok(login.headers['retry-after'], 'with Retry-After')
  t.match(login.body, UNAVAILABLE)
  t.match(login.body, 'try again in a minute')
  t.notMatch(login.body, /ECONNREFUSED|127\.0\.0\.1|statusCode|"code"|\bat \S+\.js/, 'no internals')
  t.notOk(String(login.headers['set-cookie'] ?? '').includes('lantern_session'), 'no session cookie is set on the 503 page')

  const home = await lead.get(`/s/${school.urn}`)
  t.equal(home.statusCode, 503, 'a signed-in page answers 503')
  t.match(home.headers['content-type'], 'text/html')
  t.match(home.body, UNAVAILABLE)
  t.notMatch(home.body, /session|ECONNREFUSED|is not a function/)

  const post = await lead.post('/logout')
  t.equal(post.statusCode, 503, 'a form post answers 503 too')

  const json = await app.inject({ url: `/s/${school.urn}/pupils`, headers: { accept: 'application/json', cookie: cookieHeader(lead) } })
  t.equal(json.statusCode, 503)
  t.same(Object.keys(json.json()).sort(), ['error', 'message'], 'JSON callers get {error, message}')
  t.match(json.json().message, 'try again in a minute')

  const health = await app.inject({ url: '/healthz' })
  t.equal(health.statusCode, 503)
  t.same(health.json(), { ok: false, database: 'unreachable' })
  t.ok(Date.now() - started < 8000, 'requests fail fast while PostgreSQL is down')

  server = await startEmbeddedPostgres({ dataDir, fast: true, preferredPort: port })
  t.equal(server.port, port, 'PostgreSQL back on the same port')

  t.equal((await app.inject({ url: '/healthz' })).statusCode, 200, '/healthz 200 again')
  t.same((await app.inject({ url: '/healthz' })).json(), { ok: true })
  const loginAgain = await app.inject({ url: '/login', headers: { accept: 'text/html' } })
  t.equal(loginAgain.statusCode, 200, '/login 200 again')
  const homeAgain = await lead.get(`/s/${school.urn}`)
  t.equal(homeAgain.statusCode, 200, 'the signed-in user is still signed in')
  t.match(homeAgain.body, school.name)
  const pupils = await lead.get(`/s/${school.urn}/pupils`)
  t.equal(pupils.statusCode, 200)
  const out = await lead.post('/logout')
  t.equal(out.statusCode, 303, 'and can sign out')
})

t.test('/healthz reads the database without creating a session', async (t) => {
  const app = await buildTestApp(t)
  const before = await app.db.selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  const res = await app.inject({ url: '/healthz' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { ok: true })
  t.notOk(res.headers['set-cookie'])
  const after = await app.db.selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  t.equal(Number(after.n), Number(before.n), 'no session row')
})

function cookieHeader(browser: Browser): string {
  return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
}

t.test('an error page still renders when the session could not be loaded', async (t) => {
  const app = await buildTestApp(t)
  // as @fastify/session leaves a request whose store failed for a reason other than an outage
  app.get('/session-failed', {
    onRequest: async (request) => {
      ;(request as { session: unknown }).session = {}
      throw new Error('session row unreadable: secret internals')
    }
  }, async () => 'unreachable')
  const res = await app.inject({ url: '/session-failed', headers: { accept: 'text/html' } })
  t.equal(res.statusCode, 500)
  t.match(res.headers['content-type'], 'text/html')
  t.match(res.body, 'Sorry, something went wrong')
  t.notMatch(res.body, /secret internals|is not a function/)
})
