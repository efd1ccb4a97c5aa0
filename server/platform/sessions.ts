// Sessions live in PostgreSQL so that app servers keep no state; cookies are httpOnly, SameSite=Lax,
// Secure behind TLS, and end after the configured idle time.
import fp from 'fastify-plugin'
import fastifyCookie from '@fastify/cookie'
import fastifySession from '@fastify/session'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

declare module 'fastify' {
  interface Session {
    userId?: number
    /** epoch ms of the last request, for the idle timeout */
    seenAt?: number
    flash?: Array<{ kind: 'success' | 'important'; text: string }>
  }
}

type Callback = (err?: unknown, result?: any) => void

class PostgresSessionStore {
  constructor(private readonly db: Kysely<Database>) {}

  set(sid: string, session: any, callback: Callback) {
    const expires = session.cookie?.expires ? new Date(session.cookie.expires) : new Date(Date.now() + 86_400_000)
    const data = JSON.stringify(session)
    this.db
      .insertInto('sessions')
      .values({ sid, data, expires_at: expires })
      .onConflict((oc) => oc.column('sid').doUpdateSet({ data, expires_at: expires }))
      .execute()
      .then(() => callback(), callback)
  }

  get(sid: string, callback: Callback) {
    this.db
      .selectFrom('sessions')
      .select('data')
      .where('sid', '=', sid)
      .where('expires_at', '>', new Date())
      .executeTakeFirst()
      .then((row) => callback(null, row ? row.data : null), callback)
  }

  destroy(sid: string, callback: Callback) {
    this.db
      .deleteFrom('sessions')
      .where('sid', '=', sid)
      .execute()
      .then(() => callback(), callback)
  }
}

export interface SessionOptions {
  secret: string
  idleMinutes: number
  secureCookies: boolean | 'auto'
}

export default fp(
  async function sessions(app, opts: SessionOptions) {
    await app.register(fastifyCookie)
    await app.register(fastifySession, {
      secret: opts.secret,
      cookieName: 'lantern_session',
      store: new PostgresSessionStore(app.db),
      saveUninitialized: false,
      rolling: true,
      cookie: {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        maxAge: opts.idleMinutes * 60_000
      }
    })
    // Expired rows are swept now and then rather than on every request.
    const sweep = setInterval(() => {
      app.db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute().catch((err) => app.log.warn(err))
    }, 15 * 60_000)
    sweep.unref()
    app.addHook('onClose', async () => clearInterval(sweep))
  },
  { name: 'lantern-sessions', dependencies: ['lantern-db'] }
)
