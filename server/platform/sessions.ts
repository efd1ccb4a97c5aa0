// Sessions live in PostgreSQL so that app servers keep no state; cookies are httpOnly, SameSite=Lax,
// Secure behind TLS, and end after the configured idle time.
import fp from 'fastify-plugin'
import fastifyCookie from '@fastify/cookie'
import fastifySession from '@fastify/session'
import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

declare module 'fastify' {
  interface Session {
    /** set once the password is right; the user is signed in only once any second factor is given too */
    userId?: number
    /** epoch ms of the password step (a half-signed-in session lasts only so long) */
    passwordAt?: number
    /** epoch ms of the second step, for users who need one */
    secondFactorAt?: number
    /** a TOTP secret being enrolled, sealed (server/platform/secret-box.ts) until its first code confirms it */
    enrolSecret?: string
    /** epoch ms of the last request, for the idle timeout */
    seenAt?: number
    flash?: Array<{ kind: 'success' | 'important'; text: string }>
  }
}

type Callback = (err?: unknown, result?: any) => void
type StoreLog = Pick<FastifyBaseLogger, 'error'>

/**
 * Hands a query's outcome to @fastify/session's callback. The callback goes on to send the reply, and
 * whatever it throws (Node refusing a header, say) would otherwise become an unhandled rejection of
 * this promise chain and end the process: it is logged here instead (the reply cannot be finished from here).
 */
function deliver<T>(query: Promise<T>, callback: Callback, log: StoreLog, result: (value: T) => unknown = () => undefined) {
  query
    .then(
      (value) => () => callback(null, result(value)),
      (err: unknown) => () => callback(err)
    )
    .then((call) => call())
    .catch((err: unknown) => log.error({ err }, 'sending the reply failed after the session was read or saved'))
}

export class PostgresSessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: StoreLog
  ) {}

  set(sid: string, session: any, callback: Callback) {
    const expires = session.cookie?.expires ? new Date(session.cookie.expires) : new Date(Date.now() + 86_400_000)
    const data = JSON.stringify(session)
    const query = this.db
      .insertInto('sessions')
      .values({ sid, data, expires_at: expires })
      .onConflict((oc) => oc.column('sid').doUpdateSet({ data, expires_at: expires }))
      .execute()
    deliver(query, callback, this.log)
  }

  get(sid: string, callback: Callback) {
    const query = this.db
      .selectFrom('sessions')
      .select('data')
      .where('sid', '=', sid)
      .where('expires_at', '>', new Date())
      .executeTakeFirst()
    deliver(query, callback, this.log, (row) => (row ? row.data : null))
  }

  destroy(sid: string, callback: Callback) {
    deliver(this.db.deleteFrom('sessions').where('sid', '=', sid).execute(), callback, this.log)
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
      store: new PostgresSessionStore(app.db, app.log),
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
