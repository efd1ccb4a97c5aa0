// The one place where imports (web page, command line, demo seed) get what the letters domain does
// with imported data: the analyser reads each letter, and a disclosure raises a safeguarding alert for
// the school's DSLs in the same transaction as the import.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { analyseLetter, ANALYSER_VERSION } from './analyser'
import { raiseAlerts } from './service'

/** What an import stores for each letter: the analyser's reading and its version. */
export function letterAnalyserForImport() {
  return (text: string) => ({ ...analyseLetter(text), version: ANALYSER_VERSION })
}

export async function afterImport(trx: Kysely<Database>, schoolId: number): Promise<void> {
  await raiseAlerts(trx, schoolId)
}
