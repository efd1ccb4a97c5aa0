// Accounts rules: passwords (argon2id), sign-in with throttling, invitations, staff.
import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import type { Kysely } from 'kysely'
import type { Database, Role } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, InvalidInputError } from '../platform/errors'
import { canBeDsl, notDslMessage } from './schemas'
import * as store from './store'

/**
 * Sign-in throttle, counted in PostgreSQL so that every app instance agrees. Per account and address
 * first (a guesser at one account from one place); per account from anywhere, higher (guessing spread
 * over many addresses); per address, much higher, so that a whole school behind one NAT address is
 * not locked out by a few mistyped passwords.
 */
export interface LoginLimits {
  windowMinutes: number
  perAccountAddress: number
  perAccount: number
  perAddress: number
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMinutes: 15, perAccountAddress: 5, perAccount: 50, perAddress: 300 }
export const INVITATION_DAYS = 7

export const hashPassword = (password: string) => hash(password)

// Verified against when the account does not exist, so that timing does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined

export function generatePassword(): string {
  return randomBytes(12).toString('base64url')
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export type LoginResult =
  | { ok: true; userId: number }
  | { ok: false; reason: 'invalid' | 'throttled_account' | 'throttled_address' }

export async function attemptLogin(
  db: Kysely<Database>,
  emailInput: string,
  password: string,
  ip: string,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS
): Promise<LoginResult> {
  const email = emailInput.trim().toLowerCase()
  const since = new Date(Date.now() - limits.windowMinutes * 60_000)
  const claim = await store.claimLoginAttempt(
    db,
    { email, ip, since },
    (c) => c.byAccountAddress < limits.perAccountAddress && c.byAccount < limits.perAccount && c.byAddress < limits.perAddress
  )
  const user = await store.findUserByEmail(db, email)
  const refuse = async (reason: 'invalid' | 'throttled_account' | 'throttled_address'): Promise<LoginResult> => {
    await recordAudit(db, { action: 'login_failed', userId: user?.id ?? null, subjectType: 'email', subjectId: email, ip, detail: { reason } })
    return { ok: false, reason }
  }
  if ('refused' in claim) return refuse(claim.refused.byAddress >= limits.perAddress ? 'throttled_address' : 'throttled_account')
  if (Math.random() < 0.02) await store.sweepLoginAttempts(db, new Date(Date.now() - 86_400_000))
  let good = false
  if (!user || !user.active || !user.password_hash) {
    dummyHash ??= hash(generatePassword())
    await verify(await dummyHash, password).catch(() => false)
  } else {
    good = await verify(user.password_hash, password).catch(() => false)
  }
  await store.settleLoginAttempt(db, claim.id, good ? 'ok' : 'failed')
  if (!good || !user) return refuse('invalid')
  await store.touchLastLogin(db, user.id)
  await recordAudit(db, { action: 'login', userId: user.id, subjectType: 'user', subjectId: user.id, ip })
  return { ok: true, userId: user.id }
}

export function checkNewPassword(password: string, confirm: string): string | undefined {
  if (password.length < 12) return 'Enter a password of at least 12 characters'
  if (password.length > 200) return 'Enter a password of 200 characters or fewer'
  if (password !== confirm) return 'The two passwords do not match'
  return undefined
}

export async function changePassword(db: Kysely<Database>, userId: number, current: string, next: string, ip: string) {
  const user = await store.findUserById(db, userId)
  if (!user?.password_hash || !(await verify(user.password_hash, current).catch(() => false))) {
    throw new InvalidInputError('Your current password is not right', [{ field: 'current', message: 'Your current password is not right' }])
  }
  const passwordHash = await hashPassword(next)
  await db.transaction().execute(async (trx) => {
    await store.setPassword(trx, userId, passwordHash)
    // A new password ends every session of the account, this one included: the route starts a fresh one.
    await store.endSessionsOfUser(trx, userId)
    await recordAudit(trx, { action: 'password_changed', userId, subjectType: 'user', subjectId: userId, ip })
  })
}

/** The command line's `user add`: a new account (or a new school for an existing one) with a one-time password. */
export async function addUser(
  db: Kysely<Database>,
  input: { email: string; name: string; schoolId: number; role: Role; isDsl: boolean }
): Promise<{ userId: number; password: string | null }> {
  if (input.isDsl && !canBeDsl(input.role)) throw new InvalidInputError(notDslMessage(input.role), [{ field: 'dsl', message: notDslMessage(input.role) }])
  return db.transaction().execute(async (trx) => {
    const existing = await store.findUserByEmail(trx, input.email)
    let password: string | null = null
    let userId: number
    if (existing) {
      userId = existing.id
    } else {
      password = generatePassword()
      userId = (await store.insertUser(trx, { email: input.email, name: input.name, passwordHash: await hashPassword(password), mustChangePassword: true })).id
    }
    await store.upsertMembership(trx, { userId, schoolId: input.schoolId, role: input.role, isDsl: input.isDsl })
    await recordAudit(trx, { action: 'user_added', schoolId: input.schoolId, subjectType: 'user', subjectId: userId, detail: { role: input.role, dsl: input.isDsl, via: 'cli' } })
    return { userId, password }
  })
}

export interface Invitation { kind: 'invited' | 'join'; token: string; expiresAt: Date; name: string; email: string }
export interface Updated { kind: 'updated'; name: string; email: string }

/**
 * A lead invites a member of staff. The rule that keeps one school's invitation from taking over an
 * account another school governs (README, "Invitations"):
 * - an email Lantern does not know gets a pending account and a link to set its password; this school
 *   alone may send that account password links, and only until its password is set;
 * - an account that exists, or is pending under another school, gets a link that adds this school
 *   only when its owner, signed in, accepts it: no password is ever set by it;
 * - a member of this school already has their role and DSL mark updated in place.
 */
export async function inviteStaff(
  db: Kysely<Database>,
  by: { userId: number; schoolId: number; ip: string },
  input: { email: string; name: string; role: Role; isDsl: boolean }
): Promise<Invitation | Updated> {
  if (input.isDsl && !canBeDsl(input.role)) throw new InvalidInputError(notDslMessage(input.role), [{ field: 'dsl', message: notDslMessage(input.role) }])
  return db.transaction().execute(async (trx) => {
    const existing = await store.findUserByEmail(trx, input.email)
    if (existing?.id === by.userId) throw new ConflictError('You cannot change your own access here.')
    const audit = { userId: by.userId, schoolId: by.schoolId, subjectType: 'user', ip: by.ip }
    const access = { role: input.role, dsl: input.isDsl }
    const issue = async (userId: number, kind: 'account' | 'join') => {
      // a new link replaces this school's earlier one of the same kind
      await store.revokeOpenInvitations(trx, userId, kind, by.schoolId)
      const token = randomBytes(32).toString('base64url')
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000)
      await store.insertInvitation(trx, { tokenHash: tokenHash(token), schoolId: by.schoolId, userId, createdBy: by.userId, expiresAt, kind, role: input.role, isDsl: input.isDsl })
      return { token, expiresAt }
    }

    if (!existing) {
      const user = await store.insertUser(trx, { email: input.email, name: input.name, passwordHash: null, mustChangePassword: false, pendingSchoolId: by.schoolId })
      await store.upsertMembership(trx, { userId: user.id, schoolId: by.schoolId, role: input.role, isDsl: input.isDsl })
      const link = await issue(user.id, 'account')
      await recordAudit(trx, { ...audit, subjectId: user.id, action: 'staff_invited', detail: { ...access, kind: 'account' } })
      return { kind: 'invited', ...link, name: user.name, email: user.email }
    }

    // A pending account whose school has gone governs no one else: this school may take it on.
    const governs = !existing.password_hash && (existing.pending_school_id === by.schoolId || existing.pending_school_id === null)
    if (governs) {
      if (existing.pending_school_id === null) await store.setPendingSchool(trx, existing.id, by.schoolId)
      await store.upsertMembership(trx, { userId: existing.id, schoolId: by.schoolId, role: input.role, isDsl: input.isDsl })
      const link = await issue(existing.id, 'account')
      await recordAudit(trx, { ...audit, subjectId: existing.id, action: 'staff_invited', detail: { ...access, kind: 'account', again: true } })
      return { kind: 'invited', ...link, name: existing.name, email: existing.email }
    }

    const member = await store.findMembership(trx, existing.id, by.schoolId)
    if (member && existing.password_hash) {
      await store.upsertMembership(trx, { userId: existing.id, schoolId: by.schoolId, role: input.role, isDsl: input.isDsl })
      await recordAudit(trx, { ...audit, subjectId: existing.id, action: 'staff_access_changed', detail: access })
      return { kind: 'updated', name: existing.name, email: existing.email }
    }

    const link = await issue(existing.id, 'join')
    await recordAudit(trx, { ...audit, subjectId: existing.id, action: 'staff_invited', detail: { ...access, kind: 'join' } })
    return { kind: 'join', ...link, name: existing.name, email: existing.email }
  })
}

export type AcceptResult = { ok: true; userId: number; schoolId: number; role: Role } | { ok: false; reason: 'invalid' | 'wrong_account' | 'sign_in' }

/** A pending account's owner sets its first password with an 'account' link, and is signed in. */
export async function acceptAccountInvitation(db: Kysely<Database>, token: string, password: string, ip: string): Promise<AcceptResult> {
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const invitation = await store.findOpenInvitation(trx, tokenHash(token), { lock: true })
    if (!invitation || invitation.kind !== 'account' || invitation.pending_school_id !== invitation.school_id) return { ok: false, reason: 'invalid' }
    const member = await store.findMembership(trx, invitation.user_id, invitation.school_id)
    if (!member?.active) return { ok: false, reason: 'invalid' }
    // only while the account has no password: a second link can never reset one that was set
    if (!(await store.setFirstPassword(trx, invitation.user_id, passwordHash))) return { ok: false, reason: 'invalid' }
    await store.markInvitationAccepted(trx, invitation.id)
    await store.revokeOpenInvitations(trx, invitation.user_id, 'account')
    await store.endSessionsOfUser(trx, invitation.user_id)
    await recordAudit(trx, { action: 'invitation_accepted', userId: invitation.user_id, schoolId: invitation.school_id, subjectType: 'user', subjectId: invitation.user_id, ip, detail: { kind: 'account' } })
    return { ok: true, userId: invitation.user_id, schoolId: invitation.school_id, role: member.role }
  })
}

/** The signed-in owner of an account accepts a 'join' link: only then does the school gain them. */
export async function acceptJoinInvitation(db: Kysely<Database>, token: string, signedInUserId: number | null, ip: string): Promise<AcceptResult> {
  return db.transaction().execute(async (trx) => {
    const invitation = await store.findOpenInvitation(trx, tokenHash(token), { lock: true })
    if (!invitation || invitation.kind !== 'join' || !invitation.role) return { ok: false, reason: 'invalid' }
    if (signedInUserId === null) return { ok: false, reason: 'sign_in' }
    if (signedInUserId !== invitation.user_id) return { ok: false, reason: 'wrong_account' }
    await store.upsertMembership(trx, { userId: invitation.user_id, schoolId: invitation.school_id, role: invitation.role, isDsl: invitation.is_dsl && canBeDsl(invitation.role) })
    await store.markInvitationAccepted(trx, invitation.id)
    await recordAudit(trx, { action: 'invitation_accepted', userId: invitation.user_id, schoolId: invitation.school_id, subjectType: 'user', subjectId: invitation.user_id, ip, detail: { kind: 'join', role: invitation.role, dsl: invitation.is_dsl } })
    return { ok: true, userId: invitation.user_id, schoolId: invitation.school_id, role: invitation.role }
  })
}

export async function setStaffActive(db: Kysely<Database>, by: { userId: number; schoolId: number; ip: string }, userId: number, active: boolean) {
  if (userId === by.userId) throw new ConflictError('You cannot deactivate your own account. Ask another lead to do it.')
  const result = await store.setMembershipActive(db, by.schoolId, userId, active)
  if (!result.numUpdatedRows) return false
  await recordAudit(db, { action: active ? 'staff_reactivated' : 'staff_deactivated', userId: by.userId, schoolId: by.schoolId, subjectType: 'user', subjectId: userId, ip: by.ip })
  // Sessions of a deactivated member see the change on their next request (memberships load per request).
  return true
}
