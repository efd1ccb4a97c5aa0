// The `cluster` role, wherever roles are chosen: the command line, the Staff form, an invitation, and
// the database itself. A cluster officer is never a DSL and is never offered as a meeting's attendee.
import t from 'tap'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { FileMigrationProvider, Migrator } from 'kysely'
import { migrationsFolder } from '../../server/db/migrate'
import { runCli } from '../cli/run'
import { createTestDatabase } from '../db'
import { buildTestApp, connect, createSchool, createUser, signedIn } from '../helper'

t.test('user add --role cluster adds an officer; with --dsl it is refused and writes nothing', async (t) => {
  const url = await createTestDatabase(t)
  t.equal((await runCli(url, ['school', 'add', '--urn', '123456', '--name', 'Hillside High'])).code, 0)
  const refused = await runCli(url, ['user', 'add', '--email', 'officer@council.test', '--name', 'Olu', '--school', '123456', '--role', 'cluster', '--dsl'])
  t.equal(refused.code, 1)
  t.match(refused.stderr, 'A cluster officer cannot be a designated safeguarding lead')
  t.match(refused.stderr, 'Leave out --dsl')
  const db = connect(url)
  t.teardown(() => db.destroy())
  t.equal((await db.selectFrom('users').selectAll().execute()).length, 0, 'no account')

  const ok = await runCli(url, ['user', 'add', '--email', 'officer@council.test', '--name', 'Olu', '--school', '123456', '--role', 'cluster'])
  t.equal(ok.code, 0, ok.stderr)
  t.match(JSON.parse(ok.stdout), { role: 'cluster', dsl: false })
  const m = await db.selectFrom('memberships').select(['role', 'is_dsl']).executeTakeFirstOrThrow()
  t.same(m, { role: 'cluster', is_dsl: false })

  const bad = await runCli(url, ['user', 'add', '--email', 'x@y.test', '--name', 'X', '--school', '123456', '--role', 'trust'])
  t.equal(bad.code, 2)
  t.match(bad.stderr, 'lead, pastoral, link or cluster')
})

t.test('the database refuses a cluster membership or invitation marked DSL, and takes the role', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const user = await createUser(app, [{ schoolId: school.id, role: 'cluster' }])
  await t.rejects(app.db.updateTable('memberships').set({ is_dsl: true }).where('user_id', '=', user.id).execute(), /memberships_cluster_not_dsl/)
  await t.rejects(
    app.db.insertInto('invitations').values({ token_hash: 'x', school_id: school.id, user_id: user.id, expires_at: new Date(), kind: 'join', role: 'cluster', is_dsl: true }).execute(),
    /invitations_cluster_not_dsl/
  )
  await t.resolves(app.db.insertInto('invitations').values({ token_hash: 'y', school_id: school.id, user_id: user.id, expires_at: new Date(), kind: 'join', role: 'cluster' }).execute())
  await t.rejects(app.db.insertInto('memberships').values({ user_id: user.id, school_id: (await createSchool(app, 'Other')).id, role: 'trust' as 'cluster' }).execute(), /memberships_role_check/)
})

t.test('the Staff form offers the cluster role, refuses it marked DSL, and its invitee lands on the overview', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Oakfield Academy')
  const elsewhere = await createSchool(app, 'Elm Park School')
  await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@oak.test' })
  await createUser(app, [{ schoolId: elsewhere.id, role: 'cluster' }], { email: 'officer@council.test', name: 'Olu Officer' })
  const lead = await signedIn(app, 'lead@oak.test')
  const form = await lead.get(`/s/${school.urn}/staff`)
  t.match(form.body, 'id="role-cluster"')
  t.match(form.body, 'Trust, local authority or MHST officer (cluster figures only)')

  const dsl = await lead.post(`/s/${school.urn}/staff`, { name: 'Olu Officer', email: 'officer@council.test', role: 'cluster', dsl: 'yes' })
  t.equal(dsl.statusCode, 422)
  t.match(dsl.body, 'id="dsl-error"')
  t.match(dsl.body, 'A cluster officer cannot be a designated safeguarding lead')
  t.equal((await app.db.selectFrom('invitations').selectAll().execute()).length, 0, 'nothing written')

  const invited = await lead.post(`/s/${school.urn}/staff`, { name: 'Olu Officer', email: 'officer@council.test', role: 'cluster' })
  t.equal(invited.statusCode, 200)
  const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(invited.body)![1]
  const officer = await signedIn(app, 'officer@council.test')
  t.match((await officer.get(`/invitation/${token}`)).body, 'Trust, local authority or MHST officer')
  const accepted = await officer.post(`/invitation/${token}/join`)
  t.equal(accepted.statusCode, 303)
  t.equal(accepted.headers.location, '/cluster', 'a cluster officer goes to the overview, not the school’s pages')
  const overview = await officer.get('/cluster')
  t.match(overview.body, 'Oakfield Academy')
  t.match(overview.body, 'Elm Park School')
  t.equal((await officer.get(`/s/${school.urn}`)).statusCode, 403)

  const staff = await lead.get(`/s/${school.urn}/staff`)
  t.match(staff.body, /Olu Officer<\/td>\s*<td[^>]*>officer@council.test<\/td>\s*<td[^>]*>Trust, local authority or MHST officer/, 'listed with the role')

  const account = await officer.get('/account')
  t.match(account.body, 'Trust, local authority or MHST officer (cluster figures only)')
  t.notMatch(account.body, `href="/s/${school.urn}"`, 'no link into a school the role does not open')
})

t.test('a cluster officer is no meeting attendee and sees no school’s supervision', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Oakfield Academy')
  const other = await createSchool(app, 'Elm Park School')
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@oak.test' })
  await createUser(app, [{ schoolId: school.id, role: 'cluster' }, { schoolId: other.id, role: 'link' }], { email: 'both@mhst.test', name: 'Bo Both' })
  await app.db.insertInto('supervision_meetings').values({ school_id: school.id, meets_on: '2026-10-01' }).execute()
  const lead = await signedIn(app, 'lead@oak.test')
  const plan = await lead.get(`/s/${school.urn}/supervision/meetings/new`)
  t.equal(plan.statusCode, 200)
  t.notMatch(plan.body, 'Bo Both', 'not offered as an attendee or link worker')

  const both = await signedIn(app, 'both@mhst.test')
  t.equal((await both.get('/')).headers.location, '/cluster', 'any cluster membership makes the overview home')
  const supervision = await both.get('/supervision')
  t.equal(supervision.statusCode, 200)
  t.match(supervision.body, 'Elm Park School')
  t.notMatch(supervision.body, 'Oakfield Academy', 'the cluster school’s meetings are not listed')
  const overview = await both.get('/cluster')
  t.match(overview.body, `href="/s/${other.urn}/supervision"`, 'the link worker’s school opens at its supervision')
  t.notMatch(overview.body, `href="/s/${school.urn}`)
})

t.test('the role’s migration goes down and up again: before it the database refuses the role', async (t) => {
  const db = connect(await createTestDatabase(t))
  t.teardown(() => db.destroy())
  const migrator = new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }), allowUnorderedMigrations: true })
  const executed = (await migrator.getMigrations()).filter((m) => m.executedAt)
  const before = executed.filter((m) => m.name < '0018_cluster_role').at(-1)!.name
  const down = await migrator.migrateTo(before)
  t.notOk(down.error, `back to ${before}`)
  const school = await db.insertInto('schools').values({ urn: '654321', name: 'Old School' }).returning('id').executeTakeFirstOrThrow()
  const user = await db.insertInto('users').values({ email: 'officer@council.test', name: 'Olu', password_hash: null }).returning('id').executeTakeFirstOrThrow()
  await t.rejects(db.insertInto('memberships').values({ user_id: user.id, school_id: school.id, role: 'cluster' }).execute(), /memberships_role_check/)
  const up = await migrator.migrateToLatest()
  t.notOk(up.error, 'up again')
  await t.resolves(db.insertInto('memberships').values({ user_id: user.id, school_id: school.id, role: 'cluster' }).execute())
})
