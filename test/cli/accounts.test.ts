// The command line as acceptance tests drive it: a real process, JSON on stdout, exit codes 0/1/2.
import t from 'tap'
import { connect } from '../../server/db/connect'
import { createTestDatabase } from '../db'
import { runCli } from './run'

export { runCli }

t.test('school add, user add, and their refusals', async (t) => {
  const url = await createTestDatabase(t)
  const added = await runCli(url, ['school', 'add', '--urn', '123456', '--name', 'Hillside High'])
  t.equal(added.code, 0, added.stderr)
  t.match(JSON.parse(added.stdout), { urn: '123456', name: 'Hillside High' })

  const dup = await runCli(url, ['school', 'add', '--urn', '123456', '--name', 'Again'])
  t.equal(dup.code, 1)
  t.match(dup.stderr, 'already exists')

  t.equal((await runCli(url, ['school', 'add', '--urn', '12', '--name', 'X'])).code, 2, 'bad URN is a usage error')
  t.equal((await runCli(url, ['school', 'add', '--name', 'X'])).code, 2, 'missing flag')
  t.equal((await runCli(url, ['no-such-command'])).code, 2)
  t.equal((await runCli(url, ['school', 'add', '--urn', '123457', '--name', 'X', '--bogus'])).code, 2, 'unknown flag')

  const user = await runCli(url, ['user', 'add', '--email', 'Lead@Hillside.test', '--name', 'Lee', '--school', '123456', '--role', 'lead', '--dsl'])
  t.equal(user.code, 0, user.stderr)
  const out = JSON.parse(user.stdout)
  t.equal(out.email, 'lead@hillside.test')
  t.equal(out.dsl, true)
  t.type(out.password, 'string')
  t.ok(out.password.length >= 12, 'a one-time password is printed')

  const noSchool = await runCli(url, ['user', 'add', '--email', 'x@y.test', '--name', 'X', '--school', '999999', '--role', 'lead'])
  t.equal(noSchool.code, 1)
  t.match(noSchool.stderr, 'No school has URN 999999')
  t.equal((await runCli(url, ['user', 'add', '--email', 'x@y.test', '--name', 'X', '--school', '123456', '--role', 'admin'])).code, 2)

  const db = connect(url)
  t.teardown(() => db.destroy())
  const row = await db.selectFrom('users').selectAll().where('email', '=', 'lead@hillside.test').executeTakeFirstOrThrow()
  t.equal(row.must_change_password, true)
  t.not(row.password_hash, out.password, 'stored hashed')
  t.match(row.password_hash, /^\$argon2id\$/)
  t.equal((await db.selectFrom('users').select('id').where('email', '=', 'x@y.test').execute()).length, 0, 'refusals wrote nothing')
})

t.test('user reset-second-factor removes an account’s second factor, ends its sessions and is audited', async (t) => {
  const url = await createTestDatabase(t)
  await runCli(url, ['school', 'add', '--urn', '123456', '--name', 'Hillside High'])
  const added = JSON.parse((await runCli(url, ['user', 'add', '--email', 'lead@hillside.test', '--name', 'Lee', '--school', '123456', '--role', 'lead'])).stdout)
  const none = await runCli(url, ['user', 'reset-second-factor', '--email', 'lead@hillside.test'])
  t.equal(none.code, 1)
  t.match(none.stderr, 'no second factor set up')
  const db = connect(url)
  t.teardown(() => db.destroy())
  await db.insertInto('second_factors').values({ user_id: added.id, secret_sealed: 'v1.sealed.by.the.app', last_time_step: null }).execute()
  await db.insertInto('recovery_codes').values({ user_id: added.id, code_hash: 'a'.repeat(64) }).execute()
  await db.insertInto('sessions').values({ sid: 'a-session', data: JSON.stringify({ userId: added.id }), expires_at: new Date(Date.now() + 60_000) }).execute()
  const reset = await runCli(url, ['user', 'reset-second-factor', '--email', 'Lead@Hillside.test'])
  t.equal(reset.code, 0, reset.stderr)
  t.match(JSON.parse(reset.stdout), { email: 'lead@hillside.test', reset: true })
  t.equal((await db.selectFrom('second_factors').select('user_id').execute()).length, 0)
  t.equal((await db.selectFrom('recovery_codes').select('id').execute()).length, 0)
  t.equal((await db.selectFrom('sessions').select('sid').execute()).length, 0, 'signed out')
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'second_factor_reset').execute()
  t.match(audit, [{ user_id: null, subject_id: String(added.id), detail: { via: 'cli' } }])
  t.equal((await runCli(url, ['user', 'reset-second-factor', '--email', 'nobody@hillside.test'])).code, 1, 'no such account')
  t.equal((await runCli(url, ['user', 'reset-second-factor'])).code, 2, 'no --email')
})

t.test('demo seeds schools and staff and prints a login', async (t) => {
  const url = await createTestDatabase(t)
  const res = await runCli(url, ['demo'])
  t.equal(res.code, 0, res.stderr)
  const login = JSON.parse(res.stdout)
  t.equal(login.email, 'lead@demo.lantern.test')
  t.type(login.password, 'string')
  t.match(login.secondFactor, 'authenticator app', 'it says how the lead and link worker sign in')
  const again = await runCli(url, ['demo'])
  t.equal(again.code, 0, 'running it twice is fine')
  const db = connect(url)
  t.teardown(() => db.destroy())
  t.equal((await db.selectFrom('schools').select('id').execute()).length, 2)
})
