// Benchmark: Lantern under a school's day of mixed use. The demo schools are seeded (the demo's cohort of
// 180 pupils through the real import runner, its letters, its supervision meeting); then signed-in
// sessions, each signed in through the real forms (password, and the authenticator's code for leads),
// work for LANTERN_BENCH_SECONDS (60) against one Lantern process (`node dist/server/main.js`):
//   - pastoral staff reading pages: the dashboard, the pupil list and pupil profiles, in turn;
//   - pastoral staff reviewing letters: the letter page, then its review form posted with the CSRF
//     token, then the pupil page the review leads to;
//   - a lead running an import through the Imports pages: upload the attendance CSV, read the
//     preview, confirm, read the import history; again and again;
//   - leads printing the supervision pack PDF of the demo's meeting.
// The same mix runs first with 10 sessions (the baseline) and then with LANTERN_BENCH_SESSIONS (100).
// Every answer other than 2xx/3xx, every refused import and every transport error is counted and listed.
// Printed: requests, p50 and p99 per kind of request, the server's RSS (/proc/<pid>/status) and V8
// heap (memory-report.js, preloaded; as found and live after a full GC) before and after, and PostgreSQL's client backends.
// Everything listens on 127.0.0.1; Lantern, the database and its files are removed at the end.
// Run alone: `npm run -s build && node dist/test/bench/load.bench.js`.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { generate } from 'otplib'
import { connect } from '../../server/db/connect'
import { startEmbeddedPostgres } from '../../server/db/embedded'
import { migrateToLatest } from '../../server/db/migrate'
import type { Database } from '../../server/db/schema'
import { hashPassword } from '../../server/accounts/service'
import * as accounts from '../../server/accounts/store'
import { secretBox } from '../../server/platform/secret-box'
import { DEMO_COHORTS, seedDemo } from '../../server/demo/seed'
import { generateCohort } from '../../server/demo/cohort'

const SECONDS = Number(process.env.LANTERN_BENCH_SECONDS ?? '60')
const SESSIONS = Number(process.env.LANTERN_BENCH_SESSIONS ?? '100')
const BASELINE_SESSIONS = 10
const URN = '999001'
const PASSWORD = 'a benchmark password that is long'
const SESSION_SECRET = 'a benchmark session secret that is long enough'
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const REQUEST_TIMEOUT_MS = 30_000

type Figures = Record<string, number | string>
type Role = 'viewer' | 'reviewer' | 'importer' | 'packer'

const round1 = (n: number) => Math.round(n * 10) / 10
const mb = (bytes: number) => round1(bytes / 1048576)
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN)

// ---- a small bounded HTTP client, keeping cookies as a browser does -------------------------------

interface Reply { status: number; body: string; cookies: string[]; location?: string; type?: string }

function request(agent: http.Agent, port: number, method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { accept: 'text/html', ...headers, ...length }, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const setCookie = res.headers['set-cookie'] ?? []
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('latin1'),
          cookies: setCookie.map((c) => c.split(';')[0]!),
          ...(res.headers.location ? { location: res.headers.location } : {}),
          ...(res.headers['content-type'] ? { type: res.headers['content-type'] } : {})
        })
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timed out after ${REQUEST_TIMEOUT_MS / 1000} s`)))
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? /\?_csrf=([^"&]+)"/.exec(body)?.[1]

/** One signed-in browser: its cookies, and every request it makes timed under a kind. */
class Session {
  private cookies = new Map<string, string>()
  constructor(readonly port: number, readonly agent: http.Agent, readonly recorder: Recorder) {}

  private take(r: Reply) {
    for (const c of r.cookies) {
      const eq = c.indexOf('=')
      const value = c.slice(eq + 1)
      if (value) this.cookies.set(c.slice(0, eq), value)
      else this.cookies.delete(c.slice(0, eq))
    }
  }

  private get cookie() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  /** A request without timing (sign-in); throws on a transport error. */
  async raw(method: string, path: string, body?: { form?: Record<string, string>; multipart?: { payload: Buffer; contentType: string } }): Promise<Reply> {
    const headers: Record<string, string> = this.cookies.size ? { cookie: this.cookie } : {}
    let payload: string | Buffer | undefined
    if (body?.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      payload = new URLSearchParams(body.form).toString()
    } else if (body?.multipart) {
      headers['content-type'] = body.multipart.contentType
      payload = body.multipart.payload
    }
    const r = await request(this.agent, this.port, method, path, headers, payload)
    this.take(r)
    return r
  }

  /** A timed request under `kind`; null (and counted as an error) when it failed or was not what a user needs. */
  async timed(kind: string, method: string, path: string, body?: Parameters<Session['raw']>[2], ok: (r: Reply) => string | null = () => null): Promise<Reply | null> {
    const t0 = performance.now()
    try {
      const r = await this.raw(method, path, body)
      const ms = performance.now() - t0
      const problem = r.status >= 400 || r.status < 200 ? `HTTP ${r.status}` : ok(r)
      this.recorder.record(kind, ms, problem ? `${method} ${path}: ${problem}` : null)
      return problem ? null : r
    } catch (err) {
      this.recorder.record(kind, performance.now() - t0, `${method} ${path}: ${(err as Error).message}`)
      return null
    }
  }
}

class Recorder {
  byKind = new Map<string, number[]>()
  errors = 0
  errorList = new Map<string, number>()
  record(kind: string, ms: number, problem: string | null) {
    const list = this.byKind.get(kind) ?? []
    list.push(ms)
    this.byKind.set(kind, list)
    if (problem) {
      this.errors++
      const key = `${kind}: ${problem.replace(/\/\d+/g, '/:id')}`
      this.errorList.set(key, (this.errorList.get(key) ?? 0) + 1)
    }
  }
}

async function signIn(session: Session, email: string, needsCode: boolean): Promise<void> {
  const page = await session.raw('GET', '/login')
  const csrf = csrfOf(page.body)
  if (page.status !== 200 || !csrf) throw new Error(`sign-in page: ${page.status}`)
  const posted = await session.raw('POST', '/login', { form: { _csrf: csrf, email, password: PASSWORD } })
  if (posted.status !== 303) throw new Error(`sign-in as ${email}: ${posted.status}`)
  if (!needsCode) return
  if (!posted.location?.startsWith('/login/code')) throw new Error(`sign-in as ${email} asked no code: ${posted.location}`)
  const codePage = await session.raw('GET', posted.location)
  const codeCsrf = csrfOf(codePage.body)
  if (codePage.status !== 200 || !codeCsrf) throw new Error(`second-factor page: ${codePage.status}`)
  const next = new URL(posted.location, 'http://127.0.0.1').searchParams.get('next')
  // the step now: each bench lead signs in once, so its step is never used twice
  const done = await session.raw('POST', '/login/code', { form: { _csrf: codeCsrf, code: await generate({ secret: TOTP_SECRET }), ...(next ? { next } : {}) } })
  if (done.status !== 303 || done.location?.startsWith('/login')) throw new Error(`second factor for ${email}: ${done.status} → ${done.location}`)
}

function multipart(parts: Array<{ name: string; value: string | Buffer; filename?: string }>) {
  const boundary = `----lanternbench${Math.random().toString(16).slice(2)}`
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`
    const type = p.filename !== undefined ? 'Content-Type: text/csv\r\n' : ''
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

// ---- what each kind of session does, over and over until the deadline ----------------------------

interface Fixture { pupilIds: number[]; letterIds: number[]; meetingId: number; attendanceCsv: Buffer }

const base = `/s/${URN}`

async function viewer(s: Session, f: Fixture, i: number) {
  const turn = i % 3
  if (turn === 0) await s.timed('page_dashboard', 'GET', base)
  else if (turn === 1) await s.timed('page_pupil_list', 'GET', `${base}/pupils`)
  else await s.timed('page_pupil_profile', 'GET', `${base}/pupils/${f.pupilIds[i % f.pupilIds.length]}`)
}

const CONCERNS = ['none', 'some', 'high'] as const

async function reviewer(s: Session, f: Fixture, i: number) {
  const letterId = f.letterIds[i % f.letterIds.length]!
  const page = await s.timed('letter_page', 'GET', `${base}/letters/${letterId}`)
  const csrf = page && csrfOf(page.body)
  if (!page || !csrf) return
  const posted = await s.timed('letter_review_post', 'POST', `${base}/letters/${letterId}/review`, { form: { _csrf: csrf, concern: CONCERNS[i % 3]!, note: `Reviewed in the load benchmark, round ${i}.` } }, (r) =>
    r.status === 303 && r.location?.includes('/pupils/') ? null : `review not saved (${r.status} → ${r.location ?? 'no redirect'})`
  )
  if (posted?.location) await s.timed('page_pupil_profile', 'GET', posted.location)
}

async function importer(s: Session, f: Fixture, i: number) {
  const page = await s.timed('imports_page', 'GET', `${base}/imports`)
  const csrf = page && csrfOf(page.body)
  if (!page || !csrf) return
  const body = multipart([{ name: 'kind', value: 'attendance' }, { name: 'file', value: f.attendanceCsv, filename: `Year 6 attendance (${i}).csv` }])
  const uploaded = await s.timed('import_upload', 'POST', `${base}/imports?_csrf=${encodeURIComponent(csrf)}`, { multipart: body }, (r) =>
    r.status === 303 && r.location?.includes('/imports/pending/') ? null : `upload refused (${r.status})`
  )
  if (!uploaded?.location) return
  const preview = await s.timed('import_preview', 'GET', uploaded.location)
  const previewCsrf = preview && csrfOf(preview.body)
  if (!preview || !previewCsrf) return
  const confirmed = await s.timed('import_confirm', 'POST', `${uploaded.location}/confirm`, { form: { _csrf: previewCsrf } }, (r) =>
    r.status === 303 && r.location === `${base}/imports` ? null : `import not committed (${r.status} → ${r.location ?? 'no redirect'})`
  )
  if (confirmed?.location) await s.timed('imports_page', 'GET', confirmed.location)
}

async function packer(s: Session, f: Fixture) {
  await s.timed('pack_pdf', 'GET', `${base}/supervision/meetings/${f.meetingId}/pack.pdf`, undefined, (r) =>
    r.type?.startsWith('application/pdf') && r.body.startsWith('%PDF') ? null : `not a PDF (${r.type ?? 'no type'})`
  )
}

const WORK: Record<Role, (s: Session, f: Fixture, i: number) => Promise<void>> = { viewer, reviewer, importer, packer }

/** The mix for n sessions: one running import, 2% printing packs (at least one), 20% reviewing letters, the rest reading pages. */
function mix(n: number): Role[] {
  const packers = Math.max(1, Math.round(n * 0.02))
  const reviewers = Math.max(1, Math.round(n * 0.2))
  const viewers = n - 1 - packers - reviewers
  return [...Array<Role>(1).fill('importer'), ...Array<Role>(packers).fill('packer'), ...Array<Role>(reviewers).fill('reviewer'), ...Array<Role>(viewers).fill('viewer')]
}

// ---- the server process and its memory ------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const a = probe.address()
      probe.close(() => (a && typeof a !== 'string' ? resolve(a.port) : reject(new Error('no port'))))
    })
  })
}

function startLantern(databaseUrl: string, dataDir: string, port: number): Promise<ChildProcess> {
  const main = join(__dirname, '..', '..', 'server', 'main.js')
  const child = spawn(process.execPath, ['--expose-gc', '--require', join(__dirname, 'memory-report.js'), main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET, PORT: String(port), HOST: '127.0.0.1', LANTERN_DATA_DIR: dataDir, LANTERN_LOG_LEVEL: 'error', LANTERN_SEED_DEMO: 'false', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`Lantern not ready after 120 s: ${out.slice(-500)}`)), 120_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('Lantern is running at')) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        resolve(child)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Lantern exited ${code}: ${out.slice(-500)}`))
    })
  })
}

async function stopLantern(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve()
    }, 15_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

function rssBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) * 1024 : NaN
  } catch {
    return NaN
  }
}

/** The server's own report of its heap (SIGUSR2 to memory-report.js), with its RSS from /proc. */
function serverMemory(child: ChildProcess): Promise<{ rss: number; heapUsed: number; heapTotal: number; heapLive: number }> {
  return new Promise((resolve) => {
    let out = ''
    const timer = setTimeout(() => {
      child.stdout!.off('data', onData)
      resolve({ rss: rssBytes(child.pid!), heapUsed: NaN, heapTotal: NaN, heapLive: NaN })
    }, 5_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const line = /lantern-bench-memory (\{[^\n]*\})\n/.exec(out)
      if (!line) return
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      const m = JSON.parse(line[1]!) as { heapUsed: number; heapTotal: number; heapLive: number | null }
      resolve({ rss: rssBytes(child.pid!), heapUsed: m.heapUsed, heapTotal: m.heapTotal, heapLive: m.heapLive ?? NaN })
    }
    child.stdout!.on('data', onData)
    child.kill('SIGUSR2')
  })
}

async function clientBackends(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()`.execute(db)
  return r.rows[0]!.n
}

// ---- one run of the mix ----------------------------------------------------------------------------

async function inBatches<T>(items: readonly T[], width: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      await fn(items[i]!, i)
    }
  }))
}

async function run(label: string, opts: { port: number; lantern: ChildProcess; db: Kysely<Database>; fixture: Fixture; users: Array<{ email: string; role: Role }> }, figures: Figures) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity })
  const recorder = new Recorder()
  const sessions = opts.users.map((u) => ({ ...u, session: new Session(opts.port, agent, recorder) }))
  const t0 = performance.now()
  await inBatches(sessions, 8, (u) => signIn(u.session, u.email, u.role === 'importer' || u.role === 'packer'))
  figures[`${label}_sign_in_all_s`] = round1((performance.now() - t0) / 1000)

  const before = await serverMemory(opts.lantern)
  const backendsBefore = await clientBackends(opts.db)
  let peakRss = before.rss
  let peakBackends = backendsBefore
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssBytes(opts.lantern.pid!))
    clientBackends(opts.db).then((n) => (peakBackends = Math.max(peakBackends, n)), () => {})
  }, 1000)

  const started = performance.now()
  const deadline = started + SECONDS * 1000
  try {
    await Promise.all(sessions.map(async ({ role, session }, u) => {
      let i = u
      while (performance.now() < deadline) await WORK[role](session, opts.fixture, i++)
    }))
  } finally {
    clearInterval(sampler)
  }
  const wallS = (performance.now() - started) / 1000
  const after = await serverMemory(opts.lantern)
  const backendsAfter = await clientBackends(opts.db)
  agent.destroy()

  const total = [...recorder.byKind.values()].reduce((n, l) => n + l.length, 0)
  figures[`${label}_sessions`] = sessions.length
  figures[`${label}_mix`] = Object.entries(sessions.reduce<Record<string, number>>((m, s) => ({ ...m, [s.role]: (m[s.role] ?? 0) + 1 }), {})).map(([r, n]) => `${n} ${r}`).join(', ')
  figures[`${label}_seconds`] = round1(wallS)
  figures[`${label}_requests`] = total
  figures[`${label}_req_per_s`] = round1(total / wallS)
  figures[`${label}_errors`] = recorder.errors
  if (recorder.errors) figures[`${label}_error_list`] = [...recorder.errorList].map(([k, n]) => `${n}× ${k}`).join(' | ')
  for (const [kind, list] of [...recorder.byKind].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => a - b)
    figures[`${label}_${kind}`] = `${list.length} requests, p50 ${round1(percentile(sorted, 50))} ms, p99 ${round1(percentile(sorted, 99))} ms, max ${round1(sorted[sorted.length - 1]!)} ms`
  }
  figures[`${label}_server_rss_mb`] = `${mb(before.rss)} before, ${mb(peakRss)} peak, ${mb(after.rss)} after`
  figures[`${label}_server_heap_used_mb`] = `${mb(before.heapUsed)} before, ${mb(after.heapUsed)} after (heap total ${mb(before.heapTotal)} → ${mb(after.heapTotal)})`
  figures[`${label}_server_heap_live_after_gc_mb`] = `${mb(before.heapLive)} before, ${mb(after.heapLive)} after`
  figures[`${label}_pg_client_backends`] = `${backendsBefore} before, ${peakBackends} peak, ${backendsAfter} after`
  return { recorder, total, wallS }
}

export async function benchLoad(): Promise<{ name: string; figures: Figures }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-bench-load-'))
  const server = await startEmbeddedPostgres({ dataDir, fast: true })
  const db = connect(server.url, 3)
  // the bench's own connection while it measures: one, so that PostgreSQL's client backends besides it are Lantern's
  let measure: Kysely<Database> | undefined
  let lantern: ChildProcess | undefined
  const figures: Figures = {}
  try {
    await migrateToLatest(db)
    const seedStarted = performance.now()
    await seedDemo(db)
    figures.seed_demo_s = round1((performance.now() - seedStarted) / 1000)
    const school = await accounts.findSchoolByUrn(db, URN)
    if (!school) throw new Error('the demo school was not seeded')
    const pupilIds = (await db.selectFrom('pupils').select('id').where('school_id', '=', school.id).orderBy('id').execute()).map((r) => r.id)
    const letterIds = (await db.selectFrom('letters').select('id').where('school_id', '=', school.id).orderBy('id').execute()).map((r) => r.id)
    const meeting = await db.selectFrom('supervision_meetings').select('id').where('school_id', '=', school.id).orderBy('id').executeTakeFirst()
    if (!pupilIds.length || !letterIds.length || !meeting) throw new Error('the demo seed made no pupils, letters or supervision meeting')
    const attendanceCsv = generateCohort(DEMO_COHORTS[URN]!, new Date().toISOString().slice(0, 10)).attendance
    const fixture: Fixture = { pupilIds, letterIds, meetingId: meeting.id, attendanceCsv }
    figures.school = `${school.name}: ${pupilIds.length} pupils, ${letterIds.length} letters, attendance CSV of ${attendanceCsv.toString('utf8').trim().split('\n').length - 1} rows`

    // bench staff: pastoral members (password only) and leads with an authenticator app whose secret is known
    const passwordHash = await hashPassword(PASSWORD)
    const box = secretBox(SESSION_SECRET, 'second-factor secrets v1')
    const makeUsers = async (label: string, roles: Role[]) => {
      const users: Array<{ email: string; role: Role }> = []
      for (const [i, role] of roles.entries()) {
        const email = `${label}-${role}-${i}@bench.lantern.test`
        const lead = role === 'importer' || role === 'packer'
        const user = await accounts.insertUser(db, { email, name: `Bench ${role} ${i}`, passwordHash, mustChangePassword: false })
        await accounts.upsertMembership(db, { userId: user.id, schoolId: school.id, role: lead ? 'lead' : 'pastoral', isDsl: false })
        if (lead) await db.insertInto('second_factors').values({ user_id: user.id, secret_sealed: box.seal(TOTP_SECRET), last_time_step: null }).execute()
        users.push({ email, role })
      }
      return users
    }
    const baselineUsers = await makeUsers('baseline', mix(BASELINE_SESSIONS))
    const loadUsers = await makeUsers('load', mix(SESSIONS))
    await sql`analyze`.execute(db)
    measure = connect(server.url, 1)

    const port = await freePort()
    lantern = await startLantern(server.url, dataDir, port)
    const idle = await serverMemory(lantern)
    figures.server_at_start = `RSS ${mb(idle.rss)} MB, heap used ${mb(idle.heapUsed)} MB (${mb(idle.heapLive)} live after a GC), ${await clientBackends(measure)} PostgreSQL client backends besides the bench's`
    const opts = { port, lantern, db: measure, fixture }
    const baseline = await run('baseline', { ...opts, users: baselineUsers }, figures)
    const loaded = await run('load', { ...opts, users: loadUsers }, figures)
    const imports = await measure.selectFrom('imports').select(sql<number>`count(*)::int`.as('n')).where('school_id', '=', school.id).where('file_name', 'like', 'Year 6 attendance (%').where('status', '=', 'committed').executeTakeFirstOrThrow()
    figures.bench_imports_committed = imports.n
    const p99 = (r: typeof baseline, kind: string) => percentile([...(r.recorder.byKind.get(kind) ?? [])].sort((a, b) => a - b), 99)
    figures.verdict = [
      `${loaded.recorder.errors + baseline.recorder.errors === 0 ? 'ok' : 'ERRORS'}: ${loaded.recorder.errors} errors in ${loaded.total} requests at ${SESSIONS} sessions, ${baseline.recorder.errors} in ${baseline.total} at ${BASELINE_SESSIONS}`,
      `throughput ${round1(loaded.total / loaded.wallS)} req/s at ${SESSIONS} sessions vs ${round1(baseline.total / baseline.wallS)} at ${BASELINE_SESSIONS}`,
      `page p99 ${round1(p99(loaded, 'page_pupil_list'))} ms (list) and ${round1(p99(loaded, 'page_dashboard'))} ms (dashboard) vs ${round1(p99(baseline, 'page_pupil_list'))} and ${round1(p99(baseline, 'page_dashboard'))} at the baseline`
    ].join('; ')
    return { name: `load: ${SESSIONS} signed-in sessions for ${SECONDS} s (pages, letter reviews, a running import, packs printing) beside the same mix at ${BASELINE_SESSIONS}; one Lantern process, 127.0.0.1`, figures }
  } finally {
    await stopLantern(lantern)
    await measure?.destroy()
    await db.destroy()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchLoad().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    }
  )
}
