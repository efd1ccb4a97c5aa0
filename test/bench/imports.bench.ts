// Benchmark: a synthetic 15,000-pupil local-authority intake (20 primaries' CTFs, then an SDQ file and
// a letters file) imported into a throwaway PostgreSQL, beside the time COPY takes to load the same
// rows into the same tables — the floor. Run alone: node dist/test/bench/imports.bench.js
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Readable, Writable } from 'node:stream'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { connect } from '../../server/db/connect'
import { startEmbeddedPostgres } from '../../server/db/embedded'
import { migrateToLatest } from '../../server/db/migrate'
import { runImport } from '../../server/imports/service'
import { upnCheckLetter } from '../../server/imports/upn'

const PRIMARIES = 20
const PER_PRIMARY = 750

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = ['Smith', 'Jones', 'Khan', 'Patel', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Okafor', 'Nowak', 'Hughes', 'Ahmed', 'Wilson', 'Murphy', 'Kowalski', 'Singh', 'Begum', 'Clarke', 'Walker']
const FORENAMES = ['Amara', 'Callum', 'Zofia', 'Oliver', 'Amelia', 'Muhammad', 'Isla', 'Noah', 'Ava', 'Leo', 'Freya', 'Arlo', 'Zoë', 'Hamza', 'Maya', 'Theo', 'Aisha', 'Finn', 'Ruby', 'Kai']
const SENTENCES = [
  'I am excited about science in a real lab.', 'I am a bit nervous about getting lost.', 'I like football and drawing.',
  'I hope I make new friends.', 'My big sister says you get used to it.', 'I am worried about the older kids.',
  'I want to join the choir.', 'Remember to be kind and try everything.', 'I do not know anyone who is going.', 'I love reading and animals.'
]

interface Intake { ctfs: Buffer[]; sdq: Buffer; letters: Buffer; upns: string[] }

export interface IntakeShape {
  primaries: number
  perPrimary: number
  seed: number
  /** the first primary's place in a national numbering, so that intakes made for different schools never share a UPN */
  firstPrimary: number
}

/** A primary's LA and establishment numbers from its place in the numbering (LA 380, estab 2000 onwards for the first 5,000). */
function primaryNumbers(n: number): { la: string; estab: string } {
  return { la: String(380 + Math.floor(n / 5000)), estab: String(2000 + (n % 5000)) }
}

export function generateIntake(year: number, shape: Partial<IntakeShape> = {}): Intake {
  const { primaries, perPrimary, seed, firstPrimary } = { primaries: PRIMARIES, perPrimary: PER_PRIMARY, seed: 7, firstPrimary: 0, ...shape }
  if (perPrimary > 1000) throw new Error('a UPN numbers at most 1,000 pupils per primary per year')
  const rnd = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const upns: string[] = []
  const ctfs: Buffer[] = []
  const dobStart = Date.UTC(year - 12, 8, 1)
  for (let s = 0; s < primaries; s++) {
    const { la, estab } = primaryNumbers(firstPrimary + s)
    const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?>\n<CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion>` +
      `<SourceSchool><LEA>${la}</LEA><Estab>${estab}</Estab><SchoolName>Synthetic Primary ${s + 1}</SchoolName><AcademicYear>${year - 1}</AcademicYear></SourceSchool>` +
      `<DestSchool><LEA>380</LEA><Estab>4001</Estab></DestSchool></Header><CTFpupilData>`]
    for (let p = 0; p < perPrimary; p++) {
      const rest = `${la}${estab}${String(year - 1).slice(2)}${String(p).padStart(3, '0')}`
      const upn = upnCheckLetter(`X${rest}`) + rest
      upns.push(upn)
      const dob = new Date(dobStart + Math.floor(rnd() * 364) * 86400000).toISOString().slice(0, 10)
      const possible = 372
      const authorised = Math.floor(rnd() * 30)
      const unauthorised = Math.floor(rnd() * 10)
      const score = () => String(80 + Math.floor(rnd() * 41))
      parts.push(
        `<Pupil><UPN>${upn}</UPN><Surname>${pick(SURNAMES)}</Surname><Forename>${pick(FORENAMES)}</Forename><DOB>${dob}</DOB><Sex>${rnd() < 0.5 ? 'F' : 'M'}</Sex>` +
          `<LookedAfter><InCare>${rnd() < 0.01 ? 'true' : 'false'}</InCare></LookedAfter>` +
          `<SENhistory><SEN><StartDate>2022-09-01</StartDate><SENprovision>${pick(['N', 'N', 'N', 'N', 'K', 'E'])}</SENprovision></SEN></SENhistory>` +
          (rnd() < 0.25 ? `<FSMhistory><FSMinstance><FSMstartDate>2021-01-15</FSMstartDate><UKcountry>ENG</UKcountry></FSMinstance></FSMhistory>` : '') +
          `<Attendance><YearData><Year>${year - 1}</Year><SessionsPossible>${possible}</SessionsPossible><SessionsAuthorised>${authorised}</SessionsAuthorised><SessionsUnauthorised>${unauthorised}</SessionsUnauthorised></YearData></Attendance>` +
          `<StageAssessments><KeyStage><Stage>KS2</Stage>` +
          `<StageAssessment><Year>${year}</Year><Subject>ENG</Subject><Method>TT</Method><Component>REA</Component><Result>${score()}</Result></StageAssessment>` +
          `<StageAssessment><Year>${year}</Year><Subject>MAT</Subject><Method>TT</Method><Result>${score()}</Result></StageAssessment>` +
          `<StageAssessment><Year>${year}</Year><Subject>ENG</Subject><Method>TT</Method><Component>GPS</Component><Result>${score()}</Result></StageAssessment>` +
          `<StageAssessment><Year>${year}</Year><Subject>ENG</Subject><Method>TA</Method><Component>WRI</Component><Result>${pick(['GDS', 'EXS', 'EXS', 'WTS'])}</Result></StageAssessment>` +
          `</KeyStage></StageAssessments></Pupil>`
      )
    }
    parts.push('</CTFpupilData></CTfile>\n')
    ctfs.push(Buffer.from(parts.join('\n')))
  }
  const items = Array.from({ length: 25 }, (_, i) => `item_${i + 1}`).join(',')
  const sdq = [`upn,informant,completed_on,${items},impact_difficulties,impact_distress,impact_home,impact_friendships,impact_classroom,impact_leisure`]
  const letters = ['upn,written_on,letter']
  for (const upn of upns) {
    const answers = Array.from({ length: 25 }, () => (rnd() < 0.02 ? '' : String(Math.floor(rnd() * 3))))
    const difficulties = rnd() < 0.3
    const impact = difficulties ? Array.from({ length: 5 }, () => String(Math.floor(rnd() * 4))) : ['', '', '', '', '']
    sdq.push(`${upn},self,${year}-09-15,${answers.join(',')},${difficulties ? 'yes' : 'no'},${impact.join(',')}`)
    const text = `Dear future me, ${Array.from({ length: 5 }, () => pick(SENTENCES)).join(' ')} From ${pick(FORENAMES)}`
    letters.push(`${upn},${year}-07-03,"${text}"`)
  }
  return { ctfs, sdq: Buffer.from(sdq.join('\n') + '\n'), letters: Buffer.from(letters.join('\n') + '\n'), upns }
}

const TABLES = ['pupils', 'attainment', 'attendance', 'sdq_administrations', 'letters'] as const

async function copyFloor(url: string): Promise<{ ms: number; rows: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const dumps: Record<string, Buffer> = {}
    let rows = 0
    for (const table of TABLES) {
      const chunks: Buffer[] = []
      await pipeline(client.query(copyTo(`COPY ${table} TO STDOUT`)), new Writable({ write(chunk, _e, done) { chunks.push(chunk); done() } }))
      dumps[table] = Buffer.concat(chunks)
      rows += (await client.query(`select count(*)::int as n from ${table}`)).rows[0].n
    }
    await client.query('TRUNCATE import_changes, letters, sdq_administrations, attendance, attainment, pupils CASCADE')
    const started = performance.now()
    await client.query('BEGIN')
    for (const table of TABLES) await pipeline(Readable.from([dumps[table] as Buffer]), client.query(copyFrom(`COPY ${table} FROM STDIN`)))
    await client.query('COMMIT')
    return { ms: performance.now() - started, rows }
  } finally {
    await client.end()
  }
}

/**
 * The same intake as a school's lead runs it: every file in one folder, one `import <dir>` command
 * (one process, one transaction, files in dependency order), timed on the wall clock into a fresh
 * school, then the same command again (a re-import: every row an update).
 */
function cliIntake(databaseUrl: string, dataDir: string, intake: Intake): { firstMs: number; againMs: number } {
  const folder = join(dataDir, 'intake')
  mkdirSync(folder)
  intake.ctfs.forEach((ctf, i) => writeFileSync(join(folder, `primary-${String(i + 1).padStart(2, '0')}.xml`), ctf))
  writeFileSync(join(folder, 'sdq.csv'), intake.sdq)
  writeFileSync(join(folder, 'letters.csv'), intake.letters)
  const env = { ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET: 'x'.repeat(40), LANTERN_LOG_LEVEL: 'silent' }
  const cli = join(__dirname, '..', '..', 'server', 'cli.js')
  const run = (args: string[]) => {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    if (r.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`)
    return Math.round(performance.now() - t0)
  }
  run(['school', 'add', '--urn', '380401', '--name', 'Synthetic LA intake (command line)'])
  const firstMs = run(['import', folder, '--school', '380401'])
  const againMs = run(['import', folder, '--school', '380401'])
  return { firstMs, againMs }
}

export async function benchImports(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const year = new Date().getUTCFullYear()
  const generated = performance.now()
  const intake = generateIntake(year)
  const generateMs = performance.now() - generated
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-bench-imports-'))
  const server = await startEmbeddedPostgres({ dataDir, fast: true })
  const db = connect(server.url, 5)
  try {
    await migrateToLatest(db)
    const school = await db.insertInto('schools').values({ urn: '380400', name: 'Synthetic LA intake' }).returning('id').executeTakeFirstOrThrow()
    const schoolId = school.id

    let peakRss = process.memoryUsage().rss
    const baselineRss = peakRss
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10)
    const phase: Record<string, number> = {}
    let fileRows = 0
    const started = performance.now()
    const timed = async (name: string, fileName: string, content: Buffer) => {
      const t0 = performance.now()
      const r = await runImport(db, { schoolId, userId: null, fileName, content })
      if (r.errors.length) throw new Error(`${fileName}: ${r.errors.length} errors, first: ${r.errors[0]?.message}`)
      fileRows += r.rows
      phase[name] = (phase[name] ?? 0) + (performance.now() - t0)
    }
    for (const [i, ctf] of intake.ctfs.entries()) await timed('ctf_ms', `primary-${i + 1}.xml`, ctf)
    await timed('sdq_ms', 'sdq.csv', intake.sdq)
    await timed('letters_ms', 'letters.csv', intake.letters)
    const importMs = performance.now() - started
    clearInterval(sampler)
    peakRss = Math.max(peakRss, process.memoryUsage().rss)

    const floor = await copyFloor(server.url)
    const cli = cliIntake(server.url, dataDir, intake)
    const mb = (n: number) => Math.round(n / 1048576)
    return {
      name: 'imports',
      figures: {
        pupils: intake.upns.length,
        files: intake.ctfs.length + 2,
        input_mb: Math.round((intake.ctfs.reduce((a, b) => a + b.length, 0) + intake.sdq.length + intake.letters.length) / 104857.6) / 10,
        file_rows: fileRows,
        table_rows: floor.rows,
        generate_ms: Math.round(generateMs),
        import_ms: Math.round(importMs),
        ctf_ms: Math.round(phase.ctf_ms ?? 0),
        sdq_ms: Math.round(phase.sdq_ms ?? 0),
        letters_ms: Math.round(phase.letters_ms ?? 0),
        table_rows_per_s: Math.round(floor.rows / (importMs / 1000)),
        copy_ms: Math.round(floor.ms),
        copy_rows_per_s: Math.round(floor.rows / (floor.ms / 1000)),
        times_copy: Math.round((importMs / floor.ms) * 10) / 10,
        peak_rss_mb: mb(peakRss),
        baseline_rss_mb: mb(baselineRss),
        cli_set_wall_ms: cli.firstMs,
        cli_set_reimport_ms: cli.againMs,
        reimport_times_first: Math.round((cli.againMs / cli.firstMs) * 10) / 10,
        verdict: `CLI intake ${cli.firstMs < 10_000 ? 'ok' : 'SLOW'}: ${cli.firstMs} ms wall for ${intake.upns.length} pupils in one \`import <dir>\` (target < 10,000); re-import ${cli.againMs} ms (target < 2× the first); import ${Math.round((importMs / floor.ms) * 10) / 10}× COPY (target ≤ 3×)`
      }
    }
  } finally {
    await db.destroy()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchImports().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err) => {
      console.error(err)
      process.exit(1)
    }
  )
}
