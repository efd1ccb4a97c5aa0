// A standalone Kysely over its own pool, for the command line and the test harness (no Fastify).
import './pg-types'
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema'
import { poolDefaults, watchPool } from './pool'

export function connect(connectionString: string, max = 5): Kysely<Database> {
  const pool = new pg.Pool({ ...poolDefaults, connectionString, max })
  // the query in flight fails with the same error and says what happened
  watchPool(pool, () => {})
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
