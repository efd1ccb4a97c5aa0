// Where the test run's PostgreSQL lives: one server per build folder, so that two checkouts can test at once.
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const distRoot = join(__dirname, '..', '..')
export const harnessDir = join(tmpdir(), `lantern-test-${createHash('sha1').update(distRoot).digest('hex').slice(0, 10)}`)
export const connectionFile = join(harnessDir, 'connection.json')
export const TEMPLATE_DB = 'lantern_template'

export interface HarnessConnection {
  /** connection URL of the server's maintenance database */
  adminUrl: string
  /** the same URL for a named database */
  urlFor: string
}
