// A standalone Kysely over its own pool, for the command line and the test harness (no Fastify).
import './pg-types'
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema'

export function connect(connectionString: string, max = 5): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max }) }) })
}
