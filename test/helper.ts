// Builds the real app over a throwaway database for one test file, and signs people in through the real forms.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { generate } from 'otplib'
import { buildApp } from '../server/app'
import { loadConfig, type Config } from '../server/config'
import { connect } from '../server/db/connect'
import type { Role } from '../server/db/schema'
import { hashPassword } from '../server/accounts/service'
import * as accounts from '../server/accounts/store'
import { createTestDatabase } from './db'

interface TapTest { teardown(fn: () => unknown): void }

export const TEST_PASSWORD = 'correct horse battery staple'
/** The authenticator secret createUser enrols for users whose role needs a second factor. */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
let passwordHash: Promise<string> | undefined

export async function buildTestApp(t: TapTest, overrides: Partial<Config> = {}) {
  // The app closes its pool before its database is dropped: dropping first would cut live connections.
  const drops: Array<() => unknown> = []
  const url = await createTestDatabase({ teardown: (fn) => drops.push(fn) })
  const config = { ...loadConfig({ LANTERN_LOG_LEVEL: 'silent', LANTERN_DATA_DIR: '/nonexistent' }), ...overrides }
  const app = await buildApp({ config, databaseUrl: url, sessionSecret: 'a test session secret that is long enough!!' })
  t.teardown(async () => {
    await app.close()
    for (const drop of drops) await drop()
  })
  return app
}

let counter = 0
const unique = () => `${process.pid}${++counter}`

export async function createSchool(app: FastifyInstance, name = 'Test School') {
  const urn = String(100000 + ((Number(unique()) * 7919) % 899999)).slice(0, 6)
  return accounts.insertSchool(app.db, urn, name)
}

export async function createUser(
  app: FastifyInstance,
  memberships: Array<{ schoolId: number; role: Role; isDsl?: boolean }>,
  opts: { email?: string; name?: string; mustChangePassword?: boolean; secondFactor?: boolean } = {}
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const user = await accounts.insertUser(app.db, {
    email: opts.email ?? `user${unique()}@school.test`,
    name: opts.name ?? 'Test User',
    passwordHash: await passwordHash,
    mustChangePassword: opts.mustChangePassword ?? false
  })
  for (const m of memberships) await accounts.upsertMembership(app.db, { userId: user.id, schoolId: m.schoolId, role: m.role, isDsl: m.isDsl ?? false })
  // leads, DSLs and link workers have an authenticator app already, unless a test wants them to enrol
  const needsOne = memberships.some((m) => m.role !== 'pastoral' || m.isDsl)
  if (opts.secondFactor ?? needsOne) await enrolSecondFactor(app, user.id)
  return user
}

/** Gives a user an authenticator app with TEST_TOTP_SECRET (or another secret), as enrolment would. */
export async function enrolSecondFactor(app: FastifyInstance, userId: number, secret = TEST_TOTP_SECRET) {
  await app.db.insertInto('second_factors').values({ user_id: userId, secret_sealed: app.secondFactorBox.seal(secret), last_time_step: null }).execute()
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A code the user's authenticator app would show, as a person would type it: for the earliest 30-second
 * step Lantern still accepts (the one before now, now, or the next) that is later than the last one
 * used, waiting for the next step when all three have been used.
 */
export async function authenticatorCode(app: FastifyInstance, userId: number): Promise<string> {
  const factor = await app.db.selectFrom('second_factors').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow()
  const secret = app.secondFactorBox.open(factor.secret_sealed)
  if (!secret) throw new Error('the second factor cannot be read')
  for (;;) {
    const now = Date.now() / 1000
    const step = Math.floor(now / 30)
    // the step before now only with a few seconds to spare, so that it is still accepted when it arrives
    const candidates = [...(now % 30 < 25 ? [step - 1] : []), step, step + 1].filter((s) => s > (factor.last_time_step ?? -1))
    if (candidates.length) return generate({ secret, epoch: candidates[0]! * 30 })
    await sleep((step + 1) * 30_000 - Date.now() + 50)
  }
}

/** A browser-like client: keeps cookies and reads the CSRF token from the last page it fetched. */
export class Browser {
  cookies = new Map<string, string>()
  csrf: string | undefined

  constructor(readonly app: FastifyInstance) {}

  async request(opts: InjectOptions & { form?: Record<string, string> }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { accept: 'text/html', ...(opts.headers as Record<string, string>) }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    let payload = opts.payload
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      payload = new URLSearchParams(opts.form).toString()
    }
    const res = await this.app.inject({ ...opts, headers, payload } as InjectOptions)
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (token) this.csrf = token[1]
    return res
  }

  get(url: string) {
    return this.request({ method: 'GET', url })
  }

  /** Posts a form with the CSRF token from the last page, as a browser would. */
  post(url: string, form: Record<string, string> = {}) {
    return this.request({ method: 'POST', url, form: { _csrf: this.csrf ?? '', ...form } })
  }

  /** Signs in through the forms: the password, then (for users who have one) the authenticator's code. */
  async login(email: string, password = TEST_PASSWORD) {
    await this.get('/login')
    const res = await this.post('/login', { email, password })
    const location = String(res.headers.location ?? '')
    if (res.statusCode !== 303 || !location.startsWith('/login/code')) return res
    return this.secondStep(email, location)
  }

  /**
   * First sign-in of a user who needs a second factor: reads the key shown on the enrolment page (as a
   * person would type it into their app) and confirms it with the app's code. Returns the page of
   * recovery codes, with the key and the codes.
   */
  async enrol(location = '/login/enrol') {
    const page = await this.get(location)
    const key = /id="secret">([A-Z2-7 ]+)</.exec(page.body)?.[1]?.replace(/ /g, '')
    if (!key) throw new Error(`no enrolment key on ${location}: ${page.statusCode}`)
    const next = new URL(location, 'http://lantern.test').searchParams.get('next')
    const res = await this.post('/login/enrol', { code: await generate({ secret: key }), ...(next ? { next } : {}) })
    const codes = [...res.body.matchAll(/<li><code class="lantern-code">([a-z2-7-]+)<\/code><\/li>/g)].map((m) => m[1]!)
    return { res, key, codes }
  }

  /** Enters the current code on the second-factor page (at `location`), as the user would. */
  async secondStep(email: string, location = '/login/code') {
    const user = await accounts.findUserByEmail(this.app.db, email)
    await this.get(location)
    const next = new URL(location, 'http://lantern.test').searchParams.get('next')
    return this.post('/login/code', { code: await authenticatorCode(this.app, user!.id), ...(next ? { next } : {}) })
  }
}

export async function signedIn(app: FastifyInstance, email: string) {
  const browser = new Browser(app)
  const res = await browser.login(email)
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`)
  return browser
}

export async function auditRows(app: FastifyInstance, action: string) {
  return app.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()
}

export { connect }
