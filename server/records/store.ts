// The records domain's own reads and writes: leaving dates, the retention setting, the erasure log.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** A real calendar date written YYYY-MM-DD, or null. */
export function parseIsoDate(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? text : null
}

export async function setLeavingDate(db: Kysely<Database>, schoolId: number, pupilId: number, leftOn: string | null): Promise<void> {
  await db.updateTable('pupils').set({ left_on: leftOn }).where('school_id', '=', schoolId).where('id', '=', pupilId).execute()
}

export async function setRetention(db: Kysely<Database>, schoolId: number, months: number | null): Promise<void> {
  await db.updateTable('schools').set({ retention_months: months }).where('id', '=', schoolId).execute()
}

export function erasureList(db: Kysely<Database>, schoolId: number) {
  return db
    .selectFrom('pupil_erasures')
    .leftJoin('users', 'users.id', 'pupil_erasures.erased_by')
    .select(['pupil_erasures.id', 'pupil_erasures.erased_at', 'pupil_erasures.reason', 'pupil_erasures.removed', 'users.name as erased_by_name'])
    .where('pupil_erasures.school_id', '=', schoolId)
    .orderBy('pupil_erasures.id', 'desc')
    .execute()
}
