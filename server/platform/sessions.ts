// Sessions live in PostgreSQL so that app servers keep no state; cookies are httpOnly, SameSite=Lax,
// Secure behind TLS, and end after the configured idle time. A request reads its session; it writes it
// back only when something in it changed (sign-in, a flash message) or, to keep it alive, when the
// last touch is over a minute old (auth.ts): so a busy user costs one write a minute, not one a request.
import fp from 'fastify-plugin'
import fastifyCookie from '@fastify/cookie'
import fastifySession from '@fastify/session'
import type { FastifyBaseLogger, FastifyRequest } from 'fastify'
import { sql, type Kysely } from 'kysely'
import type pg from 'pg'
import type { Database } from '../db/schema'
import { accessFromRows, accessRowsQuery, type AccessRow } from './auth'

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
  interface FastifyInstance {
    /**
     * The signed-in user's access as read in the same query as this request's session (one round trip
     * for both): undefined when it was not (auth.ts then reads it), null when the user is gone or inactive.
     */
    sessionAccess(request: FastifyRequest): ReturnType<typeof accessFromRows> | undefined
  }
}

/** How long access read with a session may wait for auth.ts to take it: the next hook of the same request. */
const PREFETCH_MS = 1_000

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

/** The session and its user's access in one query (parameters: the session id, now). */
function readQuery(sid: string, now: Date) {
  return sql<SessionRead>`
    select s.data, (select json_agg(a) from (${accessRowsQuery(sql`(s.data ->> 'userId')::int`)}) a) as access
    from sessions s
    where s.sid = ${sid} and s.expires_at > ${now}`
}
interface SessionRead { data: unknown; access: AccessRow[] | null }

export class PostgresSessionStore {
  /** every request runs it: given a pool, it is a prepared statement, planned once per connection */
  private readonly readSql: string

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: StoreLog,
    private readonly pool?: pg.Pool
  ) {
    this.readSql = readQuery('', new Date(0)).compile(db).sql
  }

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

  /** access rows read with a session, by session id, until auth.ts takes them (the same request's next hook) */
  private readonly prefetched = new Map<string, { at: number; rows: AccessRow[] }>()

  get(sid: string, callback: Callback) {
    // the access for auth.ts, the data for @fastify/session
    const values = [sid, new Date()]
    const read = this.pool
      ? this.pool.query<SessionRead>({ name: 'lantern_session_read', text: this.readSql, values })
      : this.db.executeQuery<SessionRead>(readQuery(sid, values[1] as Date).compile(this.db))
    const query = read.then(({ rows: [row] }) => {
      if (row?.access) this.prefetched.set(sid, { at: Date.now(), rows: row.access })
      return row
    })
    deliver(query, callback, this.log, (row) => (row ? row.data : null))
  }

  /** The access read with this session, once; undefined when there is none fresh enough. */
  takeAccess(sid: string): ReturnType<typeof accessFromRows> | undefined {
    const entry = this.prefetched.get(sid)
    if (!entry) return undefined
    this.prefetched.delete(sid)
    return Date.now() - entry.at <= PREFETCH_MS ? accessFromRows(entry.rows) : undefined
  }

  /** Drops access that no request took (a request that ended between its session and auth.ts). */
  sweepPrefetched() {
    const now = Date.now()
    for (const [sid, entry] of this.prefetched) if (now - entry.at > PREFETCH_MS) this.prefetched.delete(sid)
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
    const store = new PostgresSessionStore(app.systemDb, app.log, app.pg.pool)
    app.decorate('sessionAccess', (request: FastifyRequest) => {
      const sid = typeof request.session?.get === 'function' ? request.session.sessionId : undefined
      return sid === undefined ? undefined : store.takeAccess(sid)
    })
    await app.register(fastifySession, {
      secret: opts.secret,
      cookieName: 'lantern_session',
      store,
      saveUninitialized: false,
      // saved (and its cookie and expiry renewed) only when modified: auth.ts touches it once a minute
      rolling: false,
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
      store.sweepPrefetched()
      app.db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute().catch((err) => app.log.warn(err))
    }, 15 * 60_000)
    sweep.unref()
    app.addHook('onClose', async () => clearInterval(sweep))
  },
  { name: 'lantern-sessions', dependencies: ['lantern-db'] }
)
