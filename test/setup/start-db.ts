// tap's `before`: one real PostgreSQL for the whole run and a migrated template database that each
// test file copies (CREATE DATABASE … TEMPLATE) into a throwaway database of its own.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, runningPostmaster } from '../../server/db/embedded'
import { connect } from '../../server/db/connect'
import { migrateToLatest } from '../../server/db/migrate'
import { ensureAppRole } from '../../server/db/scope'
import { connectionFile, harnessDir, TEMPLATE_DB } from './harness'

async function main() {
  const stale = runningPostmaster(join(harnessDir, 'postgres'))
  if (stale) process.kill(stale.pid, 'SIGQUIT')
  await new Promise((r) => setTimeout(r, stale ? 500 : 0))
  rmSync(harnessDir, { recursive: true, force: true })
  const server = await startEmbeddedPostgres({ dataDir: harnessDir, fast: true })
  const admin = new URL(server.url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  await client.query(`CREATE DATABASE ${TEMPLATE_DB}`)
  await client.end()
  const templateUrl = new URL(server.url)
  templateUrl.pathname = `/${TEMPLATE_DB}`
  const db = connect(templateUrl.toString(), 1)
  await migrateToLatest(db)
  await db.destroy()
  // once, before any test file's app: the role requests run as, able to sign in
  const pool = new pg.Pool({ connectionString: templateUrl.toString(), max: 1 })
  await ensureAppRole(pool, templateUrl.toString())
  await pool.end()
  writeFileSync(connectionFile, JSON.stringify({ url: server.url }))
}

main().catch((err) => {
  console.error('Could not start the test database:', err)
  process.exit(1)
})
