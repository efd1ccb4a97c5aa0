// Two pg Pools: the owner's, owned by @fastify/postgres, and the app role's, whose connections carry
// each request's school scope for row-level security (scope.ts). Never destroy these Kyselys: the
// plugin ends the pools.
import './pg-types'
import fp from 'fastify-plugin'
import fastifyPostgres from '@fastify/postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import { poolDefaults, watchPool } from './pool'
import { appRoleUrl, checkAppRole, ensureAppRole, runScoped, ScopedPool } from './scope'

declare module 'fastify' {
  interface FastifyInstance {
    /** Inside a request: the app role, seeing only the request's schools. Outside one: the owner. */
    db: Kysely<Database>
    /**
     * The owner, whatever the scope: only for what must see across schools inside a request (the
     * session with its access, the audit log's group commit). test/architecture lists its users.
     */
    systemDb: Kysely<Database>
  }
}

export default fp(
  async function database(app, opts: { connectionString: string; appConnectionString?: string; max?: number }) {
    const max = opts.max ?? 10
    // the owner serves sessions and the audit log's commits; requests' own queries go to the app pool
    await app.register(fastifyPostgres, { ...poolDefaults, connectionString: opts.connectionString, max: Math.max(2, Math.ceil(max / 2)) })
    watchPool(app.pg.pool, (err, message) => app.log.warn({ err }, message))
    if (!opts.appConnectionString) await ensureAppRole(app.pg.pool, opts.connectionString)
    const appPool = new pg.Pool({ ...poolDefaults, connectionString: appRoleUrl(opts.connectionString, opts.appConnectionString), max })
    watchPool(appPool, (err, message) => app.log.warn({ err }, message))
    app.addHook('onClose', async () => {
      await appPool.end()
    })
    await checkAppRole(appPool)
    app.decorate('systemDb', new Kysely<Database>({ dialect: new PostgresDialect({ pool: app.pg.pool }) }))
    app.decorate('db', new Kysely<Database>({ dialect: new PostgresDialect({ pool: new ScopedPool(app.pg.pool, appPool) }) }))
    // the first hook of every request: from here to the reply, its queries see no school until auth says which
    app.addHook('onRequest', (_request, _reply, done) => {
      runScoped(done)
    })
  },
  { name: 'lantern-db' }
)
