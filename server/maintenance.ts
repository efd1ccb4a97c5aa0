// Bringing a database up to date before use: the schema, then any letter not yet read by this
// version of the analyser (and the safeguarding alerts a new reading raises).
import type { Kysely } from 'kysely'
import type { Database } from './db/schema'
import { migrateToLatest } from './db/migrate'
import { analysePendingLetters } from './letters/service'

export async function bringUpToDate(db: Kysely<Database>, log: (message: string) => void = () => {}) {
  await migrateToLatest(db)
  const { analysed, alerts } = await analysePendingLetters(db)
  if (analysed) log(`Read ${analysed} letter${analysed === 1 ? '' : 's'} with the current letter analyser${alerts ? `; ${alerts} new safeguarding alert${alerts === 1 ? '' : 's'} raised for DSLs` : ''}.`)
}
