// Retention: each school may set how many months after a pupil's leaving date the pupil is erased.
// Run by `retention run` and when Lantern starts; each pupil goes through the one erasure path (so a
// pupil with an open safeguarding alert is kept until a DSL records what was done), and each run is
// audited per school. A dry run erases nothing and says what a run would do.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, NotFoundError } from '../platform/errors'
import { erasePupil, openAlertCount } from './erase'

export interface RetentionSchool {
  urn: string
  retention_months: number
  /** pupils whose leaving date is that many months ago or more */
  due: number
  erased: number
  /** due pupils kept because a safeguarding alert is open */
  kept_open_alert: number
}

export interface RetentionRun {
  dry_run: boolean
  today: string
  schools: RetentionSchool[]
  erased: number
  kept_open_alert: number
}

export async function runRetention(db: Kysely<Database>, opts: { schoolId?: number | null; dryRun?: boolean; today?: string; userId?: number | null } = {}): Promise<RetentionRun> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10)
  const dryRun = opts.dryRun ?? false
  let q = db.selectFrom('schools').select(['id', 'urn', 'retention_months']).where('retention_months', 'is not', null).orderBy('urn')
  if (opts.schoolId != null) q = q.where('id', '=', opts.schoolId)
  const schools: RetentionSchool[] = []
  for (const school of await q.execute()) {
    const months = school.retention_months!
    const { rows: due } = await sql<{ id: number; left_on: string }>`
      select id, left_on from pupils
      where school_id = ${school.id} and left_on is not null and left_on + make_interval(months => ${months}) <= ${today}::date
      order by id`.execute(db)
    const result: RetentionSchool = { urn: school.urn, retention_months: months, due: due.length, erased: 0, kept_open_alert: 0 }
    for (const pupil of due) {
      if (dryRun) {
        if ((await openAlertCount(db, school.id, pupil.id)) > 0) result.kept_open_alert++
        continue
      }
      try {
        await erasePupil(db, { schoolId: school.id, userId: null, via: 'retention' }, pupil.id, `The school’s retention setting: ${months} months after leaving (left ${pupil.left_on})`)
        result.erased++
      } catch (err) {
        if (err instanceof ConflictError) result.kept_open_alert++
        else if (!(err instanceof NotFoundError)) throw err
      }
    }
    await recordAudit(db, { action: dryRun ? 'retention_dry_run' : 'retention_run', userId: opts.userId ?? null, schoolId: school.id, subjectType: 'school', subjectId: school.id, detail: { ...result, today } })
    schools.push(result)
  }
  return {
    dry_run: dryRun,
    today,
    schools,
    erased: schools.reduce((n, s) => n + s.erased, 0),
    kept_open_alert: schools.reduce((n, s) => n + s.kept_open_alert, 0)
  }
}
