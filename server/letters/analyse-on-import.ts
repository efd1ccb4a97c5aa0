// The one place where imports (web page, command line, demo seed) get what the letters domain does
// with imported data: the analyser reads each letter, and a disclosure raises a safeguarding alert for
// the school's DSLs in the same transaction as the import.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { LetterAnalysis } from '../imports/service'
import { analyseLetter, ANALYSER_VERSION } from './analyser'
import { raiseAlerts } from './service'

export type ImportLetterAnalyser = (text: string) => LetterAnalysis | Promise<LetterAnalysis>

export function letterAnalyserForImport(): ImportLetterAnalyser {
  return (text) => ({ ...analyseLetter(text), version: ANALYSER_VERSION })
}

export async function afterImport(trx: Kysely<Database>, schoolId: number): Promise<void> {
  await raiseAlerts(trx, schoolId)
}
