// Erasing a pupil: every row about the child goes in one transaction, and a record stays that it
// happened, who did it, when and why, with how many rows went from each table — never the child's
// name, UPN, date of birth or record number. Refused while any of the pupil's safeguarding alerts is
// open. The database lets kept records (alerts, decisions, supervision) go only inside a transaction
// that has written that record and only once their pupil is gone (migration 0020).
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, NotFoundError } from '../platform/errors'
import { schoolDataChanged } from '../pupils/changes'
import { CHILD_TABLES, PUPIL_TABLES } from './subject-access'

/** The import bookkeeping that names a pupil's rows by id: table → the pupil's rows in it. */
const IMPORTED_TABLES = ['attainment', 'attendance', 'sdq_administrations', 'letters'] as const

export interface ErasureResult {
  erasureId: number
  removed: Record<string, number>
}

export async function openAlertCount(db: Kysely<Database>, schoolId: number, pupilId: number): Promise<number> {
  const row = await db
    .selectFrom('safeguarding_alerts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('school_id', '=', schoolId)
    .where('pupil_id', '=', pupilId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export const OPEN_ALERT_REFUSAL = 'This pupil has an open safeguarding alert. A DSL must record what was done before the pupil can be erased.'

async function countRows(db: Kysely<Database>, schoolId: number, pupilId: number): Promise<Record<string, number>> {
  const removed: Record<string, number> = { pupils: 1 }
  for (const table of PUPIL_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where school_id = ${schoolId} and pupil_id = ${pupilId}`.execute(db)
    removed[table] = rows[0]!.n
  }
  for (const [table, [column, parent]] of Object.entries(CHILD_TABLES)) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table)} c
      where c.${sql.ref(column)} in (select p.id from ${sql.table(parent)} p where p.school_id = ${schoolId} and p.pupil_id = ${pupilId})`.execute(db)
    removed[table] = rows[0]!.n
  }
  return Object.fromEntries(Object.entries(removed).filter(([, n]) => n > 0))
}

/**
 * Erases one pupil of a school. `by.userId` is null when the school's retention setting erases the
 * pupil. Throws NotFoundError for no such pupil and ConflictError while an alert is open.
 */
export async function erasePupil(
  db: Kysely<Database>,
  by: { schoolId: number; userId: number | null; ip?: string | null; via: 'web' | 'cli' | 'retention' },
  pupilId: number,
  reason: string
): Promise<ErasureResult> {
  const { schoolId } = by
  return db.transaction().execute(async (trx) => {
    const pupil = await trx.selectFrom('pupils').select('id').where('school_id', '=', schoolId).where('id', '=', pupilId).forUpdate().executeTakeFirst()
    if (!pupil) throw new NotFoundError()
    // the database refuses to drop an open alert whatever this check saw (an alert raised meanwhile)
    if ((await openAlertCount(trx, schoolId, pupilId)) > 0) throw new ConflictError(OPEN_ALERT_REFUSAL)
    const removed = await countRows(trx, schoolId, pupilId)
    const erasure = await trx
      .insertInto('pupil_erasures')
      .values({ school_id: schoolId, erased_by: by.userId, reason, removed: JSON.stringify(removed) })
      .returning('id')
      .executeTakeFirstOrThrow()

    // references by id that no foreign key carries: import bookkeeping (and, below, the share log)
    const own = (table: string) => sql`(select id from ${sql.table(table)} where school_id = ${schoolId} and pupil_id = ${pupilId})`
    await sql`delete from import_changes where school_id = ${schoolId} and table_name = 'pupils' and row_id = ${pupilId}`.execute(trx)
    await sql`update import_created set ids = array_remove(ids, ${pupilId}) where school_id = ${schoolId} and table_name = 'pupils' and ${pupilId} = any(ids)`.execute(trx)
    for (const table of IMPORTED_TABLES) {
      await sql`delete from import_changes where school_id = ${schoolId} and table_name = ${table} and row_id in ${own(table)}`.execute(trx)
      await sql`
        update import_created set ids = array(select i from unnest(ids) i where i not in ${own(table)})
        where school_id = ${schoolId} and table_name = ${table} and ids && array${own(table)}`.execute(trx)
    }

    await trx.deleteFrom('pupils').where('school_id', '=', schoolId).where('id', '=', pupilId).execute()
    // the share log keeps each share, without the erased pupil's id (allowed only once the pupil is gone)
    await sql`
      update shares set pupil_ids = array_remove(pupil_ids, ${pupilId}), identified_pupil_ids = array_remove(identified_pupil_ids, ${pupilId})
      where school_id = ${schoolId} and (${pupilId} = any(pupil_ids) or ${pupilId} = any(identified_pupil_ids))`.execute(trx)
    // the audit trail about the child stays (who looked, who changed what) but points at the erasure
    await sql`
      update audit_log set subject_type = 'erased_pupil', subject_id = ${String(erasure.id)}
      where school_id = ${schoolId} and subject_type = 'pupil' and subject_id = ${String(pupilId)}`.execute(trx)
    await recordAudit(trx, { action: 'pupil_erased', userId: by.userId, schoolId, subjectType: 'erased_pupil', subjectId: erasure.id, ip: by.ip ?? null, detail: { via: by.via, removed } })
    await schoolDataChanged(trx, schoolId)
    return { erasureId: erasure.id, removed }
  })
}
