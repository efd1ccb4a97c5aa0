// Only a school's own staff can be designated safeguarding leads: refused on the command line, the
// Staff page and by the database itself.
import t from 'tap'
import { FileMigrationProvider, Migrator } from 'kysely'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { migrationsFolder } from '../../server/db/migrate'
import { runCli } from '../cli/run'
import { createTestDatabase } from '../db'
import { buildTestApp, connect, createSchool, createUser, signedIn } from '../helper'

t.test('user add --role link --dsl is refused and writes nothing', async (t) => {
  const url = await createTestDatabase(t)
  t.equal((await runCli(url, ['school', 'add', '--urn', '123456', '--name', 'Hillside High'])).code, 0)
  const res = await runCli(url, ['user', 'add', '--email', 'link@camhs.test', '--name', 'Lin', '--school', '123456', '--role', 'link', '--dsl'])
  t.equal(res.code, 1, 'refused')
  t.match(res.stderr, 'A CAMHS link worker cannot be a designated safeguarding lead')
  t.match(res.stderr, '--dsl')
  const db = connect(url)
  t.teardown(() => db.destroy())
  t.equal((await db.selectFrom('users').selectAll().execute()).length, 0, 'no account')
  t.equal((await db.selectFrom('memberships').selectAll().execute()).length, 0, 'no membership')
  const ok = await runCli(url, ['user', 'add', '--email', 'link@camhs.test', '--name', 'Lin', '--school', '123456', '--role', 'link'])
  t.equal(ok.code, 0, 'a link worker without --dsl is added')
})

t.test('the Staff form refuses a link worker marked DSL, with the error on the checkbox', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@school.test' })
  const lead = await signedIn(app, 'lead@school.test')
  await lead.get(`/s/${school.urn}/staff`)
  const res = await lead.post(`/s/${school.urn}/staff`, { name: 'Lin Link', email: 'lin@camhs.test', role: 'link', dsl: 'yes' })
  t.equal(res.statusCode, 422)
  t.match(res.body, 'id="dsl-error"')
  t.match(res.body, 'href="#dsl"')
  t.match(res.body, 'value="lin@camhs.test"', 'what was typed is kept')
  t.equal((await app.db.selectFrom('users').selectAll().where('email', '=', 'lin@camhs.test').execute()).length, 0, 'nothing written')
  const pastoral = await lead.post(`/s/${school.urn}/staff`, { name: 'Pat Pastoral', email: 'pat@school.test', role: 'pastoral', dsl: 'yes' })
  t.equal(pastoral.statusCode, 200, 'pastoral staff can be DSLs')
})

t.test('the database refuses a link membership marked DSL', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const user = await createUser(app, [{ schoolId: school.id, role: 'link' }])
  await t.rejects(
    app.db.updateTable('memberships').set({ is_dsl: true }).where('user_id', '=', user.id).execute(),
    /memberships_link_not_dsl/
  )
  await t.rejects(
    app.db.insertInto('memberships').values({ user_id: user.id, school_id: (await createSchool(app, 'Other')).id, role: 'link', is_dsl: true }).execute(),
    /memberships_link_not_dsl/
  )
})

t.test('the migration takes the DSL mark off link workers who had it, and audits each', async (t) => {
  const db = connect(await createTestDatabase(t))
  t.teardown(() => db.destroy())
  const migrator = new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }), allowUnorderedMigrations: true })
  const down = await migrator.migrateTo('0006_import_created')
  t.notOk(down.error, 'back to 0006')
  const school = await db.insertInto('schools').values({ urn: '654321', name: 'Old School' }).returning('id').executeTakeFirstOrThrow()
  const user = await db.insertInto('users').values({ email: 'old@camhs.test', name: 'Old Link', password_hash: null }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('memberships').values({ user_id: user.id, school_id: school.id, role: 'link', is_dsl: true }).execute()
  const up = await migrator.migrateToLatest()
  t.notOk(up.error, 'up again')
  const m = await db.selectFrom('memberships').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow()
  t.equal(m.is_dsl, false)
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'dsl_removed').execute()
  t.equal(audit.length, 1)
  t.equal(audit[0]!.subject_id, String(user.id))
})
