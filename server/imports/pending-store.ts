// Uploaded files waiting for confirmation, and the import history the page shows (Kysely only).
// Every function takes the school (and for pending uploads the user) as required scope.
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database, ImportKindColumn, PendingImport } from '../db/schema'

type Db = Kysely<Database>

/** How long an upload waits for its lead to confirm it. */
export const PENDING_MINUTES = 60

export async function deleteExpiredPending(db: Db): Promise<void> {
  await db.deleteFrom('pending_imports').where('expires_at', '<', sql<Date>`now()`).execute()
}

/** Keeps one upload per lead and school: a new upload replaces the one (or the set) they had waiting. */
export async function createPending(db: Db, schoolId: number, userId: number, values: { fileName: string; kind: ImportKindColumn | null; content: Buffer }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('pending_imports').where('school_id', '=', schoolId).where('user_id', '=', userId).execute()
    const row = await trx
      .insertInto('pending_imports')
      .values({
        school_id: schoolId, user_id: userId, file_name: values.fileName, kind: values.kind, content: values.content, size: values.content.length,
        expires_at: sql<Date>`now() + make_interval(mins => ${PENDING_MINUTES})`
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export async function findPending(db: Db, schoolId: number, userId: number, id: string): Promise<PendingImport | undefined> {
  if (!UUID.test(id)) return undefined
  return db
    .selectFrom('pending_imports')
    .selectAll()
    .where('id', '=', id)
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('set_id', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
}

/**
 * Takes the upload out of waiting; called inside the import's transaction, so that the upload goes
 * only when the import commits. A second confirmation waits on the first's row lock, then finds nothing.
 */
export async function claimPending(db: Db, schoolId: number, userId: number, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false
  const result = await db
    .deleteFrom('pending_imports')
    .where('id', '=', id)
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('set_id', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function savePendingCheck(db: Db, schoolId: number, userId: number, id: string, values: { kind: ImportKindColumn | null; result: unknown }): Promise<void> {
  await db
    .updateTable('pending_imports')
    .set({ kind: values.kind, result: JSON.stringify(values.result) })
    .where('id', '=', id)
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('set_id', 'is', null)
    .execute()
}

export async function deletePending(db: Db, schoolId: number, userId: number, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false
  const result = await db.deleteFrom('pending_imports').where('id', '=', id).where('school_id', '=', schoolId).where('user_id', '=', userId).where('set_id', 'is', null).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/**
 * Several files uploaded together, one row each in the set's import order, replacing whatever the lead
 * had waiting; returns the set's id.
 */
export async function createPendingSet(db: Db, schoolId: number, userId: number, files: ReadonlyArray<{ fileName: string; content: Buffer }>): Promise<string> {
  const setId = randomUUID()
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('pending_imports').where('school_id', '=', schoolId).where('user_id', '=', userId).execute()
    await trx
      .insertInto('pending_imports')
      .values(files.map((f, position) => ({
        school_id: schoolId, user_id: userId, file_name: f.fileName, kind: null, content: f.content, size: f.content.length,
        set_id: setId, position, expires_at: sql<Date>`now() + make_interval(mins => ${PENDING_MINUTES})`
      })))
      .execute()
  })
  return setId
}

/** The files of a set waiting for this lead, in import order; empty when it is not (or no longer) waiting. */
export async function findPendingSet(db: Db, schoolId: number, userId: number, setId: string): Promise<PendingImport[]> {
  if (!UUID.test(setId)) return []
  return db
    .selectFrom('pending_imports')
    .selectAll()
    .where('set_id', '=', setId)
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('position')
    .execute()
}

/** Takes every file of the set (`files` of them) out of waiting in one statement, inside the set's import transaction. */
export async function claimPendingSet(db: Db, schoolId: number, userId: number, setId: string, files: number): Promise<boolean> {
  if (!UUID.test(setId)) return false
  const result = await db
    .deleteFrom('pending_imports')
    .where('set_id', '=', setId)
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === files
}

/** Saves the set's check, one result per file (given in the set's order). */
export async function savePendingSetChecks(db: Db, schoolId: number, userId: number, setId: string, results: ReadonlyArray<{ position: number; result: unknown }>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const r of results) {
      await trx
        .updateTable('pending_imports')
        .set({ result: JSON.stringify(r.result) })
        .where('set_id', '=', setId)
        .where('position', '=', r.position)
        .where('school_id', '=', schoolId)
        .where('user_id', '=', userId)
        .execute()
    }
  })
}

export async function deletePendingSet(db: Db, schoolId: number, userId: number, setId: string): Promise<number> {
  if (!UUID.test(setId)) return 0
  const result = await db.deleteFrom('pending_imports').where('set_id', '=', setId).where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export interface HistoryRow {
  id: number
  kind: ImportKindColumn
  file_name: string
  rows: number
  created: number
  updated: number
  status: 'committed' | 'dry_run' | 'rolled_back'
  created_at: Date
  rolled_back_at: Date | null
  user_name: string | null
  rolled_back_by_name: string | null
}

/** A school's imports with who made and who rolled back each, as the history shows them. */
function historyRows(db: Db, schoolId: number) {
  return db
    .selectFrom('imports')
    .leftJoin('users as u', 'u.id', 'imports.user_id')
    .leftJoin('users as r', 'r.id', 'imports.rolled_back_by')
    .select([
      'imports.id', 'imports.kind', 'imports.file_name', 'imports.rows', 'imports.created', 'imports.updated', 'imports.status',
      'imports.created_at', 'imports.rolled_back_at', 'u.name as user_name', 'r.name as rolled_back_by_name'
    ])
    .where('imports.school_id', '=', schoolId)
}

/** Imports that were written (dry runs are in the audit log), newest first. */
export async function listImportHistory(db: Db, schoolId: number, limit = 100): Promise<HistoryRow[]> {
  return historyRows(db, schoolId)
    .where('imports.dry_run', '=', false)
    .orderBy('imports.id', 'desc')
    .limit(limit)
    .execute()
}

/** The most recent standing import of each kind: the ones a lead may roll back. */
export async function latestCommittedIds(db: Db, schoolId: number): Promise<Set<number>> {
  const { rows } = await sql<{ id: number }>`
    select distinct on (kind) id from imports where school_id = ${schoolId} and status = 'committed' order by kind, id desc`.execute(db)
  return new Set(rows.map((r) => r.id))
}

export async function findLatestCommitted(db: Db, schoolId: number, kind: ImportKindColumn): Promise<HistoryRow | undefined> {
  return historyRows(db, schoolId)
    .where('imports.kind', '=', kind)
    .where('imports.status', '=', 'committed')
    .orderBy('imports.id', 'desc')
    .limit(1)
    .executeTakeFirst()
}
