// Is the database answering? For /healthz: one `select 1`, bounded in time.
import type pg from 'pg'

export const HEALTH_TIMEOUT_MS = 2_000

export async function databaseAnswers(pool: pg.Pool, timeoutMs = HEALTH_TIMEOUT_MS): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    // query_timeout bounds a query on a connection that hangs; the pool's connectionTimeoutMillis
    // bounds connecting. A client that timed out is released with the error, so the pool drops it.
    await pool.query({ text: 'select 1', query_timeout: timeoutMs } as pg.QueryConfig)
    return { ok: true }
  } catch (error) {
    return { ok: false, error }
  }
}
