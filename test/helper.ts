// Builds the real app over a throwaway database for one test file, and signs people in through the real forms.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../server/app'
import { loadConfig, type Config } from '../server/config'
import { connect } from '../server/db/connect'
import type { Role } from '../server/db/schema'
import { hashPassword } from '../server/accounts/service'
import * as accounts from '../server/accounts/store'
import { createTestDatabase } from './db'

interface TapTest { teardown(fn: () => unknown): void }

export const TEST_PASSWORD = 'correct horse battery staple'
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
  opts: { email?: string; name?: string; mustChangePassword?: boolean } = {}
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const user = await accounts.insertUser(app.db, {
    email: opts.email ?? `user${unique()}@school.test`,
    name: opts.name ?? 'Test User',
    passwordHash: await passwordHash,
    mustChangePassword: opts.mustChangePassword ?? false
  })
  for (const m of memberships) await accounts.upsertMembership(app.db, { userId: user.id, schoolId: m.schoolId, role: m.role, isDsl: m.isDsl ?? false })
  return user
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

  async login(email: string, password = TEST_PASSWORD) {
    await this.get('/login')
    return this.post('/login', { email, password })
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
