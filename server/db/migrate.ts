// Runs the numbered migrations in dist/migrations (compiled from migrations/) in order.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { FileMigrationProvider, Migrator, type Kysely, type MigrationResult } from 'kysely'
import { projectRoot } from '../paths'

export const migrationsFolder = path.join(projectRoot, 'dist', 'migrations')

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  // Branches may add migrations out of number order; each still runs once.
  const migrator = new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }), allowUnorderedMigrations: true })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return results ?? []
}
