// Accounts rules: passwords (argon2id), sign-in with throttling, invitations, staff.
import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import type { Kysely } from 'kysely'
import type { Database, Role } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, InvalidInputError } from '../platform/errors'
import { canBeDsl, LINK_NOT_DSL } from './schemas'
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
  if (input.isDsl && !canBeDsl(input.role)) throw new InvalidInputError(LINK_NOT_DSL, [{ field: 'dsl', message: LINK_NOT_DSL }])
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

export interface Invitation { kind: 'invited'; token: string; expiresAt: Date; name: string; email: string }
export interface Added { kind: 'added'; name: string; email: string }

/** A lead invites a member of staff: a one-time link for a new account, or access to this school for an existing one. */
export async function inviteStaff(
  db: Kysely<Database>,
  by: { userId: number; schoolId: number; ip: string },
  input: { email: string; name: string; role: Role; isDsl: boolean }
): Promise<Invitation | Added> {
  if (input.isDsl && !canBeDsl(input.role)) throw new InvalidInputError(LINK_NOT_DSL, [{ field: 'dsl', message: LINK_NOT_DSL }])
  return db.transaction().execute(async (trx) => {
    const existing = await store.findUserByEmail(trx, input.email)
    if (existing?.id === by.userId) throw new ConflictError('You cannot change your own access here.')
    const user = existing ?? (await store.insertUser(trx, { email: input.email, name: input.name, passwordHash: null, mustChangePassword: false }))
    await store.upsertMembership(trx, { userId: user.id, schoolId: by.schoolId, role: input.role, isDsl: input.isDsl })
    const audit = { userId: by.userId, schoolId: by.schoolId, subjectType: 'user', subjectId: user.id, ip: by.ip }
    if (existing?.password_hash) {
      await recordAudit(trx, { ...audit, action: 'staff_added', detail: { role: input.role, dsl: input.isDsl } })
      return { kind: 'added', name: existing.name, email: existing.email }
    }
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000)
    await store.insertInvitation(trx, { tokenHash: tokenHash(token), schoolId: by.schoolId, userId: user.id, createdBy: by.userId, expiresAt })
    await recordAudit(trx, { ...audit, action: 'staff_invited', detail: { role: input.role, dsl: input.isDsl } })
    return { kind: 'invited', token, expiresAt, name: user.name, email: user.email }
  })
}

export async function acceptInvitation(db: Kysely<Database>, token: string, password: string, ip: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const invitation = await store.findOpenInvitation(trx, tokenHash(token))
    if (!invitation) return null
    await store.setPassword(trx, invitation.user_id, await hashPassword(password))
    await store.markInvitationAccepted(trx, invitation.id)
    await recordAudit(trx, { action: 'invitation_accepted', userId: invitation.user_id, schoolId: invitation.school_id, subjectType: 'user', subjectId: invitation.user_id, ip })
    return invitation.user_id
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
