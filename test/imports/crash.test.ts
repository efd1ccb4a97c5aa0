// Nothing lost in a crash: a waiting upload leaves waiting only when its import commits. A Lantern
// process killed (SIGKILL) while confirming, or a confirmation that fails inside PostgreSQL, leaves
// the upload waiting and confirmable; two confirmations at once import it once.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import t from 'tap'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { createSchool, createUser, signedIn, type Browser } from '../helper'
import { createTestDatabase } from '../db'
import { counts, fixture } from './helpers'
import { upload, uploadSet } from './web-helpers'

interface T { teardown(fn: () => unknown): void }

/** The real app over a database of its own, whose address a second process can be given. */
async function setUp(t: T) {
  const drops: Array<() => unknown> = []
  const url = await createTestDatabase({ teardown: (fn) => drops.push(fn) })
  const config = loadConfig({ LANTERN_LOG_LEVEL: 'silent', LANTERN_DATA_DIR: '/nonexistent' })
  const app = await buildApp({ config, databaseUrl: url, sessionSecret: 'a test session secret that is long enough!!' })
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  t.teardown(async () => {
    await admin.end()
    await app.close()
    for (const drop of drops) await drop()
  })
  const school = await createSchool(app, 'Crash Academy')
  const lead = await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@crash.test' })
  return { app, url, admin, school, lead, browser: await signedIn(app, lead.email) }
}

/** Imports written (a check is a dry run, kept in the history's table too, and not counted). */
const committed = async (app: FastifyInstance) => (await app.db.selectFrom('imports').select('id').where('dry_run', '=', false).execute()).length
const waiting = async (app: FastifyInstance) => (await app.db.selectFrom('pending_imports').select('id').execute()).length

/** Backends of this database (other than `admin`'s own) waiting for a lock. */
async function lockWaiters(admin: pg.Client): Promise<number> {
  // inside a transaction the statistics are a snapshot taken once: take a fresh one
  await admin.query('select pg_stat_clear_snapshot()')
  const { rows } = await admin.query<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'"
  )
  return rows[0]!.n
}

async function until(what: string, check: () => Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Holds pupils against writing (as a long-running transaction would) while `fn` runs. */
async function holdingPupils<R>(admin: pg.Client, fn: () => Promise<R>): Promise<R> {
  await admin.query('begin')
  await admin.query('lock table pupils in share mode')
  try {
    return await fn()
  } finally {
    await admin.query('commit')
  }
}

async function backendsOtherThan(admin: pg.Client, pids: readonly number[]) {
  await admin.query('select pg_stat_clear_snapshot()')
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')
  return rows.map((r) => r.pid).filter((pid) => !pids.includes(pid))
}

const childScript = join(__dirname, 'confirm-child.js')

for (const kind of ['one file', 'a set of files'] as const) {
  const uploadIt = (browser: Browser, urn: string) =>
    kind === 'one file'
      ? upload(browser, urn, { name: 'ctf.xml', content: fixture('ctf-sample.xml') })
      : uploadSet(browser, urn, [{ name: 'ctf.xml', content: fixture('ctf-sample.xml') }, { name: 'letters.csv', content: fixture('letters.csv') }])
  const uploads = kind === 'one file' ? 1 : 2

  t.test(`${kind}: the Lantern process killed while confirming leaves the upload waiting, and it imports once`, async (t) => {
    const { app, url, admin, school, lead, browser } = await setUp(t)
    const page = (await uploadIt(browser, school.urn)).headers.location as string
    t.equal(await waiting(app), uploads)
    const ours = (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()')).rows.map((r) => r.pid)

    await holdingPupils(admin, async () => {
      const child = spawn(process.execPath, [childScript, url, lead.email, page], { stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
      // the confirmation has begun writing (its upload claimed, its import row written) and waits on pupils
      await until('the confirmation to reach the pupils table', async () => out.includes('confirming') && (await lockWaiters(admin)) > 0)
      child.kill('SIGKILL')
      t.equal(await exited, 'SIGKILL', 'the server process was killed mid-confirmation')
      t.notMatch(out, 'answered', 'it never answered')
    })
    // PostgreSQL ends the killed process's transaction: it rolls back
    await until('the killed process to leave PostgreSQL', async () => (await backendsOtherThan(admin, ours)).length === 0)
    t.equal(await waiting(app), uploads, 'the upload is still waiting')
    t.match(await counts(app.db), { pupils: 0, letters: 0, import_created: 0 }, 'nothing from the killed confirmation was written')
    t.equal(await committed(app), 0)

    t.equal((await browser.get(page)).statusCode, 200, 'the lead finds it waiting to confirm')
    // two confirmations at once (a double click on a slow page): both under way before either writes
    const posts = await holdingPupils(admin, async () => {
      const posts = Promise.all([browser.post(`${page}/confirm`), browser.post(`${page}/confirm`)])
      await until('both confirmations to be under way', async () => (await lockWaiters(admin)) === 2)
      return { posts }
    })
    const both = await posts.posts
    const answers = both.map((r) => r.statusCode).sort()
    t.same(answers, kind === 'one file' ? [303, 303] : [303, 404], 'one imports; the other is told the upload is no longer waiting')
    t.match(await counts(app.db), { pupils: 3 }, 'imported once')
    t.equal(await committed(app), uploads)
    t.equal(await waiting(app), 0, 'the upload left waiting when it was imported')
    const history = await browser.get(`/s/${school.urn}/imports`)
    t.match(history.body, 'ctf.xml', 'the import history shows it')
  })

  t.test(`${kind}: a confirmation that fails inside PostgreSQL leaves the upload waiting`, async (t) => {
    const { app, admin, school, browser } = await setUp(t)
    const page = (await uploadIt(browser, school.urn)).headers.location as string
    // a real failure halfway through the write: the database refuses new pupils
    await admin.query(`create function refuse_pupils() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`)
    await admin.query('create trigger refuse_pupils before insert on pupils for each row execute function refuse_pupils()')
    await browser.get(page)
    const failed = await browser.post(`${page}/confirm`)
    t.equal(failed.statusCode, 500)
    t.notMatch(failed.body, 'disk full', 'the database error is not shown to the lead')
    t.equal(await waiting(app), uploads, 'the upload is still waiting')
    t.match(await counts(app.db), { pupils: 0, import_created: 0 })
    t.equal(await committed(app), 0)

    await admin.query('drop trigger refuse_pupils on pupils')
    await browser.get(page)
    t.equal((await browser.post(`${page}/confirm`)).statusCode, 303)
    t.match(await counts(app.db), { pupils: 3 })
    t.equal(await committed(app), uploads)
    t.equal(await waiting(app), 0)
  })
}
