// A throwaway database per test file, copied from the migrated template that the run's `before` made.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { connectionFile, TEMPLATE_DB } from './setup/harness'

interface Teardown { teardown(fn: () => unknown): void }

function serverUrl(database: string): string {
  const { url } = JSON.parse(readFileSync(connectionFile, 'utf8')) as { url: string }
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Creates a fresh migrated database for this test file and drops it when the test ends. */
export async function createTestDatabase(t: Teardown): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`))
  t.teardown(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)))
  return serverUrl(name)
}

/** Creates an empty database (no schema at all) for this test file and drops it when the test ends. */
export async function createEmptyDatabase(t: Teardown): Promise<string> {
  const name = `e_${randomBytes(6).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0`))
  t.teardown(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)))
  return serverUrl(name)
}
