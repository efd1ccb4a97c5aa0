import t from 'tap'
import { loadConfig, ConfigError } from '../../server/config'

t.test('defaults follow the contract', async (t) => {
  const config = loadConfig({})
  t.equal(config.port, 3000)
  t.equal(config.host, '127.0.0.1')
  t.match(config.dataDir, /\.lantern$/)
  t.equal(config.databaseUrl, undefined)
  t.equal(config.seedDemo, true)
})

t.test('a bad value stops start-up with a message naming the variable', async (t) => {
  t.throws(() => loadConfig({ PORT: 'eighty' }), /Lantern cannot start: the environment is not valid\.\n {2}PORT:/)
  t.ok((() => { try { loadConfig({ PORT: 'x' }) } catch (e) { return e instanceof ConfigError } })())
  t.throws(() => loadConfig({ PORT: '70000' }), /PORT/)
  t.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/)
})

t.test('DATABASE_URL requires SESSION_SECRET', async (t) => {
  t.throws(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db.example/lantern' }), /SESSION_SECRET: is required when DATABASE_URL is set/)
  t.throws(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/l', SESSION_SECRET: 'short' }), /SESSION_SECRET: must be at least 32/)
  const ok = loadConfig({ DATABASE_URL: 'postgres://u:p@db/l', SESSION_SECRET: 'x'.repeat(40) })
  t.equal(ok.databaseUrl, 'postgres://u:p@db/l')
  t.equal(ok.seedDemo, false, 'no demo seeding against an external database unless asked')
})

t.test('blank values count as unset', async (t) => {
  t.equal(loadConfig({ PORT: '' }).port, 3000)
})

t.test('LANTERN_TRUST_PROXY trusts one proxy, a number of hops or named addresses, never every hop', async (t) => {
  t.equal(loadConfig({}).trustProxy, false)
  for (const off of ['false', 'no', '0']) t.equal(loadConfig({ LANTERN_TRUST_PROXY: off }).trustProxy, false, off)
  for (const one of ['true', 'yes', 'TRUE', '1']) t.equal(loadConfig({ LANTERN_TRUST_PROXY: one }).trustProxy, 1, one)
  t.equal(loadConfig({ LANTERN_TRUST_PROXY: '2' }).trustProxy, 2)
  t.same(loadConfig({ LANTERN_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1' }).trustProxy, ['10.0.0.5', '192.168.0.0/16', '::1'])
  t.throws(() => loadConfig({ LANTERN_TRUST_PROXY: 'everyone' }), /LANTERN_TRUST_PROXY: must be false, true .*not an address: everyone/)
  t.throws(() => loadConfig({ LANTERN_TRUST_PROXY: '10.0.0.0/33' }), /LANTERN_TRUST_PROXY/)
  t.throws(() => loadConfig({ LANTERN_TRUST_PROXY: '50' }), /LANTERN_TRUST_PROXY/)
})
