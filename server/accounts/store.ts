// Accounts queries (Kysely only). Queries about a school's staff take the school id as a required argument.
import { sql, type Kysely } from 'kysely'
import type { Database, Role } from '../db/schema'

export function findSchoolByUrn(db: Kysely<Database>, urn: string) {
  return db.selectFrom('schools').selectAll().where('urn', '=', urn).executeTakeFirst()
}

export function findSchoolById(db: Kysely<Database>, id: number) {
  return db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertSchool(db: Kysely<Database>, urn: string, name: string) {
  return db.insertInto('schools').values({ urn, name }).returningAll().executeTakeFirstOrThrow()
}

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst()
}

export function findUserById(db: Kysely<Database>, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertUser(
  db: Kysely<Database>,
  user: { email: string; name: string; passwordHash: string | null; mustChangePassword: boolean; pendingSchoolId?: number }
) {
  return db
    .insertInto('users')
    .values({
      email: user.email.trim().toLowerCase(),
      name: user.name,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword,
      pending_school_id: user.pendingSchoolId ?? null
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function setPassword(db: Kysely<Database>, userId: number, passwordHash: string, mustChange = false) {
  return db.updateTable('users').set({ password_hash: passwordHash, must_change_password: mustChange }).where('id', '=', userId).execute()
}

/** Ends every stored session of an account (a new password, an invitation accepted). */
export function endSessionsOfUser(db: Kysely<Database>, userId: number) {
  return db.deleteFrom('sessions').where(sql<string>`data->>'userId'`, '=', String(userId)).execute()
}

export function deleteSession(db: Kysely<Database>, sid: string) {
  return db.deleteFrom('sessions').where('sid', '=', sid).execute()
}

export function touchLastLogin(db: Kysely<Database>, userId: number) {
  return db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', userId).execute()
}

export function upsertMembership(db: Kysely<Database>, m: { userId: number; schoolId: number; role: Role; isDsl: boolean }) {
  return db
    .insertInto('memberships')
    .values({ user_id: m.userId, school_id: m.schoolId, role: m.role, is_dsl: m.isDsl, active: true })
    .onConflict((oc) => oc.columns(['user_id', 'school_id']).doUpdateSet({ role: m.role, is_dsl: m.isDsl, active: true }))
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function listStaff(db: Kysely<Database>, schoolId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as user_id',
      'users.name',
      'users.email',
      'users.last_login_at',
      'users.password_hash',
      'memberships.role',
      'memberships.is_dsl',
      'memberships.active'
    ])
    .where('memberships.school_id', '=', schoolId)
    .orderBy('memberships.active', 'desc')
    .orderBy('users.name')
    .execute()
}

export function setMembershipActive(db: Kysely<Database>, schoolId: number, userId: number, active: boolean) {
  return db
    .updateTable('memberships')
    .set({ active })
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

export function insertInvitation(
  db: Kysely<Database>,
  inv: { tokenHash: string; schoolId: number; userId: number; createdBy: number | null; expiresAt: Date; kind: 'account' | 'join'; role: Role; isDsl: boolean }
) {
  return db
    .insertInto('invitations')
    .values({
      token_hash: inv.tokenHash,
      school_id: inv.schoolId,
      user_id: inv.userId,
      created_by: inv.createdBy,
      expires_at: inv.expiresAt,
      kind: inv.kind,
      role: inv.role,
      is_dsl: inv.isDsl
    })
    .execute()
}

/** An invitation that can still be used: not accepted, not revoked, not expired, carrying the access it grants. */
export function findOpenInvitation(db: Kysely<Database>, tokenHash: string, opts: { lock?: boolean } = {}) {
  let q = db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .innerJoin('schools', 'schools.id', 'invitations.school_id')
    .select([
      'invitations.id',
      'invitations.user_id',
      'invitations.school_id',
      'invitations.kind',
      'invitations.role',
      'invitations.is_dsl',
      'users.name',
      'users.email',
      'users.password_hash',
      'users.pending_school_id',
      'schools.name as school_name'
    ])
    .where('invitations.token_hash', '=', tokenHash)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.role', 'is not', null)
    .where('invitations.expires_at', '>', new Date())
  if (opts.lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export function markInvitationAccepted(db: Kysely<Database>, id: number) {
  return db.updateTable('invitations').set({ accepted_at: new Date() }).where('id', '=', id).execute()
}

/** Revokes a user's open invitations of one kind (optionally only one school's). */
export function revokeOpenInvitations(db: Kysely<Database>, userId: number, kind: 'account' | 'join', schoolId?: number) {
  let q = db
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
  if (schoolId !== undefined) q = q.where('school_id', '=', schoolId)
  return q.execute()
}

/** Sets the first password of a pending account; false when it already has one (the link is then worthless). */
export async function setFirstPassword(db: Kysely<Database>, userId: number, passwordHash: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: false, pending_school_id: null })
    .where('id', '=', userId)
    .where('password_hash', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export function setPendingSchool(db: Kysely<Database>, userId: number, schoolId: number) {
  return db.updateTable('users').set({ pending_school_id: schoolId }).where('id', '=', userId).where('password_hash', 'is', null).execute()
}

export function findMembership(db: Kysely<Database>, userId: number, schoolId: number) {
  return db.selectFrom('memberships').selectAll().where('user_id', '=', userId).where('school_id', '=', schoolId).executeTakeFirst()
}

/** Invitations to join this school that are still waiting for their account's owner. */
export function listOpenJoinInvitations(db: Kysely<Database>, schoolId: number) {
  return db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .select(['invitations.id', 'invitations.role', 'invitations.is_dsl', 'invitations.expires_at', 'users.name', 'users.email'])
    .where('invitations.school_id', '=', schoolId)
    .where('invitations.kind', '=', 'join')
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', new Date())
    .orderBy('invitations.created_at', 'desc')
    .execute()
}

/**
 * Counts the unsuccessful sign-in attempts (failed, or still being checked) since `since` — for the
 * account from this address, for the account from anywhere, and from this address — and, unless a
 * limit is reached, records this attempt as pending. Advisory locks on the address and then the
 * account (always in that order, so two attempts never wait on each other in a circle) make the count
 * and the insert one step: of any number of parallel guesses, at most the limit are ever checked.
 */
export async function claimLoginAttempt(
  db: Kysely<Database>,
  attempt: { email: string; ip: string; since: Date },
  allowed: (counts: { byAccountAddress: number; byAccount: number; byAddress: number }) => boolean
): Promise<{ id: string } | { refused: { byAccountAddress: number; byAccount: number; byAddress: number } }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`login-address:${attempt.ip}`}, 0))`.execute(trx)
    await sql`select pg_advisory_xact_lock(hashtextextended(${`login-account:${attempt.email}`}, 0))`.execute(trx)
    const row = await trx
      .selectFrom('login_attempts')
      .select((eb) => [
        eb.fn.count<string>('id').filterWhere((f) => f.and([f('email', '=', attempt.email), f('ip', '=', attempt.ip)])).as('by_account_address'),
        eb.fn.count<string>('id').filterWhere('email', '=', attempt.email).as('by_account'),
        eb.fn.count<string>('id').filterWhere('ip', '=', attempt.ip).as('by_address')
      ])
      .where('at', '>', attempt.since)
      .where('outcome', '!=', 'ok')
      .where((eb) => eb.or([eb('email', '=', attempt.email), eb('ip', '=', attempt.ip)]))
      .executeTakeFirstOrThrow()
    const counts = { byAccountAddress: Number(row.by_account_address), byAccount: Number(row.by_account), byAddress: Number(row.by_address) }
    if (!allowed(counts)) return { refused: counts }
    return trx.insertInto('login_attempts').values({ email: attempt.email, ip: attempt.ip }).returning('id').executeTakeFirstOrThrow()
  })
}

export async function settleLoginAttempt(db: Kysely<Database>, id: string, outcome: 'failed' | 'ok') {
  await db.updateTable('login_attempts').set({ outcome }).where('id', '=', id).execute()
}

/** Attempts older than any throttle window are of no further use (the audit log keeps the record). */
export async function sweepLoginAttempts(db: Kysely<Database>, before: Date) {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute()
}

export function listAudit(db: Kysely<Database>, schoolId: number, opts: { limit: number; offset: number; action?: string }) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.subject_type', 'audit_log.subject_id', 'audit_log.ip', 'audit_log.detail', 'users.name as user_name', 'users.email as user_email'])
    .where((eb) =>
      eb.or([
        eb('audit_log.school_id', '=', schoolId),
        // sign-ins belong to no one school: show those of this school's staff
        eb.and([
          eb('audit_log.school_id', 'is', null),
          eb('audit_log.user_id', 'in', eb.selectFrom('memberships').select('user_id').where('school_id', '=', schoolId))
        ])
      ])
    )
  if (opts.action) q = q.where('audit_log.action', '=', opts.action)
  return q.orderBy('audit_log.id', 'desc').limit(opts.limit).offset(opts.offset).execute()
}

export function listAuditActions(db: Kysely<Database>, schoolId: number) {
  return db.selectFrom('audit_log').select('action').distinct().where('school_id', '=', schoolId).orderBy('action').execute()
}
