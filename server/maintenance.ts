// Bringing a database up to date before use: the schema, then any letter not yet read by this
// version of the analyser (and the safeguarding alerts a new reading raises), then any screening
// results that are out of date.
import type { Kysely } from 'kysely'
import type { Database } from './db/schema'
import { migrateToLatest } from './db/migrate'
import { analysePendingLetters } from './letters/service'
import { rescreenStaleSchools } from './screening/service'
import { deleteExpiredPending } from './imports/pending-store'
import { runRetention } from './records/retention'

export async function bringUpToDate(db: Kysely<Database>, log: (message: string) => void = () => {}) {
  await migrateToLatest(db)
  await deleteExpiredPending(db)
  const { analysed, alerts } = await analysePendingLetters(db)
  // results computed before the data version existed, or written by a process without screening
  const rescreened = await rescreenStaleSchools(db)
  if (rescreened.length) log(`Brought screening up to date for ${rescreened.length} school${rescreened.length === 1 ? '' : 's'}.`)
  if (analysed) log(`Read ${analysed} letter${analysed === 1 ? '' : 's'} with the current letter analyser${alerts ? `; ${alerts} new safeguarding alert${alerts === 1 ? '' : 's'} raised for DSLs` : ''}.`)
}

/** At start-up (not before each command): erases the pupils each school's retention setting says are due. */
export async function applyRetention(db: Kysely<Database>, log: (message: string) => void = () => {}) {
  const run = await runRetention(db)
  if (run.erased) log(`Erased ${run.erased} pupil${run.erased === 1 ? '' : 's'} past their school’s retention period.`)
  if (run.kept_open_alert) log(`Kept ${run.kept_open_alert} pupil${run.kept_open_alert === 1 ? '' : 's'} past the retention period because a safeguarding alert is open.`)
  return run
}
