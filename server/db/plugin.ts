// One pg Pool, owned by @fastify/postgres, shared by Kysely. Never destroy this Kysely: the plugin ends the pool.
import './pg-types'
import fp from 'fastify-plugin'
import fastifyPostgres from '@fastify/postgres'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
  }
}

export default fp(
  async function database(app, opts: { connectionString: string; max?: number }) {
    await app.register(fastifyPostgres, { connectionString: opts.connectionString, max: opts.max ?? 10 })
    app.decorate('db', new Kysely<Database>({ dialect: new PostgresDialect({ pool: app.pg.pool }) }))
  },
  { name: 'lantern-db' }
)
