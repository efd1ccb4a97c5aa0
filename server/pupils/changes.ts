// A per-school counter of changes to pupils' data that derived results depend on (screening's levels
// today; opportunity fit and supervision agendas later). A service that changes such data calls
// `schoolDataChanged` inside its own transaction; domains above that keep derived results follow the
// changes with a listener that runs in that same transaction. So the writer never imports upwards, no
// route runs a second step, and a result can only be stale when its own version says so.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

type Db = Kysely<Database>
export type ChangeFollower = (trx: Db, schoolId: number) => Promise<unknown>

const followers: ChangeFollower[] = []

/** Registers a follower (once): it runs inside every writer's transaction, after the counter moves. Returns how to stop. */
export function followSchoolDataChanges(follower: ChangeFollower): () => void {
  if (!followers.includes(follower)) followers.push(follower)
  return () => {
    const at = followers.indexOf(follower)
    if (at >= 0) followers.splice(at, 1)
  }
}

/** Bumps the school's data version and runs the followers, in the caller's transaction. */
export async function schoolDataChanged(trx: Db, schoolId: number): Promise<void> {
  await bumpSchoolDataVersion(trx, schoolId)
  for (const follow of followers) await follow(trx, schoolId)
}

export async function bumpSchoolDataVersion(db: Db, schoolId: number): Promise<void> {
  // the school's screening lock before the counter's row, in the order every writer takes them (migration 0017)
  await sql`select pg_advisory_xact_lock(hashtext('lantern_screening'), ${schoolId})`.execute(db)
  await db
    .insertInto('school_data_versions')
    .values({ school_id: schoolId, version: 1 })
    .onConflict((oc) => oc.column('school_id').doUpdateSet({ version: sql`school_data_versions.version + 1` }))
    .execute()
}

export async function schoolDataVersion(db: Db, schoolId: number): Promise<number> {
  const row = await db.selectFrom('school_data_versions').select('version').where('school_id', '=', schoolId).executeTakeFirst()
  return row ? Number(row.version) : 0
}

/**
 * The counter of changes to what the school's summary pages show (moved by triggers, migration 0017).
 * Read it before the data it keys: whatever is then read is at least as new as the value.
 */
export async function schoolViewVersion(db: Db, schoolId: number): Promise<number> {
  const row = await db.selectFrom('school_data_versions').select('view_version').where('school_id', '=', schoolId).executeTakeFirst()
  return row ? Number(row.view_version) : 0
}
