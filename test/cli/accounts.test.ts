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

t.test('demo seeds schools and staff and prints a login', async (t) => {
  const url = await createTestDatabase(t)
  const res = await runCli(url, ['demo'])
  t.equal(res.code, 0, res.stderr)
  const login = JSON.parse(res.stdout)
  t.equal(login.email, 'lead@demo.lantern.test')
  t.type(login.password, 'string')
  const again = await runCli(url, ['demo'])
  t.equal(again.code, 0, 'running it twice is fine')
  const db = connect(url)
  t.teardown(() => db.destroy())
  t.equal((await db.selectFrom('schools').select('id').execute()).length, 2)
})
