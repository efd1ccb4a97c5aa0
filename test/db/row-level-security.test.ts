// Row-level security in PostgreSQL, beneath the app's own scoping: the role requests run as sees no
// pupil data without the school setting, only its own school's with it, cannot write another school's
// rows, and cannot turn any of it off. Every table with a school's data is covered, so a new one that
// is not fails here.
import t from 'tap'
import pg from 'pg'
import { sql } from 'kysely'
import { APP_ROLE, appRoleUrl, currentScope, runScoped, SCOPE_SETTING, scopeValue } from '../../server/db/scope'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { createTestDatabase } from '../db'
import { addKeptRecords, demoSchool, handleAlerts, richestPupil } from '../records/fixture'

/** Tables with a school_id that hold no pupil data and are read before any school is known (migration 0021). */
const UNSCOPED = new Set(['memberships', 'invitations', 'school_data_versions'])

async function asAppRole<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

t.test('row-level security on every table of a school’s data', async (t) => {
  const { app, school, other, lead, signIn } = await demoSchool(t)
  // every kind of record, in both schools
  for (const s of [school, other]) {
    const browser = await signIn((await app.db.selectFrom('users').innerJoin('memberships', 'memberships.user_id', 'users.id').select('email').where('memberships.school_id', '=', s.id).where('memberships.role', '=', 'lead').where('memberships.is_dsl', '=', true).executeTakeFirstOrThrow()).email)
    const pupilId = await richestPupil(app, s.id)
    await handleAlerts(app, browser, s, pupilId)
    const user = await app.db.selectFrom('memberships').select('user_id').where('school_id', '=', s.id).where('role', '=', 'lead').executeTakeFirstOrThrow()
    await addKeptRecords(app, browser, s, pupilId, user.user_id)
  }
  t.ok(lead)
  const ownerUrl = (app.pg.pool as unknown as { options: { connectionString: string } }).options.connectionString
  const appUrl = appRoleUrl(ownerUrl)

  const { rows: tables } = await sql<{ table_name: string; rls: boolean; policies: number }>`
    select c.relname as table_name, c.relrowsecurity as rls,
           (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and exists (select 1 from information_schema.columns col where col.table_schema = n.nspname and col.table_name = c.relname and col.column_name = 'school_id')
    order by c.relname`.execute(app.db)
  const scoped = tables.filter((r) => !UNSCOPED.has(r.table_name))
  t.ok(scoped.length >= 30, `${scoped.length} tables hold a school's data`)
  for (const r of scoped) t.ok(r.rls && r.policies >= 1, `${r.table_name} has row-level security and a policy`)
  for (const name of UNSCOPED) t.ok(tables.some((r) => r.table_name === name), `${name} exists (the list of unscoped tables is current)`)

  const view = await sql<{ options: string[] | null }>`select reloptions as options from pg_class where relname = 'safeguarding_alerts' and relkind = 'v'`.execute(app.db)
  t.ok(view.rows[0]?.options?.includes('security_invoker=true'), 'safeguarding_alerts reads its tables as the caller')

  const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; owns: number }>`
    select rolsuper, rolbypassrls, rolcreaterole,
           (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
    from pg_roles r where rolname = ${APP_ROLE}`.execute(app.db)
  t.same(role.rows[0], { rolsuper: false, rolbypassrls: false, rolcreaterole: false, owns: 0 }, 'the app role can bypass nothing and owns nothing')

  // what the owner sees, per table and school
  const counts = new Map<string, { mine: number; others: number }>()
  for (const { table_name } of scoped) {
    const { rows } = await sql<{ mine: number; others: number }>`
      select count(*) filter (where school_id = ${school.id})::int as mine, count(*) filter (where school_id <> ${school.id})::int as others
      from ${sql.table(table_name)}`.execute(app.db)
    counts.set(table_name, rows[0]!)
  }
  const filledBoth = [...counts].filter(([, c]) => c.mine > 0 && c.others > 0).map(([name]) => name)
  t.ok(filledBoth.length >= 20, `${filledBoth.length} tables have rows in both schools: ${filledBoth.join(', ')}`)

  await t.test('without the setting, the app role sees nothing', async (t) => {
    await asAppRole(appUrl, async (c) => {
      t.equal((await c.query('select current_user as who')).rows[0].who, APP_ROLE)
      for (const { table_name } of scoped) {
        const { rows } = await c.query(`select count(*)::int as n from ${table_name}`)
        t.equal(rows[0].n, 0, `${table_name}: nothing`)
      }
      const alerts = await c.query('select count(*)::int as n from safeguarding_alerts')
      t.equal(alerts.rows[0].n, 0, 'the alerts view: nothing')
    })
  })

  await t.test('scoped to school A, it sees all of A and none of B', async (t) => {
    await asAppRole(appUrl, async (c) => {
      await c.query('select set_config($1, $2, false)', [SCOPE_SETTING, scopeValue([school.id])])
      for (const { table_name } of scoped) {
        const { rows } = await c.query(`select count(*) filter (where school_id = $1)::int as mine, count(*) filter (where school_id <> $1)::int as others from ${table_name}`, [school.id])
        t.same(rows[0], { mine: counts.get(table_name)!.mine, others: 0 }, `${table_name}: A's ${counts.get(table_name)!.mine} rows, none of B's`)
      }
      const alerts = await c.query('select count(*) filter (where school_id <> $1)::int as others, count(*)::int as n from safeguarding_alerts', [school.id])
      t.equal(alerts.rows[0].others, 0, 'the alerts view: none of B')
      t.ok(alerts.rows[0].n > 0, 'the alerts view: A’s alerts')
    })
  })

  await t.test('scoped to school A, it cannot write, move or remove B’s rows, nor turn security off', async (t) => {
    await asAppRole(appUrl, async (c) => {
      await c.query('select set_config($1, $2, false)', [SCOPE_SETTING, scopeValue([school.id])])
      await t.rejects(
        c.query(`insert into pupils (school_id, upn, surname, forename, dob) values ($1, 'A123456789013', 'Example', 'Pat', '2015-01-01')`, [other.id]),
        /row-level security/,
        'a pupil cannot be added to B'
      )
      const moved = await c.query('update pupils set school_id = $1 where school_id = $2', [other.id, school.id]).catch((err: Error) => err)
      t.match(String(moved), /row-level security/, 'A’s pupils cannot be moved to B')
      const updated = await c.query(`update letters set text = text where school_id = $1`, [other.id])
      t.equal(updated.rowCount, 0, 'B’s letters are not there to change')
      const deleted = await c.query('delete from pupil_pseudonyms where school_id = $1', [other.id])
      t.equal(deleted.rowCount, 0, 'B’s pseudonyms are not there to delete')
      await t.rejects(c.query('alter table pupils disable row level security'), /must be owner/, 'it cannot turn security off')
      await t.rejects(c.query('truncate pupils'), /permission denied/, 'it cannot truncate')
    })
    const after = await app.db.selectFrom('pupils').select(sql<number>`count(*)::int`.as('n')).where('school_id', '=', other.id).executeTakeFirstOrThrow()
    t.equal(after.n, counts.get('pupils')!.others, 'B keeps every pupil')
  })

  await t.test('the app: a request’s queries run as the app role, scoped; outside a request, as the owner', async (t) => {
    t.equal(currentScope(), null, 'the test itself is outside any request')
    const all = await app.db.selectFrom('pupils').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    t.equal(all.n, counts.get('pupils')!.mine + counts.get('pupils')!.others, 'outside a request: every school')
    const seen = await runScoped(async () => {
      const who = await sql<{ who: string }>`select current_user as who`.execute(app.db)
      const b = await app.db.selectFrom('pupils').select(sql<number>`count(*)::int`.as('n')).where('school_id', '=', other.id).executeTakeFirstOrThrow()
      const a = await app.db.selectFrom('pupils').select(sql<number>`count(*)::int`.as('n')).where('school_id', '=', school.id).executeTakeFirstOrThrow()
      // a transaction takes the scope too
      const inTrx = await app.db.transaction().execute((trx) => trx.selectFrom('letters').select(sql<number>`count(*)::int`.as('n')).where('school_id', '=', other.id).executeTakeFirstOrThrow())
      return { who: who.rows[0]!.who, a: a.n, b: b.n, inTrx: inTrx.n }
    }, [school.id])
    t.same(seen, { who: APP_ROLE, a: counts.get('pupils')!.mine, b: 0, inTrx: 0 }, 'in school A’s scope: A’s pupils, none of B’s, in a transaction too')
    const none = await runScoped(() => app.db.selectFrom('pupils').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow())
    t.equal(none.n, 0, 'a request before sign-in sees no pupil')

    // real pages: the lead (of both schools) and A's pastoral member read the pupils list
    const browser = await signIn(lead.email)
    const page = await browser.get(`/s/${school.urn}/pupils`)
    t.equal(page.statusCode, 200)
    t.ok((await browser.get(`/s/${other.urn}/pupils`)).statusCode === 200, 'B’s list for the lead of both')
    const pastoral = await signIn('pastoral@demo.lantern.test')
    t.equal((await pastoral.get(`/s/${school.urn}/pupils`)).statusCode, 200)
    t.equal((await pastoral.get(`/s/${other.urn}/pupils`)).statusCode, 404, 'B’s list is not there for A’s pastoral member')
    const { rows } = await sql<{ usename: string }>`select distinct usename from pg_stat_activity where datname = current_database() and usename = ${APP_ROLE}`.execute(app.db)
    t.equal(rows.length, 1, 'the app pool’s connections are the app role’s')
  })
})

t.test('Lantern refuses to serve requests as a role that row-level security would not bind', async (t) => {
  // the app closes its pool before its database is dropped (as test/helper.ts does)
  const drops: Array<() => unknown> = []
  const url = await createTestDatabase({ teardown: (fn) => drops.push(fn) })
  const config = { ...loadConfig({ LANTERN_LOG_LEVEL: 'silent', LANTERN_DATA_DIR: '/nonexistent' }), appDatabaseUrl: url }
  // LANTERN_APP_DATABASE_URL pointed at the owner (a superuser here, and owner of every table)
  await t.rejects(buildApp({ config, databaseUrl: url, sessionSecret: 'a test session secret that is long enough!!' }), /will not serve requests as the database role .*row-level security would not apply/)
  // the role Lantern makes is accepted when named explicitly
  const app = await buildApp({ config: { ...config, appDatabaseUrl: appRoleUrl(url) }, databaseUrl: url, sessionSecret: 'a test session secret that is long enough!!' })
  t.teardown(async () => {
    await app.close()
    for (const drop of drops) await drop()
  })
  t.equal((await app.inject({ url: '/healthz' })).statusCode, 200)
})
