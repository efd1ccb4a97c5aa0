// Settings and listeners every Lantern pg Pool gets, whether Fastify's or the command line's.
import type pg from 'pg'

/** A request fails after this long, rather than hanging, when no connection can be made. */
export const CONNECTION_TIMEOUT_MS = 5_000

export const poolDefaults = { connectionTimeoutMillis: CONNECTION_TIMEOUT_MS } satisfies pg.PoolConfig

/**
 * node-postgres emits 'error' on the pool when an idle connection dies (PostgreSQL stopped or
 * restarted) and on a client when its connection dies while checked out: with no listener, Node
 * ends the process. The pool has already discarded such a client, and the query in flight has
 * already been rejected, so logging is all there is to do; the next request connects afresh.
 */
export function watchPool(pool: pg.Pool, warn: (err: Error, message: string) => void): void {
  // an idle client's error reaches both listeners: log it once
  const logged = new WeakSet<Error>()
  const once = (err: Error) => {
    if (logged.has(err)) return
    logged.add(err)
    warn(err, 'a database connection was closed')
  }
  pool.on('error', once)
  pool.on('connect', (client) => client.on('error', once))
}
