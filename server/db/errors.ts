// "The database cannot be reached": recognised in this one place, so that every caller (the error
// page, /healthz, the logs) agrees on what is an outage to wait out rather than a bug to report.

/** Node's socket errors for a server that is down, unreachable or not resolvable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'])

/** PostgreSQL SQLSTATEs for a server that is shutting down, starting up or has dropped the connection. */
const POSTGRES_CODES = new Set([
  '57P01', // admin_shutdown: pg_ctl stop -m fast, a failover
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '53300' // too_many_connections: the same for the user, try again shortly
])

/** Errors that node-postgres raises with a message only. */
const PG_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect/, // pool.connect past connectionTimeoutMillis
  /^Query read timeout/, // a query past its query_timeout
  /is not queryable/ // a client whose connection already failed
]

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false
  const { code, message, errors, cause } = err as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown }
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_CODES.has(code))) return true
  if (typeof message === 'string' && PG_MESSAGES.some((pattern) => pattern.test(message))) return true
  // Node's AggregateError when both IPv4 and IPv6 addresses of the host refused the connection
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true
  return isDatabaseUnavailable(cause, depth + 1)
}
