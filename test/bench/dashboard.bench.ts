// Benchmark: the dashboard and the 400-pupil list under 20 concurrent connections (autocannon over
// 127.0.0.1, the median of 3 rounds of 5 s), beside a bare Fastify route rendering the same template with the same data from
// memory — so the ratio is the cost of Lantern's own work (session, access, queries, audit) — and beside
// the staff page, the floor any signed-in page pays, with its own bare render.
// Lantern runs as `node dist/server/main.js` against the bench's embedded PostgreSQL, the bare routes
// in another process (bare-server.ts), and autocannon here: no two share an event loop.
// Run alone: `npm run -s build && node dist/test/bench/dashboard.bench.js`.
// BENCH_PAGES=list,dashboard,signed_in_floor measures only those. BENCH_CPU_PROF=<dir> starts Lantern with `--cpu-prof` into that folder (read it with cpu-profile.js).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { generate } from 'otplib'
import { connect } from '../../server/db/connect'
import { startEmbeddedPostgres } from '../../server/db/embedded'
import { migrateToLatest } from '../../server/db/migrate'
import { hashPassword } from '../../server/accounts/service'
import * as accounts from '../../server/accounts/store'
import { projectRoot } from '../../server/paths'
import { secretBox } from '../../server/platform/secret-box'
import { rescreenSchool } from '../../server/screening/service'
import { loadPupils, type TestPupil } from '../screening/cohort'

const PUPILS = 400
const PASSWORD = 'a benchmark password that is long'

interface AutocannonResult {
  latency: { p50: number; p99: number }
  requests: { average: number; total: number }
  non2xx: number
  errors: number
}
// autocannon ships no types; this is the little of it used here.
const autocannon = require('autocannon') as (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>

function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let x = Math.imul(s ^ (s >>> 15), 1 | s)
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = ['Okafor', 'Hughes', 'Kowalska', 'Patel', 'Smith', 'Nguyen', 'Brennan', 'Ahmed', 'Jones', 'Evans', 'Murphy', 'Ali']
const FORENAMES = ['Amara', 'Callum', 'Zofia', 'Aisha', 'Oliver', 'Mia', 'Noah', 'Ivy', 'Leo', 'Freya', 'Yusuf', 'Ruby']

export function syntheticIntake(n: number): TestPupil[] {
  const r = random(11)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!
  const score = () => String(85 + Math.floor(r() * 36))
  const sdq = (): [number, number, number, number, number, number] => [Math.floor(r() * 9), Math.floor(r() * 7), Math.floor(r() * 10), Math.floor(r() * 7), 3 + Math.floor(r() * 8), Math.floor(r() * 4)]
  return Array.from({ length: n }, (_, i): TestPupil => {
    const concern = pick(['none', 'some', 'some', 'some', 'high'] as const)
    return {
      n: i + 1,
      surname: pick(SURNAMES),
      forename: pick(FORENAMES),
      form: `7${pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P'])}`,
      sen: pick(['N', 'N', 'N', 'N', 'N', 'K', 'E'] as const),
      fsm: r() < 0.25,
      lookedAfter: r() < 0.01,
      socialCare: r() < 0.01 ? 'CP' : r() < 0.03 ? 'CIN' : 'none',
      ks2: { reading: score(), maths: score(), gps: score(), writing: pick(['GDS', 'EXS', 'EXS', 'WTS']) },
      attendance: { possible: 380, absent: Math.floor(r() * r() * 120) },
      sdq: r() < 0.8 ? { self: sdq(), ...(r() < 0.4 ? { parent: sdq() } : {}) } : {},
      letter: r() < 0.9 ? { text: `Dear future me, pupil ${i + 1} here.`, analysis: { concern, worries: [], interests: [], safeguarding: r() < 0.01 ? [{ category: 'self_harm', text: 'pupil', start: 16, end: 21 }] : [] } } : undefined
    }
  })
}

const ROUNDS = 3
const SESSION_SECRET = 'a benchmark session secret that is long enough'

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

/** Starts a node process and waits for the line that says it listens; its output is kept for an error. */
function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start in 60 s:\n${output}`)), 60_000)
    const seen = (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ child, match })
      }
    }
    child.stdout!.on('data', seen)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`))
    })
  })
}

function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Signs in over HTTP as a browser would, and returns the Cookie header for the signed-in session. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>()
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      jar.set(pair.slice(0, at), pair.slice(at + 1))
    }
  }
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const form = await fetch(`${base}/login`, { headers: { accept: 'text/html' } })
  keep(form)
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
  if (!token) throw new Error('no CSRF token on the sign-in page')
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: 'text/html', cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password }).toString()
  })
  keep(res)
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`)
  // a lead gives the code from their authenticator app as well
  if (res.headers.get('location')?.startsWith('/login/code')) {
    const page = await fetch(`${base}/login/code`, { headers: { accept: 'text/html', cookie: header() } })
    keep(page)
    const codeToken = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1]
    if (!codeToken) throw new Error('no CSRF token on the code page')
    const coded = await fetch(`${base}/login/code`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: codeToken, code: await generate({ secret: TOTP_SECRET }) }).toString()
    })
    keep(coded)
    if (coded.status !== 303 || coded.headers.get('location')?.startsWith('/login')) throw new Error(`the second step failed: ${coded.status} ${coded.headers.get('location')}`)
  }
  return header()
}

/** The bench lead's authenticator secret (leads sign in with a second factor). */
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

type Figures = { p50: number; p99: number; rps: number }

async function once(url: string, duration: number, headers?: Record<string, string>): Promise<Figures> {
  const r = await autocannon({ url, connections: 20, duration, ...(headers ? { headers } : {}) })
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx responses, ${r.errors} errors`)
  return { p50: r.latency.p50, p99: r.latency.p99, rps: Math.round(r.requests.average) }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * A page and its bare render, in turns (ROUNDS of 5 s each after a 1 s warm-up of both), so that other
 * work on the machine weighs on both alike; each figure is the median of its rounds.
 */
async function compare(real: { url: string; headers: Record<string, string> }, bare: string): Promise<{ real: Figures; bare: Figures }> {
  await once(real.url, 1, real.headers)
  await once(bare, 1)
  const reals: Figures[] = []
  const bares: Figures[] = []
  for (let i = 0; i < ROUNDS; i++) {
    reals.push(await once(real.url, 5, real.headers))
    bares.push(await once(bare, 5))
  }
  const summary = (runs: Figures[]): Figures => ({ p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), rps: median(runs.map((r) => r.rps)) })
  return { real: summary(reals), bare: summary(bares) }
}

export async function benchDashboard(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-bench-dashboard-'))
  const server = await startEmbeddedPostgres({ dataDir, fast: true })
  const db = connect(server.url, 5)
  let lanternProcess: ChildProcess | undefined
  let bareProcess: ChildProcess | undefined
  try {
    await migrateToLatest(db)
    const school = await accounts.insertSchool(db, '380401', 'Benchmark Academy')
    const user = await accounts.insertUser(db, { email: 'lead@bench.test', name: 'Bench Lead', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false })
    await accounts.upsertMembership(db, { userId: user.id, schoolId: school.id, role: 'lead', isDsl: true })
    await db.insertInto('second_factors').values({ user_id: user.id, secret_sealed: secretBox(SESSION_SECRET, 'second-factor secrets v1').seal(TOTP_SECRET), last_time_step: null }).execute()
    await loadPupils(db, school.id, user.id, syntheticIntake(PUPILS))
    await rescreenSchool(db, school.id)
    // Planner statistics as autovacuum would have them a minute after an import, not straight after the bulk load.
    await sql`analyze`.execute(db)
    const urn = school.urn.trim()

    const port = await freePort()
    const profile = process.env.BENCH_CPU_PROF
    const lanternArgs = [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), join(projectRoot, 'dist', 'server', 'main.js')]
    lanternProcess = (await startProcess(lanternArgs, { DATABASE_URL: server.url, SESSION_SECRET, PORT: String(port), HOST: '127.0.0.1', LANTERN_DATA_DIR: dataDir, LANTERN_LOG_LEVEL: 'warn' }, /Lantern is running at/)).child
    const bare = await startProcess([join(__dirname, 'bare-server.js')], { DATABASE_URL: server.url, BENCH_SCHOOL_ID: String(school.id), BENCH_USER_ID: String(user.id) }, /listening (\d+)/)
    bareProcess = bare.child
    const lantern = `http://127.0.0.1:${port}`
    const memory = `http://127.0.0.1:${bare.match[1]}`
    const cookie = await signIn(lantern, 'lead@bench.test', PASSWORD)
    const headers = { cookie, accept: 'text/html' }

    const figures: Record<string, number | string> = { pupils: PUPILS }
    const pages = [
      ['dashboard', `/s/${urn}`, '/dashboard'],
      ['list', `/s/${urn}/pupils`, '/pupils'],
      // the platform's floor: a signed-in page of the same school with one small query (the staff list)
      ['signed_in_floor', `/s/${urn}/staff`, '/staff']
    ] as const
    // BENCH_PAGES=list,dashboard measures only those (for profiling one page)
    const only = process.env.BENCH_PAGES?.split(',')
    for (const [name, path, barePath] of pages.filter(([name]) => !only || only.includes(name))) {
      const { real, bare: mem } = await compare({ url: `${lantern}${path}`, headers }, `${memory}${barePath}`)
      figures[`${name}_p50_ms`] = real.p50
      figures[`${name}_p99_ms`] = real.p99
      figures[`${name}_req_per_s`] = real.rps
      figures[`${name}_bare_p50_ms`] = mem.p50
      figures[`${name}_bare_p99_ms`] = mem.p99
      figures[`${name}_bare_req_per_s`] = mem.rps
      figures[`${name}_share_of_bare`] = Math.round((real.rps / Math.max(mem.rps, 1)) * 100) / 100
    }
    const share = (name: string) => (figures[`${name}_share_of_bare`] as number | undefined) ?? 0
    const p99 = (name: string) => (figures[`${name}_p99_ms`] as number | undefined) ?? 0
    const verdicts = [
      `dashboard ${share('dashboard') >= 0.5 && p99('dashboard') < 50 ? 'ok' : 'SLOW'}: ${Math.round(share('dashboard') * 100)}% of the bare render's throughput (target ≥ 50%), p99 ${p99('dashboard')} ms (target < 50)`,
      `list ${p99('list') < 150 ? 'ok' : 'SLOW'}: p99 ${p99('list')} ms (target < 150)`,
      `signed-in floor ${share('signed_in_floor') >= 0.5 ? 'ok' : 'SLOW'}: ${Math.round((1 / Math.max(share('signed_in_floor'), 0.01)) * 10) / 10}× the bare route's cost (target ≤ 2×)`
    ]
    figures.verdict = verdicts.join('; ')
    return { name: `dashboard and pupil list: ${PUPILS} pupils, 20 connections, ${ROUNDS} rounds of 5 s each beside the bare render, server and load generator in separate processes`, figures }
  } finally {
    await stopProcess(bareProcess)
    await stopProcess(lanternProcess)
    await db.destroy()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchDashboard().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    }
  )
}
