// Where the database comes from at run time: DATABASE_URL, or the embedded PostgreSQL in the data directory.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config'
import { dataDirSecrets, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded'

export interface DatabaseRuntime {
  url: string
  sessionSecret: string
  embedded: EmbeddedPostgres | null
  /** stops the embedded PostgreSQL if this process owns it */
  close(): Promise<void>
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * `server: true` for `npm start`: the server owns the embedded PostgreSQL, and takes over one that a
 * crashed server left running. The command line (server: false) uses a running one as it finds it.
 */
export async function openDatabase(config: Config, log: (message: string) => void, opts: { server?: boolean } = {}): Promise<DatabaseRuntime> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, sessionSecret: config.sessionSecret!, embedded: null, close: async () => {} }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, preferredPort: 54329, log })
  let owned = embedded.startedHere
  const pidFile = join(config.dataDir, 'server.pid')
  if (opts.server) {
    const previous = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0
    const otherServer = previous > 0 && previous !== process.pid && alive(previous)
    if (!owned && !otherServer) {
      log('Taking over the PostgreSQL that a previous run left running.')
      owned = true
    }
    if (owned) writeFileSync(pidFile, String(process.pid))
  }
  return {
    url: embedded.url,
    sessionSecret: config.sessionSecret ?? dataDirSecrets(config.dataDir).sessionSecret,
    embedded,
    close: async () => {
      if (!owned) return
      await embedded.stop()
      if (opts.server) rmSync(pidFile, { force: true })
    }
  }
}
