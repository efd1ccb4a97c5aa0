// tap's `after`: stop the run's PostgreSQL and remove its files.
import { rmSync } from 'node:fs'
import { startEmbeddedPostgres } from '../../server/db/embedded'
import { harnessDir } from './harness'

async function main() {
  const server = await startEmbeddedPostgres({ dataDir: harnessDir, fast: true })
  await server.stop()
  rmSync(harnessDir, { recursive: true, force: true })
}

main().catch((err) => {
  console.error('Could not stop the test database:', err)
  process.exit(1)
})
