// Row-level security's other half: which schools' pupil data a connection may see (migration 0021).
//
// Every pupil-data table lets the app's database role (APP_ROLE) see and write only rows whose school
// is in `lantern.school_ids`. Inside a request, every query Lantern makes goes through ScopedPool on a
// connection of that role, with the setting made first for the schools the request may see: none until
// the user is known, then the user's own schools, then only the school of a /s/:urn page. A query that
// an application bug aims at another school finds nothing, and a write to one is refused.
//
// Outside any request (start-up, the command line, the test harness) queries run on the owner's
// connection, as before: those are operator tools over the whole installation. Inside a request the
// owner's connection is reached only by name (`systemDb`) and only where it must see across schools:
// reading the session with its access (it is what decides the scope) and the audit log's group commit.
import { AsyncLocalStorage } from 'node:async_hooks'
import { createHmac } from 'node:crypto'
import pg from 'pg'

/** The role a request's queries run as: no superuser, no BYPASSRLS, owner of nothing. */
export const APP_ROLE = 'lantern_app'

/** The setting that row-level security reads (`lantern_scope()` in migration 0021). */
export const SCOPE_SETTING = 'lantern.school_ids'

interface Scope {
  schoolIds: readonly number[]
}

const storage = new AsyncLocalStorage<Scope>()

/** Runs `fn` (a request, from its first hook to its last) seeing no school until setScope says which. */
export function runScoped<T>(fn: () => T, schoolIds: readonly number[] = []): T {
  return storage.run({ schoolIds: [...schoolIds] }, fn)
}

/** Narrows (or, once the user is known, sets) the schools the current request's queries may see. */
export function setScope(schoolIds: readonly number[]): void {
  const scope = storage.getStore()
  if (!scope) throw new Error('setScope outside a request scope')
  scope.schoolIds = [...schoolIds]
}

/** The schools the current request may see; null outside any request (the owner's connection). */
export function currentScope(): readonly number[] | null {
  return storage.getStore()?.schoolIds ?? null
}

/** The setting's value for a set of school ids: a PostgreSQL int[] literal. */
export function scopeValue(schoolIds: readonly number[]): string {
  return `{${schoolIds.filter((id) => Number.isSafeInteger(id)).join(',')}}`
}

type Client = pg.PoolClient

/**
 * What Kysely's PostgresDialect takes as its pool. A connection for a query inside a request comes
 * from the app role's pool with the request's scope set on it (one extra round trip only when the
 * connection last served other schools); outside a request, from the owner's pool.
 */
export class ScopedPool {
  private readonly applied = new WeakMap<Client, string>()

  constructor(
    private readonly owner: pg.Pool,
    private readonly app: pg.Pool
  ) {}

  async connect(): Promise<Client> {
    const scope = storage.getStore()
    if (!scope) return this.owner.connect()
    const client = await this.app.connect()
    const value = scopeValue(scope.schoolIds)
    if (this.applied.get(client) !== value) {
      try {
        // outside any transaction, so that it holds for the connection until the next change
        await client.query('select set_config($1, $2, false)', [SCOPE_SETTING, value])
      } catch (err) {
        client.release(err as Error)
        throw err
      }
      this.applied.set(client, value)
    }
    return client
  }

  /** The owner's pool is @fastify/postgres's (or the caller's) to end. */
  async end(): Promise<void> {
    await this.app.end()
  }
}

/**
 * The app role's connection URL: LANTERN_APP_DATABASE_URL when the operator made the role, otherwise
 * the owner's URL as APP_ROLE with a password derived from the owner's credentials (so every instance
 * and every database of one installation agrees on it without storing another secret).
 */
export function appRoleUrl(ownerUrl: string, explicit?: string): string {
  if (explicit) return explicit
  const url = new URL(ownerUrl)
  url.username = APP_ROLE
  url.password = derivedPassword(ownerUrl)
  return url.toString()
}

function derivedPassword(ownerUrl: string): string {
  const u = new URL(ownerUrl)
  const key = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}@${u.hostname}:${u.port}`
  return createHmac('sha256', key).update(`${APP_ROLE} role`).digest('hex')
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    return true
  } catch (err) {
    // 28P01: wrong password; 28000: the role may not log in (the migration made it without LOGIN)
    const code = (err as { code?: string }).code
    if (code === '28P01' || code === '28000') return false
    throw err
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * Lets APP_ROLE log in with its derived password, as the owner, when it cannot already (first start of
 * an installation). The migration made the role and its grants; this gives it LOGIN and a password
 * (checkAppRole then makes sure it can bypass nothing). The owner needs CREATEROLE for this; an operator whose owner lacks
 * it makes the role and sets LANTERN_APP_DATABASE_URL instead.
 */
export async function ensureAppRole(owner: pg.Pool, ownerUrl: string): Promise<void> {
  const url = appRoleUrl(ownerUrl)
  if (await canConnect(url)) return
  const password = derivedPassword(ownerUrl)
  for (let attempt = 1; ; attempt++) {
    try {
      await owner.query(
        `DO $$ BEGIN CREATE ROLE ${APP_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`
      )
      // hex only, so the literal cannot break out. The role's other attributes stay as the migration made
      // them (no superuser, no BYPASSRLS): before PostgreSQL 16 naming them at all needs a superuser.
      await owner.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD '${password}'`)
      return
    } catch (err) {
      // two instances starting at once may both alter the role: PostgreSQL then refuses one ("tuple concurrently updated")
      if (attempt >= 5 || (err as { code?: string }).code !== 'XX000') {
        throw new Error(
          `Could not let the database role ${APP_ROLE} sign in (${(err as Error).message}). Give the database owner CREATEROLE, ` +
            `or create the role yourself (LOGIN, no BYPASSRLS) and set LANTERN_APP_DATABASE_URL.`
        )
      }
      await new Promise((r) => setTimeout(r, 50 * attempt))
    }
  }
}

/**
 * Refuses to serve requests over a connection that row-level security would not bind: a superuser, a
 * role with BYPASSRLS, or the owner of a table (LANTERN_APP_DATABASE_URL pointed at the owner, say).
 */
export async function checkAppRole(app: pg.Pool): Promise<void> {
  const { rows } = await app.query<{ who: string; rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
    `select current_user as who, r.rolsuper, r.rolbypassrls,
            (select count(*)::int from pg_class c where c.relowner = r.oid and c.relkind in ('r', 'v', 'p')) as owns
     from pg_roles r where r.rolname = current_user`
  )
  const role = rows[0]!
  if (role.rolsuper || role.rolbypassrls || role.owns > 0) {
    const why = role.rolsuper ? 'is a superuser' : role.rolbypassrls ? 'has BYPASSRLS' : `owns ${role.owns} tables`
    throw new Error(
      `Lantern will not serve requests as the database role ${role.who}: it ${why}, so row-level security would not apply. ` +
        `Point LANTERN_APP_DATABASE_URL at a role without those rights (or unset it to let Lantern use ${APP_ROLE}).`
    )
  }
}
