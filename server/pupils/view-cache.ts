// What a school's summary pages show, kept in memory under the school's view_version (migration
// 0017: triggers move it on every write to the data those pages read, in the writer's transaction).
// Exact, never stale: each read first asks PostgreSQL for the current value, then serves what was
// built under that value or builds it afresh. What is built is read after the value, so it is at least
// as new; if a write commits in between, the next read sees a new value and builds again. Each app
// instance keeps its own entries and they all key on the same counter, so instances agree.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { schoolViewVersion } from './changes'

export class SchoolViewCache<T> {
  /** newest use last, so the first key is the one to drop */
  private readonly entries = new Map<number, { version: number; value: Promise<T> }>()

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxSchools = 64
  ) {}

  /**
   * The school's value as of now: from memory when its data have not changed since it was built.
   * `known` is the school's view_version if the caller has just read it (the request's access query
   * reads it); otherwise it is read here.
   */
  async get(schoolId: number, build: () => Promise<T>, known?: number | null): Promise<T> {
    const version = known ?? (await schoolViewVersion(this.db, schoolId))
    const entry = this.entries.get(schoolId)
    this.entries.delete(schoolId)
    if (entry && entry.version === version) {
      this.entries.set(schoolId, entry)
      return entry.value
    }
    // requests that arrive together share one build; a failed build is forgotten, not served
    const value = build()
    const fresh = { version, value }
    this.entries.set(schoolId, fresh)
    if (this.entries.size > this.maxSchools) this.entries.delete(this.entries.keys().next().value!)
    value.catch(() => {
      if (this.entries.get(schoolId) === fresh) this.entries.delete(schoolId)
    })
    return value
  }
}
