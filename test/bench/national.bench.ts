// Benchmark: England's Year 7 intake at a fraction of national scale (LANTERN_BENCH_SCALE, 0.1 by
// default: 70,000 pupils in 350 schools of 200, each with four feeder primaries' CTFs, an SDQ file and
// a letters file, written as real files), into one durable PostgreSQL (fsync on). It measures:
//   - the whole intake, school by school, through `importSet` in this process (what `import <dir>
//     --school <urn>` runs, without a process start per school), and the command line itself for a few
//     schools, so the start-up cost per command is seen;
//   - a re-screen of every school (`rescreenSchool`, one after another and four at a time);
//   - table and index sizes after the intake;
//   - school pages (dashboard, pupil list, pupil page) from 4 app instances (`dist/server/main.js`,
//     each its own process and pool, on 127.0.0.1) at 1,000 × scale concurrent signed-in pastoral
//     staff spread over the schools, each request to the next instance in turn as a load balancer
//     would send it; with PostgreSQL's and the instances' CPU, connections in use, and audit and
//     session writes per page view;
//   - the cluster overview, where this build has one (`/cluster`; skipped with a line if it answers 404).
// LANTERN_BENCH_SECONDS (20) is each load's measured length; LANTERN_BENCH_INSTANCES (4) the instances.
// Everything listens on 127.0.0.1; the instances, the database and its files are removed at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { connect } from '../../server/db/connect'
import { runningPostmaster, startEmbeddedPostgres } from '../../server/db/embedded'
import { migrateToLatest } from '../../server/db/migrate'
import type { Database } from '../../server/db/schema'
import { hashPassword } from '../../server/accounts/service'
import * as accounts from '../../server/accounts/store'
import { importSet } from '../../server/imports/service'
import { afterImport, letterAnalyserForImport } from '../../server/letters/analyse-on-import'
import { rescreenSchool } from '../../server/screening/service'
import { generateIntake } from './imports.bench'

const SCALE = Number(process.env.LANTERN_BENCH_SCALE ?? '0.1')
const SECONDS = Number(process.env.LANTERN_BENCH_SECONDS ?? '20')
const INSTANCES = Number(process.env.LANTERN_BENCH_INSTANCES ?? '4')
/** concurrent staff; 1,000 × scale unless given */
const USERS = process.env.LANTERN_BENCH_USERS ? Number(process.env.LANTERN_BENCH_USERS) : undefined
/** `off` runs PostgreSQL without fsync, to see what durable commits cost on this disk */
const FSYNC = process.env.LANTERN_BENCH_FSYNC !== 'off'
const PUPILS_PER_SCHOOL = 200
const PRIMARIES_PER_SCHOOL = 4
const CLI_SAMPLE = 3
const PASSWORD = 'a benchmark password that is long'
const SESSION_SECRET = 'a benchmark session secret shared by every instance'

type Figures = Record<string, number | string>

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN)
const round1 = (n: number) => Math.round(n * 10) / 10
const mb = (bytes: number) => round1(bytes / 1048576)
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

function latencySummary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  return { p50: round1(percentile(sorted, 50)), p99: round1(percentile(sorted, 99)), max: round1(sorted[sorted.length - 1] ?? NaN) }
}

// ---- CPU accounting from /proc (Linux) ------------------------------------------------------------

const TICK_MS = 10 // USER_HZ is 100 on Linux

function procTimes(pid: number): { self: number; children: number; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields[0] is the state (field 3); utime is field 14, so fields[11]
    return { ppid: Number(fields[1]), self: (Number(fields[11]) + Number(fields[12])) * TICK_MS, children: (Number(fields[13]) + Number(fields[14])) * TICK_MS }
  } catch {
    return undefined
  }
}

/** CPU ms used by the postmaster and every backend: live children's own time plus the time of those already reaped. */
function postgresCpuMs(postmaster: number): number {
  const root = procTimes(postmaster)
  if (!root) return NaN
  let total = root.self + root.children
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const t = procTimes(Number(entry))
    if (t && t.ppid === postmaster) total += t.self
  }
  return total
}

const appsCpuMs = (apps: ChildProcess[]) => apps.reduce((sum, a) => sum + (procTimes(a.pid!)?.self ?? 0), 0)

/** ms the instances' threads spent ready to run but waiting for a CPU (/proc/<pid>/task/<tid>/schedstat, field 2): a loaded machine shows here. */
function appsRunQueueMs(apps: ChildProcess[]): number {
  let ns = 0
  for (const a of apps) {
    try {
      for (const tid of readdirSync(`/proc/${a.pid}/task`)) ns += Number(readFileSync(`/proc/${a.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1] ?? 0)
    } catch {
      // the instance has gone: counted as nothing
    }
  }
  return ns / 1e6
}

// ---- a small bounded HTTP client ------------------------------------------------------------------

interface Reply { status: number; body: string; cookies: string[]; location?: string }

function request(agent: http.Agent, port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { accept: 'text/html', ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) }, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const setCookie = res.headers['set-cookie'] ?? []
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookies: setCookie.map((c) => c.split(';')[0]!), ...(res.headers.location ? { location: res.headers.location } : {}) })
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('timed out after 30 s')))
    req.on('error', reject)
    if (body) req.write(body)
    req.end()
  })
}

class Jar {
  private cookies = new Map<string, string>()
  take(r: Reply) {
    for (const c of r.cookies) {
      const eq = c.indexOf('=')
      const value = c.slice(eq + 1)
      if (value) this.cookies.set(c.slice(0, eq), value)
      else this.cookies.delete(c.slice(0, eq))
    }
  }
  get header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

/** Signs in through the real form: the sign-in page for the CSRF token and session cookie, then the post. */
async function signIn(agent: http.Agent, port: number, email: string): Promise<string> {
  const jar = new Jar()
  const page = await request(agent, port, 'GET', '/login', {})
  jar.take(page)
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]
  if (page.status !== 200 || !csrf) throw new Error(`sign-in page: ${page.status}`)
  const form = new URLSearchParams({ _csrf: csrf, email, password: PASSWORD }).toString()
  const posted = await request(agent, port, 'POST', '/login', { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' }, form)
  if (posted.status !== 303) throw new Error(`sign-in as ${email}: ${posted.status}`)
  jar.take(posted)
  return jar.header
}

async function inBatches<T>(items: readonly T[], width: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      await fn(items[i]!, i)
    }
  }))
}

interface Visit { kind: string; path: string }
interface LoadResult { requests: number; errors: number; firstError?: string; wallMs: number; byKind: Map<string, number[]>; all: number[] }

/**
 * Each user repeats their visits for `seconds`, every request to the next instance in turn (no
 * stickiness: a session must work on any instance). Only 200 counts as a success.
 */
async function load(ports: number[], agents: http.Agent[], users: Array<{ cookie: string; visits: Visit[] }>, seconds: number): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, errors: 0, wallMs: 0, byKind: new Map(), all: [] }
  let turn = 0
  const started = performance.now()
  const deadline = started + seconds * 1000
  await Promise.all(users.map(async (user, u) => {
    let i = u
    while (performance.now() < deadline) {
      const visit = user.visits[i++ % user.visits.length]!
      const n = turn++ % ports.length
      const t0 = performance.now()
      try {
        const r = await request(agents[n]!, ports[n]!, 'GET', visit.path, { cookie: user.cookie })
        const ms = performance.now() - t0
        result.requests++
        if (r.status !== 200) {
          result.errors++
          result.firstError ??= `${visit.path}: ${r.status}${r.location ? ` → ${r.location}` : ''}`
          continue
        }
        result.all.push(ms)
        const list = result.byKind.get(visit.kind) ?? []
        list.push(ms)
        result.byKind.set(visit.kind, list)
      } catch (err) {
        result.requests++
        result.errors++
        result.firstError ??= `${visit.path}: ${(err as Error).message}`
      }
    }
  }))
  result.wallMs = performance.now() - started
  return result
}

// ---- app instances --------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function startInstance(databaseUrl: string, dataDir: string, port: number): Promise<ChildProcess> {
  const main = join(__dirname, '..', '..', 'server', 'main.js')
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET, PORT: String(port), HOST: '127.0.0.1', LANTERN_DATA_DIR: dataDir, LANTERN_LOG_LEVEL: 'error', LANTERN_SEED_DEMO: 'false', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`instance on port ${port} not ready after 120 s: ${out.slice(-500)}`)), 120_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('Lantern is running at')) {
        clearTimeout(timer)
        resolve(child)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`instance on port ${port} exited ${code}: ${out.slice(-500)}`))
    })
  })
}

async function stopInstance(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
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

// ---- database figures -----------------------------------------------------------------------------

async function tableSizes(db: Kysely<Database>) {
  const { rows } = await sql<{ name: string; total: string; heap: string; indexes: string; rows: string }>`
    select c.relname as name, pg_total_relation_size(c.oid) as total, pg_relation_size(c.oid) as heap,
           pg_indexes_size(c.oid) as indexes, greatest(c.reltuples, 0)::bigint as rows
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
    order by pg_total_relation_size(c.oid) desc`.execute(db)
  return rows.map((r) => ({ name: r.name, total: Number(r.total), heap: Number(r.heap), indexes: Number(r.indexes), rows: Number(r.rows) }))
}

async function tableWrites(db: Kysely<Database>, table: string): Promise<{ inserts: number; updates: number; deletes: number }> {
  const { rows } = await sql<{ ins: string; upd: string; del: string }>`select n_tup_ins as ins, n_tup_upd as upd, n_tup_del as del from pg_stat_user_tables where relname = ${table}`.execute(db)
  return { inserts: Number(rows[0]?.ins ?? 0), updates: Number(rows[0]?.upd ?? 0), deletes: Number(rows[0]?.del ?? 0) }
}

const auditBytes = async (db: Kysely<Database>) => Number((await sql<{ n: string }>`select pg_total_relation_size('audit_log') as n`.execute(db)).rows[0]!.n)
const auditCount = async (db: Kysely<Database>) => Number((await sql<{ n: string }>`select count(*) as n from audit_log`.execute(db)).rows[0]!.n)

// ---- the benchmark --------------------------------------------------------------------------------

export async function benchNational(): Promise<{ name: string; figures: Figures }> {
  if (!(SCALE > 0 && SCALE <= 1)) throw new Error('LANTERN_BENCH_SCALE must be more than 0 and at most 1')
  const schoolCount = Math.max(2, Math.round(3500 * SCALE))
  const userCount = USERS ?? Math.max(INSTANCES, Math.min(1000, Math.round(1000 * SCALE)))
  const year = new Date().getUTCFullYear()
  const figures: Figures = { scale: SCALE, schools: schoolCount, pupils: schoolCount * PUPILS_PER_SCHOOL, concurrent_users: userCount, instances: INSTANCES, load_seconds: SECONDS, fsync: FSYNC ? 'on' : 'off', load_average_at_start: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') }
  const say = (line: string) => process.stdout.write(`  … ${line}\n`)

  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-bench-national-'))
  const apps: ChildProcess[] = []
  const agents: http.Agent[] = []
  // durable (fsync and synchronous commit on, as in production) unless LANTERN_BENCH_FSYNC=off
  const server = await startEmbeddedPostgres({ dataDir, fast: !FSYNC })
  // Ctrl-C: the instances, the database and its files go too
  const onSignal = () => {
    for (const a of apps) a.kill('SIGKILL')
    void server.stop().catch(() => {}).finally(() => {
      rmSync(dataDir, { recursive: true, force: true })
      process.exit(130)
    })
  }
  process.once('SIGINT', onSignal)
  const db = connect(server.url, 5)
  try {
    await migrateToLatest(db)
    const postmaster = runningPostmaster(join(dataDir, 'postgres'))?.pid
    if (!postmaster) throw new Error('cannot find the PostgreSQL server process')

    // -- the intake as files, one folder per school
    let t0 = performance.now()
    const intakeDir = join(dataDir, 'intake')
    const schools: Array<{ id: number; urn: string; dir: string }> = []
    let inputBytes = 0
    for (let i = 0; i < schoolCount; i++) {
      const urn = String(400000 + i)
      const dir = join(intakeDir, urn)
      mkdirSync(dir, { recursive: true })
      const intake = generateIntake(year, { primaries: PRIMARIES_PER_SCHOOL, perPrimary: PUPILS_PER_SCHOOL / PRIMARIES_PER_SCHOOL, seed: 1000 + i, firstPrimary: i * PRIMARIES_PER_SCHOOL })
      intake.ctfs.forEach((ctf, p) => writeFileSync(join(dir, `primary-${p + 1}.xml`), ctf))
      writeFileSync(join(dir, 'sdq.csv'), intake.sdq)
      writeFileSync(join(dir, 'letters.csv'), intake.letters)
      inputBytes += intake.ctfs.reduce((a, b) => a + b.length, 0) + intake.sdq.length + intake.letters.length
      const school = await accounts.insertSchool(db, urn, `Synthetic Secondary ${i + 1}`)
      schools.push({ id: school.id, urn, dir })
    }
    figures.generate_ms = Math.round(performance.now() - t0)
    figures.input_mb = mb(inputBytes)
    say(`${schoolCount} schools' files written (${mb(inputBytes)} MB); importing`)

    // -- (a) the import: every school's folder as one set, as `import <dir> --school <urn>` does
    const perSchool: number[] = []
    let fileRows = 0
    t0 = performance.now()
    const pgCpuBefore = postgresCpuMs(postmaster)
    const cpuBefore = process.cpuUsage()
    for (const school of schools) {
      const s0 = performance.now()
      const files = readdirSync(school.dir).sort().map((name) => ({ fileName: name, content: readFileSync(join(school.dir, name)) }))
      const set = await importSet(db, files, { schoolId: school.id, userId: null, analyseLetter: letterAnalyserForImport(), afterWrite: afterImport })
      if (!set.imported) throw new Error(`school ${school.urn}: ${set.files.find((f) => f.result.errors.length)?.result.errors[0]?.message}`)
      fileRows += set.files.reduce((n, f) => n + f.result.rows, 0)
      perSchool.push(performance.now() - s0)
      if (perSchool.length % 50 === 0) say(`${perSchool.length} schools imported`)
    }
    const importMs = performance.now() - t0
    const cpu = process.cpuUsage(cpuBefore)
    const importSchool = latencySummary(perSchool)
    Object.assign(figures, {
      import_how: 'in-process importSet per school folder (the code `import <dir> --school <urn>` runs), schools one after another',
      import_ms: Math.round(importMs),
      import_file_rows: fileRows,
      import_pupils_per_s: Math.round((schoolCount * PUPILS_PER_SCHOOL) / (importMs / 1000)),
      import_school_p50_ms: importSchool.p50,
      import_school_p99_ms: importSchool.p99,
      // whether a school's import slows as the tables fill: the first tenth of schools beside the last
      import_first_tenth_mean_ms: Math.round(mean(perSchool.slice(0, Math.max(1, Math.floor(schoolCount / 10))))),
      import_last_tenth_mean_ms: Math.round(mean(perSchool.slice(-Math.max(1, Math.floor(schoolCount / 10))))),
      import_node_cpu_s: round1((cpu.user + cpu.system) / 1e6),
      import_postgres_cpu_s: round1((postgresCpuMs(postmaster) - pgCpuBefore) / 1000)
    })

    // the command line for a few schools (a re-import: every row an update), one process each
    const cli = join(__dirname, '..', '..', 'server', 'cli.js')
    const cliMs: number[] = []
    for (const school of schools.slice(0, Math.min(CLI_SAMPLE, schools.length))) {
      const c0 = performance.now()
      const r = spawnSync(process.execPath, [cli, 'import', school.dir, '--school', school.urn], {
        env: { ...process.env, DATABASE_URL: server.url, SESSION_SECRET, LANTERN_LOG_LEVEL: 'silent' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024
      })
      if (r.status !== 0) throw new Error(`cli import ${school.urn} exited ${r.status}: ${r.stderr.slice(0, 500)}`)
      cliMs.push(performance.now() - c0)
    }
    figures.cli_reimport_per_school_ms = Math.round(cliMs.reduce((a, b) => a + b, 0) / cliMs.length)
    // a command that only opens the database and checks its schema: the cost of starting one
    const c0 = performance.now()
    const started0 = spawnSync(process.execPath, [cli, 'migrate'], { env: { ...process.env, DATABASE_URL: server.url, SESSION_SECRET, LANTERN_LOG_LEVEL: 'silent' }, encoding: 'utf8' })
    if (started0.status === 0) figures.cli_start_ms = Math.round(performance.now() - c0)
    say('re-screening every school')

    // -- (b) a re-screen of every school: one after another, then four at a time
    const rescreenOne: number[] = []
    t0 = performance.now()
    for (const school of schools) {
      const s0 = performance.now()
      await rescreenSchool(db, school.id)
      rescreenOne.push(performance.now() - s0)
    }
    const rescreenMs = performance.now() - t0
    const wide = connect(server.url, 4)
    t0 = performance.now()
    await inBatches(schools, 4, async (school) => {
      await rescreenSchool(wide, school.id)
    })
    const rescreen4Ms = performance.now() - t0
    await wide.destroy()
    const rs = latencySummary(rescreenOne)
    Object.assign(figures, { rescreen_all_ms: Math.round(rescreenMs), rescreen_school_p50_ms: rs.p50, rescreen_school_p99_ms: rs.p99, rescreen_all_4_at_once_ms: Math.round(rescreen4Ms) })

    // -- sizes after the intake, with planner statistics as autovacuum would have them
    await sql`vacuum analyze`.execute(db)
    const sizes = await tableSizes(db)
    figures.database_mb = mb(Number((await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0]!.n))
    for (const t of sizes.slice(0, 10)) figures[`size_${t.name}`] = `${mb(t.total)} MB total, ${mb(t.heap)} MB table, ${mb(t.indexes)} MB indexes, ${t.rows} rows`

    // -- staff: pastoral (no second factor), spread over the schools; one with every school for the overview
    const passwordHash = await hashPassword(PASSWORD)
    const staff: Array<{ email: string; school: (typeof schools)[number] }> = []
    for (let u = 0; u < userCount; u++) {
      const school = schools[Math.floor((u * schoolCount) / userCount)]!
      const user = await accounts.insertUser(db, { email: `pastoral${u}@bench.test`, name: `Pastoral ${u}`, passwordHash, mustChangePassword: false })
      await accounts.upsertMembership(db, { userId: user.id, schoolId: school.id, role: 'pastoral', isDsl: false })
      staff.push({ email: user.email, school })
    }
    const overseer = await accounts.insertUser(db, { email: 'cluster@bench.test', name: 'Cluster overview', passwordHash, mustChangePassword: false })
    for (const school of schools) await accounts.upsertMembership(db, { userId: overseer.id, schoolId: school.id, role: 'pastoral', isDsl: false })

    // -- (c) the app instances, started at once (so their migrations and start-up checks race, as a rolling deploy's would)
    const ports: number[] = []
    for (let i = 0; i < INSTANCES; i++) ports.push(await freePort())
    t0 = performance.now()
    const started = await Promise.allSettled(ports.map((port, i) => startInstance(server.url, join(dataDir, `app-${i}`), port)))
    for (const s of started) if (s.status === 'fulfilled') apps.push(s.value)
    const failed = started.find((s) => s.status === 'rejected')
    if (failed) throw (failed as PromiseRejectedResult).reason
    figures.instances_ready_ms = Math.round(performance.now() - t0)
    for (let i = 0; i < INSTANCES; i++) agents.push(new http.Agent({ keepAlive: true, maxSockets: userCount + 8 }))
    say(`${INSTANCES} instances up; signing ${userCount} staff in`)

    const pupilIds = new Map<number, number[]>()
    for (const row of await db.selectFrom('pupils').select(['id', 'school_id']).where('school_id', 'in', [...new Set(staff.map((s) => s.school.id))]).orderBy('id').execute()) {
      const list = pupilIds.get(row.school_id) ?? []
      if (list.length < 20) list.push(row.id)
      pupilIds.set(row.school_id, list)
    }
    const users: Array<{ cookie: string; visits: Visit[] }> = []
    t0 = performance.now()
    await inBatches(staff, 8, async (member, u) => {
      const cookie = await signIn(agents[u % INSTANCES]!, ports[u % INSTANCES]!, member.email)
      const base = `/s/${member.school.urn}`
      const visits: Visit[] = []
      for (const id of pupilIds.get(member.school.id) ?? []) visits.push({ kind: 'dashboard', path: base }, { kind: 'pupil_list', path: `${base}/pupils` }, { kind: 'pupil', path: `${base}/pupils/${id}` })
      users[u] = { cookie, visits }
    })
    figures.sign_in_all_ms = Math.round(performance.now() - t0)

    // warm-up (templates, JIT, the instances' caches), not measured
    await load(ports, agents, users, Math.min(5, SECONDS))
    await new Promise((r) => setTimeout(r, 1500)) // PostgreSQL's table statistics are flushed about once a second
    const auditRowsBefore = await auditCount(db)
    const auditBytesBefore = await auditBytes(db)
    const sessionsBefore = await tableWrites(db, 'sessions')
    const pgBefore = postgresCpuMs(postmaster)
    const appsBefore = appsCpuMs(apps)
    const queueBefore = appsRunQueueMs(apps)
    const clientBefore = process.cpuUsage()
    let peakConnections = 0
    // what the database's client backends are doing, sampled: running on CPU, waiting (and on what), or idle
    const waits = new Map<string, number>()
    let samples = 0
    const sampler = setInterval(() => {
      void sql<{ what: string; n: string }>`
        select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'on CPU') else coalesce(state, 'unknown') end as what, count(*) as n
        from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid() group by 1`.execute(db).then(
        (r) => {
          samples++
          peakConnections = Math.max(peakConnections, r.rows.reduce((n, row) => n + Number(row.n), 0))
          for (const row of r.rows) waits.set(row.what, (waits.get(row.what) ?? 0) + Number(row.n))
        },
        () => {}
      )
    }, 250)
    say(`loading school pages for ${SECONDS} s`)
    const pages = await load(ports, agents, users, SECONDS)
    clearInterval(sampler)
    const pgCpu = postgresCpuMs(postmaster) - pgBefore
    const appCpu = appsCpuMs(apps) - appsBefore
    const appQueue = appsRunQueueMs(apps) - queueBefore
    const clientCpu = process.cpuUsage(clientBefore)
    await new Promise((r) => setTimeout(r, 1500))
    const auditRows = (await auditCount(db)) - auditRowsBefore
    const auditGrowth = (await auditBytes(db)) - auditBytesBefore
    const sessionsAfter = await tableWrites(db, 'sessions')
    const all = latencySummary(pages.all)
    const ok = pages.requests - pages.errors
    Object.assign(figures, {
      pages_requests: pages.requests,
      pages_errors: pages.errors,
      ...(pages.firstError ? { pages_first_error: pages.firstError } : {}),
      pages_req_per_s: Math.round(pages.requests / (pages.wallMs / 1000)),
      pages_p50_ms: all.p50,
      pages_p99_ms: all.p99,
      pages_max_ms: all.max
    })
    for (const [kind, ms] of pages.byKind) {
      const s = latencySummary(ms)
      figures[`${kind}_p50_ms`] = s.p50
      figures[`${kind}_p99_ms`] = s.p99
    }
    const wallS = pages.wallMs / 1000
    Object.assign(figures, {
      postgres_cpu_cores: round1(pgCpu / 1000 / wallS),
      instances_cpu_cores: round1(appCpu / 1000 / wallS),
      // threads of the instances that were ready to run, on average, but had no CPU to run on
      instances_waiting_for_cpu: round1(appQueue / 1000 / wallS),
      load_client_cpu_cores: round1((clientCpu.user + clientCpu.system) / 1e6 / wallS),
      postgres_cpu_ms_per_page: round1(pgCpu / pages.requests),
      instances_cpu_ms_per_page: round1(appCpu / pages.requests),
      peak_client_connections: peakConnections,
      postgres_backends_by_state: [...waits].sort((a, b) => b[1] - a[1]).map(([what, n]) => `${what} ${round1(n / Math.max(1, samples))}`).join(', '),
      audit_rows_per_page: round1(auditRows / ok),
      audit_bytes_per_row: Math.round(auditGrowth / Math.max(1, auditRows)),
      session_writes_per_page: round1((sessionsAfter.inserts + sessionsAfter.updates + sessionsAfter.deletes - sessionsBefore.inserts - sessionsBefore.updates - sessionsBefore.deletes) / pages.requests)
    })

    // -- (d) the cluster overview, if this build has one
    const overseerCookie = await signIn(agents[0]!, ports[0]!, overseer.email)
    const probe = await request(agents[0]!, ports[0]!, 'GET', '/cluster', { cookie: overseerCookie })
    if (probe.status === 404) {
      figures.cluster = 'skipped: /cluster answers 404 in this build'
    } else if (probe.status !== 200) {
      figures.cluster = `skipped: /cluster answers ${probe.status}${probe.location ? ` → ${probe.location}` : ''} for a pastoral member of every school`
    } else {
      const overviewUsers = Array.from({ length: 10 }, () => ({ cookie: overseerCookie, visits: [{ kind: 'cluster', path: '/cluster' }] }))
      const overview = await load(ports, agents, overviewUsers, Math.min(10, SECONDS))
      const s = latencySummary(overview.all)
      Object.assign(figures, { cluster_schools: schoolCount, cluster_connections: 10, cluster_requests: overview.requests, cluster_errors: overview.errors, cluster_p50_ms: s.p50, cluster_p99_ms: s.p99, cluster_req_per_s: Math.round(overview.requests / (overview.wallMs / 1000)) })
    }
    figures.load_average_at_end = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
    figures.verdict = [
      `import ${Math.round(importMs / 1000)} s for ${schoolCount * PUPILS_PER_SCHOOL} pupils (×${round1(1 / SCALE)} → ~${Math.round(importMs / SCALE / 60000)} min at full scale, target < 10)`,
      `re-screen ${round1(rescreenMs / 1000)} s (×${round1(1 / SCALE)} → ~${Math.round(rescreenMs / SCALE / 1000)} s one after another, target < 30)`,
      `pages p99 ${all.p99} ms at ${userCount} users (target < 100)`
    ].join('; ')
    return { name: 'national', figures }
  } finally {
    process.removeListener('SIGINT', onSignal)
    for (const a of agents) a.destroy()
    await Promise.all(apps.map(stopInstance))
    await db.destroy()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchNational().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err) => {
      console.error(err)
      process.exit(1)
    }
  )
}
