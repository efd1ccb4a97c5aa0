// Accounts queries (Kysely only). Queries about a school's staff take the school id as a required argument.
import { sql, type Kysely } from 'kysely'
import type { Database, Role } from '../db/schema'

export function findSchoolByUrn(db: Kysely<Database>, urn: string) {
  return db.selectFrom('schools').selectAll().where('urn', '=', urn).executeTakeFirst()
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

export function insertUser(db: Kysely<Database>, user: { email: string; name: string; passwordHash: string | null; mustChangePassword: boolean }) {
  return db
    .insertInto('users')
    .values({ email: user.email.trim().toLowerCase(), name: user.name, password_hash: user.passwordHash, must_change_password: user.mustChangePassword })
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
  inv: { tokenHash: string; schoolId: number; userId: number; createdBy: number | null; expiresAt: Date }
) {
  return db
    .insertInto('invitations')
    .values({ token_hash: inv.tokenHash, school_id: inv.schoolId, user_id: inv.userId, created_by: inv.createdBy, expires_at: inv.expiresAt })
    .execute()
}

export function findOpenInvitation(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .innerJoin('schools', 'schools.id', 'invitations.school_id')
    .select(['invitations.id', 'invitations.user_id', 'invitations.school_id', 'users.name', 'users.email', 'schools.name as school_name'])
    .where('invitations.token_hash', '=', tokenHash)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.expires_at', '>', new Date())
    .executeTakeFirst()
}

export function markInvitationAccepted(db: Kysely<Database>, id: number) {
  return db.updateTable('invitations').set({ accepted_at: new Date() }).where('id', '=', id).execute()
}

/** Failed sign-ins recorded in the audit log since `since`, by account and by address. */
export async function recentFailedLogins(db: Kysely<Database>, email: string, ip: string, since: Date) {
  const counts = await db
    .selectFrom('audit_log')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('subject_id', '=', email).as('by_account'),
      eb.fn.count<number>('id').filterWhere('ip', '=', ip).as('by_address')
    ])
    .where('action', '=', 'login_failed')
    .where('at', '>', since)
    .where((eb) => eb.or([eb('subject_id', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow()
  return { byAccount: Number(counts.by_account), byAddress: Number(counts.by_address) }
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
