// Pupils at the bottom of Lantern: reads of a pupil's own records (the pupil, their latest SDQ per
// informant, their letters) that every domain above uses. Kysely only; every function takes the school.
import { sql, type Kysely } from 'kysely'
import type { Database, Letter } from '../db/schema'

type Db = Kysely<Database>

/** The latest SDQ administration per pupil and informant. */
export async function listLatestSdq(db: Db, schoolId: number, pupilId?: number) {
  let q = db
    .selectFrom('sdq_administrations')
    .distinctOn(['pupil_id', 'informant'])
    .select(['pupil_id', 'informant', 'completed_on', 'scores', 'bands'])
    .where('school_id', '=', schoolId)
  if (pupilId !== undefined) q = q.where('pupil_id', '=', pupilId)
  return q.orderBy('pupil_id').orderBy('informant').orderBy('completed_on', 'desc').orderBy('id', 'desc').execute()
}

/** The latest letter per pupil (undated letters count as the oldest). */
export async function listLatestLetters(db: Db, schoolId: number, pupilId?: number): Promise<Letter[]> {
  let q = db.selectFrom('letters').distinctOn('pupil_id').selectAll().where('school_id', '=', schoolId)
  if (pupilId !== undefined) q = q.where('pupil_id', '=', pupilId)
  return q.orderBy('pupil_id').orderBy(sql`written_on desc nulls last`).orderBy('id', 'desc').execute()
}

export async function findPupil(db: Db, schoolId: number, pupilId: number) {
  return db.selectFrom('pupils').selectAll().where('school_id', '=', schoolId).where('id', '=', pupilId).executeTakeFirst()
}

/** The names of one pupil, for pages about them. */
export async function findPupilName(db: Db, schoolId: number, pupilId: number) {
  return db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename']).where('school_id', '=', schoolId).where('id', '=', pupilId).executeTakeFirst()
}

/** The school's forms, as its pupils' records name them, in order. */
export async function listFormsOfSchool(db: Db, schoolId: number): Promise<string[]> {
  const rows = await db.selectFrom('pupils').select('form').distinct().where('school_id', '=', schoolId).where('form', 'is not', null).orderBy('form').execute()
  return rows.map((r) => r.form as string)
}

/** Every attendance figure imported for the school's pupils (or those given), by pupil, oldest first. */
export async function listAttendanceHistory(db: Db, schoolId: number, pupilIds?: readonly number[]) {
  if (pupilIds && !pupilIds.length) return []
  let q = db.selectFrom('attendance_history').select(['pupil_id', 'possible', 'absent', 'period', 'recorded_at', 'import_id']).where('school_id', '=', schoolId)
  if (pupilIds) q = q.where('pupil_id', 'in', [...pupilIds])
  return q.orderBy('pupil_id').orderBy('recorded_at').orderBy('id').execute()
}

/**
 * Each pupil's attendance as Lantern knew it at a moment: their latest figure recorded at or before
 * `at` (a pupil with none by then is absent from the list). For "since the last meeting" comparisons.
 */
export async function attendanceAsOf(db: Db, schoolId: number, at: Date, pupilIds?: readonly number[]) {
  if (pupilIds && !pupilIds.length) return []
  let q = db
    .selectFrom('attendance_history')
    .distinctOn('pupil_id')
    .select(['pupil_id', 'possible', 'absent', 'period', 'recorded_at', 'import_id'])
    .where('school_id', '=', schoolId)
    .where('recorded_at', '<=', at)
  if (pupilIds) q = q.where('pupil_id', 'in', [...pupilIds])
  return q.orderBy('pupil_id').orderBy('recorded_at', 'desc').orderBy('id', 'desc').execute()
}
