// Where the database comes from at run time: DATABASE_URL, or the embedded PostgreSQL in the data directory.
import type { Config } from '../config'
import { dataDirSecrets, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded'

export interface DatabaseRuntime {
  url: string
  sessionSecret: string
  embedded: EmbeddedPostgres | null
}

export async function openDatabase(config: Config, log: (message: string) => void): Promise<DatabaseRuntime> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, sessionSecret: config.sessionSecret!, embedded: null }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, preferredPort: 54329, log })
  return { url: embedded.url, sessionSecret: config.sessionSecret ?? dataDirSecrets(config.dataDir).sessionSecret, embedded }
}
