// Benchmark: the dashboard and the 400-pupil list under 20 concurrent connections (autocannon over
// 127.0.0.1, ~5 s each), beside a bare Fastify route rendering the same template with the same data from
// memory — so the ratio is the cost of Lantern's own work (session, access, queries, audit) — and beside
// the staff page, the floor any signed-in page pays.
// Run alone: `npm run -s build && node dist/test/bench/dashboard.bench.js`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import fastifyView from '@fastify/view'
import handlebars from 'handlebars'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { connect } from '../../server/db/connect'
import { startEmbeddedPostgres } from '../../server/db/embedded'
import { migrateToLatest } from '../../server/db/migrate'
import { hashPassword } from '../../server/accounts/service'
import * as accounts from '../../server/accounts/store'
import { templatesDir } from '../../server/paths'
import { helpers } from '../../server/platform/helpers'
import { partials } from '../../server/platform/views'
import { pupilListModel } from '../../server/screening/pupil-view-models'
import { dashboardModel, loadDashboard } from '../../server/reports/dashboard'
import { rescreenSchool } from '../../server/screening/service'
import * as screeningStore from '../../server/screening/store'
import { Browser } from '../helper'
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

function syntheticIntake(n: number): TestPupil[] {
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

async function bareServer(pages: Record<string, { template: string; model: Record<string, unknown> }>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  const engine = handlebars.create()
  for (const [name, fn] of Object.entries(helpers)) engine.registerHelper(name, fn)
  await app.register(fastifyView, { engine: { handlebars: engine }, root: templatesDir, layout: 'layouts/main.hbs', viewExt: 'hbs', production: true, options: { partials: partials() } })
  for (const [path, page] of Object.entries(pages)) {
    app.get(path, async (_request, reply) => reply.type('text/html; charset=utf-8').view(page.template, page.model))
  }
  await app.listen({ host: '127.0.0.1', port: 0 })
  return app
}

function address(app: FastifyInstance): string {
  const a = app.server.address()
  if (!a || typeof a === 'string') throw new Error('not listening')
  return `http://127.0.0.1:${a.port}`
}

async function load(url: string, headers?: Record<string, string>) {
  const r = await autocannon({ url, connections: 20, duration: 5, ...(headers ? { headers } : {}) })
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx responses, ${r.errors} errors`)
  return { p50: r.latency.p50, p99: r.latency.p99, rps: Math.round(r.requests.average) }
}

export async function benchDashboard(): Promise<{ name: string; figures: Record<string, number> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-bench-dashboard-'))
  const server = await startEmbeddedPostgres({ dataDir, fast: true })
  const db = connect(server.url, 5)
  let app: FastifyInstance | undefined
  let bare: FastifyInstance | undefined
  try {
    await migrateToLatest(db)
    const school = await accounts.insertSchool(db, '380401', 'Benchmark Academy')
    const user = await accounts.insertUser(db, { email: 'lead@bench.test', name: 'Bench Lead', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false })
    await accounts.upsertMembership(db, { userId: user.id, schoolId: school.id, role: 'lead', isDsl: true })
    await loadPupils(db, school.id, user.id, syntheticIntake(PUPILS))
    await rescreenSchool(db, school.id)
    // Planner statistics as autovacuum would have them a minute after an import, not straight after the bulk load.
    await sql`analyze`.execute(db)

    const config = { ...loadConfig({ LANTERN_LOG_LEVEL: 'silent', LANTERN_DATA_DIR: dataDir }), viewCache: true }
    app = await buildApp({ config, databaseUrl: server.url, sessionSecret: 'a benchmark session secret that is long enough' })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const browser = new Browser(app)
    const signIn = await browser.login('lead@bench.test', PASSWORD)
    if (signIn.statusCode !== 303) throw new Error(`sign-in failed: ${signIn.statusCode}`)
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const urn = school.urn.trim()

    // The same pages from memory: the models the routes build, with the layout's per-request data fixed.
    const access = { id: school.id, urn, name: school.name, role: 'lead' as const, isDsl: true }
    const locals = { user: { id: user.id, email: user.email, name: user.name, mustChangePassword: false }, memberships: [access], manySchools: false, school: access, isLead: true, isStaff: true, csrfToken: 'x'.repeat(52), flash: undefined }
    const dashboard = dashboardModel(await loadDashboard(db, school.id), urn)
    const list = pupilListModel(await screeningStore.listScreenRows(db, school.id), {}, urn)
    bare = await bareServer({
      '/dashboard': { template: 'reports/home.hbs', model: { ...locals, path: `/s/${urn}`, title: school.name, dashboard } },
      '/pupils': { template: 'pupils/list.hbs', model: { ...locals, path: `/s/${urn}/pupils`, ...list } }
    })

    const lantern = address(app)
    const memory = address(bare)
    const figures: Record<string, number> = { pupils: PUPILS }
    // The platform's floor: a signed-in page of the same school with one small query (the staff list).
    const floor = await load(`${lantern}/s/${urn}/staff`, { cookie, accept: 'text/html' })
    figures.signed_in_floor_p50_ms = floor.p50
    figures.signed_in_floor_p99_ms = floor.p99
    figures.signed_in_floor_req_per_s = floor.rps
    for (const [name, path, barePath] of [['dashboard', `/s/${urn}`, '/dashboard'], ['list', `/s/${urn}/pupils`, '/pupils']] as const) {
      const real = await load(`${lantern}${path}`, { cookie, accept: 'text/html' })
      const mem = await load(`${memory}${barePath}`)
      figures[`${name}_p50_ms`] = real.p50
      figures[`${name}_p99_ms`] = real.p99
      figures[`${name}_req_per_s`] = real.rps
      figures[`${name}_bare_p50_ms`] = mem.p50
      figures[`${name}_bare_p99_ms`] = mem.p99
      figures[`${name}_bare_req_per_s`] = mem.rps
      figures[`${name}_cost_ratio`] = Math.round((mem.rps / Math.max(real.rps, 1)) * 10) / 10
    }
    return { name: `dashboard and pupil list: ${PUPILS} pupils, 20 connections, 5 s each`, figures }
  } finally {
    await bare?.close()
    await app?.close()
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
