// Second-factor queries (Kysely only): the sealed TOTP secret, the last time step used, recovery codes.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export function findSecondFactor(db: Kysely<Database>, userId: number) {
  return db.selectFrom('second_factors').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

/** Enrols a user; false when they already have a second factor (a second tab confirmed first). */
export async function insertSecondFactor(db: Kysely<Database>, userId: number, secretSealed: string, timeStep: number): Promise<boolean> {
  const row = await db
    .insertInto('second_factors')
    .values({ user_id: userId, secret_sealed: secretSealed, last_time_step: timeStep })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returning('user_id')
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Records that a code of this time step was used, only if no code of this step or a later one was
 * used before: one statement, so two requests carrying the same code cannot both succeed.
 */
export async function claimTimeStep(db: Kysely<Database>, userId: number, timeStep: number): Promise<boolean> {
  const result = await db
    .updateTable('second_factors')
    .set({ last_time_step: timeStep })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', timeStep)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function deleteSecondFactor(db: Kysely<Database>, userId: number): Promise<boolean> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  const result = await db.deleteFrom('second_factors').where('user_id', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** Replaces every recovery code of a user with these (hashed) ones. */
export async function replaceRecoveryCodes(db: Kysely<Database>, userId: number, hashes: string[]) {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  await db.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute()
}

/** Spends a recovery code: true only for the one request that marks an unused code used. */
export async function spendRecoveryCode(db: Kysely<Database>, userId: number, codeHash: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Which of these users have a second factor (for the staff page). */
export async function usersWithSecondFactor(db: Kysely<Database>, userIds: number[]): Promise<Set<number>> {
  if (!userIds.length) return new Set()
  const rows = await db.selectFrom('second_factors').select('user_id').where('user_id', 'in', userIds).execute()
  return new Set(rows.map((r) => r.user_id))
}
