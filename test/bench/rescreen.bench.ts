// Benchmark: re-screening schools whose results are already stored, the old way (rescreen-before.ts:
// every result deleted and inserted again) beside the way `rescreenSchool` does it (only the rows that differ written), in
// the same run against the same database: once with nothing changed, once with about 5% of each
// school's pupils changed (their attendance) before every re-screen. Real imports (CTFs, SDQ, letters)
// into a durable embedded PostgreSQL (fsync on) fill the schools first.
// Run alone: `npm run -s build && node dist/test/bench/rescreen.bench.js`; `npm run bench -- rescreen`.
// LANTERN_BENCH_SHAPES="20x200,1x4000" (schools × pupils) and LANTERN_BENCH_ROUNDS (default 3) change it;
// LANTERN_BENCH_WAYS=changed_only measures one way only, and LANTERN_BENCH_CPU_PROF=<file> writes a V8
// profile of the re-screens alone (read it with cpu-profile.js).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { connect } from '../../server/db/connect'
import { startEmbeddedPostgres } from '../../server/db/embedded'
import { migrateToLatest } from '../../server/db/migrate'
import type { Database } from '../../server/db/schema'
import * as accounts from '../../server/accounts/store'
import { importSet } from '../../server/imports/service'
import { afterImport, letterAnalyserForImport } from '../../server/letters/analyse-on-import'
import { rescreenSchool } from '../../server/screening/service'
import { rescreenInFull } from './rescreen-before'
import { generateIntake } from './imports.bench'

type Db = Kysely<Database>

const SHAPES = (process.env.LANTERN_BENCH_SHAPES ?? '20x200,1x4000').split(',').map((s) => {
  const [schools, pupils] = s.split('x').map(Number)
  if (!schools || !pupils || pupils % 4 !== 0 || pupils > 4000) throw new Error(`LANTERN_BENCH_SHAPES: "${s}" is not <schools>x<pupils> (pupils a multiple of 4, at most 4,000)`)
  return { schools, pupils }
})
const ROUNDS = Number(process.env.LANTERN_BENCH_ROUNDS ?? 3)
const CHANGED_SHARE = 0.05
const PROFILE = process.env.LANTERN_BENCH_CPU_PROF

const WAYS = { full: rescreenInFull, changed_only: rescreenSchool } as const
type Way = keyof typeof WAYS
const MEASURED = (process.env.LANTERN_BENCH_WAYS ?? 'full,changed_only').split(',').filter((w): w is Way => w in WAYS)

async function walBytes(db: Db): Promise<bigint> {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn() - '0/0'::pg_lsn as lsn`.execute(db)
  return BigInt(rows[0]!.lsn)
}

/** A transaction id: rows whose xmin is later were inserted or updated after it. */
async function currentXid(db: Db): Promise<bigint> {
  const { rows } = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(db)
  return BigInt(rows[0]!.xid)
}

async function resultRowsWrittenSince(db: Db, schoolId: number, xid: bigint): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from screening_results where school_id = ${schoolId} and xmin::text::bigint > ${xid.toString()}::bigint`.execute(db)
  return rows[0]!.n
}

async function viewVersions(db: Db, ids: readonly number[]): Promise<number> {
  const { rows } = await sql<{ n: string }>`select coalesce(sum(view_version), 0) as n from school_data_versions where school_id = any(${sql.val([...ids])}::int[])`.execute(db)
  return Number(rows[0]!.n)
}

/** Moves the attendance of about 5% of the school's pupils (the same ones each time, back and forth): their results change. */
async function changeSomePupils(db: Db, schoolId: number, round: number) {
  await sql`
    update attendance set absent = case when ${round % 2 === 0} then absent + 60 else greatest(absent - 60, 0) end
    where school_id = ${schoolId} and pupil_id in (
      select id from pupils where school_id = ${schoolId} order by id limit greatest(1, (select count(*) from pupils where school_id = ${schoolId}) * ${CHANGED_SHARE}::float8)::int
    )`.execute(db)
}

interface Measure { ms: number; wal: bigint; writes: number; viewMoves: number; cpuMs: number }

async function measure(db: Db, ids: readonly number[], way: Way, before?: (schoolId: number) => Promise<void>): Promise<Measure> {
  let ms = 0
  let cpuMs = 0
  let wal = 0n
  let writes = 0
  let viewMoves = 0
  for (const schoolId of ids) {
    if (before) await before(schoolId)
    const wal0 = await walBytes(db)
    const xid = await currentXid(db)
    const view0 = await viewVersions(db, [schoolId])
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    await WAYS[way](db, schoolId)
    ms += performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    cpuMs += (cpu.user + cpu.system) / 1000
    wal += (await walBytes(db)) - wal0
    writes += await resultRowsWrittenSince(db, schoolId, xid)
    viewMoves += (await viewVersions(db, [schoolId])) - view0
  }
  return { ms, wal, writes, viewMoves, cpuMs }
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}

export async function benchRescreen(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const figures: Record<string, number | string> = { load_average_at_start: loadAverage(), rounds: ROUNDS, changed_share: CHANGED_SHARE }
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-bench-rescreen-'))
  const server = await startEmbeddedPostgres({ dataDir, fast: false })
  const db = connect(server.url, 5)
  const year = new Date().getUTCFullYear()
  try {
    await migrateToLatest(db)
    let schoolNumber = 0
    for (const shape of SHAPES) {
      const ids: number[] = []
      for (let i = 0; i < shape.schools; i++) {
        const n = schoolNumber++
        const school = await accounts.insertSchool(db, String(500000 + n), `Synthetic Secondary ${n + 1}`)
        const intake = generateIntake(year, { primaries: 4, perPrimary: shape.pupils / 4, seed: 2000 + n, firstPrimary: n * 4 })
        const files = [...intake.ctfs.map((content, p) => ({ fileName: `primary-${p + 1}.xml`, content })), { fileName: 'sdq.csv', content: intake.sdq }, { fileName: 'letters.csv', content: intake.letters }]
        const set = await importSet(db, files, { schoolId: school.id, userId: null, analyseLetter: letterAnalyserForImport(), afterWrite: afterImport })
        if (!set.imported) throw new Error(`school ${n + 1}: the intake did not import`)
        ids.push(school.id)
      }
      await sql`vacuum analyze`.execute(db)
      const label = `${shape.schools}x${shape.pupils}`
      const pupils = shape.schools * shape.pupils
      // warm up both ways once, then alternate them round by round so that the machine's load falls on both alike
      for (const way of MEASURED) await measure(db, ids.slice(0, 1), way)
      const totals: Record<string, Measure[]> = {}
      let round = 0
      const session = PROFILE ? new Session() : undefined
      if (session) {
        session.connect()
        await session.post('Profiler.enable')
        await session.post('Profiler.start')
      }
      for (let r = 0; r < ROUNDS; r++) {
        for (const way of r % 2 === 0 ? MEASURED : [...MEASURED].reverse()) {
          ;(totals[`${way}_unchanged`] ??= []).push(await measure(db, ids, way))
          const thisRound = round++
          ;(totals[`${way}_5pct_changed`] ??= []).push(await measure(db, ids, way, (id) => changeSomePupils(db, id, thisRound)))
        }
      }
      if (session) {
        const { profile } = await session.post('Profiler.stop')
        writeFileSync(`${PROFILE}.${label}.cpuprofile`, JSON.stringify(profile))
        session.disconnect()
      }
      for (const [key, runs] of Object.entries(totals)) {
        const ms = runs.map((m) => m.ms).sort((a, b) => a - b)
        const median = ms[Math.floor(ms.length / 2)]!
        const last = runs[runs.length - 1]!
        figures[`${label}_${key}_pupils_per_s`] = Math.round(pupils / (median / 1000))
        figures[`${label}_${key}_median_ms`] = Math.round(median)
        figures[`${label}_${key}_node_cpu_ms`] = Math.round(runs.map((m) => m.cpuMs).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!)
        figures[`${label}_${key}_wal_kb`] = Math.round(Number(last.wal) / 1024)
        figures[`${label}_${key}_result_rows_inserted_or_updated`] = last.writes
        figures[`${label}_${key}_view_version_moves`] = last.viewMoves
      }
      if (MEASURED.length < 2) continue
      const speedup = (key: string) => Math.round((Number(figures[`${label}_changed_only_${key}_pupils_per_s`]) / Number(figures[`${label}_full_${key}_pupils_per_s`])) * 10) / 10
      figures[`${label}_speedup_unchanged`] = speedup('unchanged')
      figures[`${label}_speedup_5pct_changed`] = speedup('5pct_changed')
    }
    figures.load_average_at_end = loadAverage()
    return { name: 'rescreen', figures }
  } finally {
    await db.destroy()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchRescreen().then(
    (result) => {
      for (const [key, value] of Object.entries(result.figures)) process.stdout.write(`  ${key}: ${value}\n`)
    },
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    }
  )
}
