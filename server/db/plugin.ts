// One pg Pool, owned by @fastify/postgres, shared by Kysely. Never destroy this Kysely: the plugin ends the pool.
import './pg-types'
import fp from 'fastify-plugin'
import fastifyPostgres from '@fastify/postgres'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema'
import { poolDefaults, watchPool } from './pool'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
  }
}

export default fp(
  async function database(app, opts: { connectionString: string; max?: number }) {
    await app.register(fastifyPostgres, { ...poolDefaults, connectionString: opts.connectionString, max: opts.max ?? 10 })
    watchPool(app.pg.pool, (err, message) => app.log.warn({ err }, message))
    app.decorate('db', new Kysely<Database>({ dialect: new PostgresDialect({ pool: app.pg.pool }) }))
  },
  { name: 'lantern-db' }
)
