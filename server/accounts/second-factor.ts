// The second factor: a time-based one-time code (RFC 6238, via otplib) from an authenticator app, or a
// single-use recovery code. Leads, DSLs and link workers must have one (server/platform/auth.ts says
// who); README, "Accounts and security". Codes are throttled like passwords, through the same
// login_attempts count, and a code's time step is claimed once, so a code cannot be used twice.
import { createHash, randomBytes } from 'node:crypto'
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError } from '../platform/errors'
import type { SecretBox } from '../platform/secret-box'
import type { LoginLimits } from './service'
import * as store from './store'
import * as factors from './second-factor-store'

/** Fewer tries per account than passwords: a guesser who has the password gets 10 a quarter of an hour. */
export const DEFAULT_SECOND_FACTOR_LIMITS: LoginLimits = { windowMinutes: 15, perAccountAddress: 5, perAccount: 10, perAddress: 300 }
export const RECOVERY_CODE_COUNT = 10
/** A code from the step before or after now is accepted too (a phone's clock a little off). */
const TOLERANCE_SECONDS = 30
const ISSUER = 'Lantern'
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'

/** The time step of a code the secret makes now or one step either side; null when it makes no such code. */
async function matchingTimeStep(secret: string, code: string): Promise<number | null> {
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS })
  // a TOTP result always carries its step (the HOTP half of otplib's result type does not)
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

export type SecondFactorInput = { kind: 'code'; code: string } | { kind: 'recovery'; code: string }

/** What was typed: six digits from the app, or a recovery code (16 letters and digits, dashes and spaces ignored). */
export function readSecondFactorInput(typed: string): SecondFactorInput | null {
  const compact = typed.replace(/[\s-]/g, '').toLowerCase()
  if (/^\d{6}$/.test(compact)) return { kind: 'code', code: compact }
  if (/^[a-z2-7]{16}$/.test(compact)) return { kind: 'recovery', code: compact }
  return null
}

export function newTotpSecret(): string {
  return generateSecret()
}

/** What the enrolment page shows: the secret as text (in groups of four) and as a QR code of its otpauth URI. */
export async function enrolmentDetails(secret: string, email: string) {
  const uri = generateURI({ issuer: ISSUER, label: email, secret })
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
  return { uri, secretGroups: secret.match(/.{1,4}/g)!.join(' '), qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
}

function recoveryCodeHash(compact: string): string {
  return createHash('sha256').update(`lantern recovery code:${compact}`).digest('hex')
}

/** Ten codes of 80 random bits each, written as four groups of four. */
function newRecoveryCodes(): { shown: string[]; hashes: string[] } {
  const shown: string[] = []
  for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
    const bytes = randomBytes(10)
    let bits = 0
    let value = 0
    let code = ''
    for (const byte of bytes) {
      value = (value << 8) | byte
      bits += 8
      while (bits >= 5) {
        code += BASE32[(value >>> (bits - 5)) & 31]
        bits -= 5
      }
    }
    shown.push(code.match(/.{4}/g)!.join('-'))
  }
  return { shown, hashes: shown.map((c) => recoveryCodeHash(c.replace(/-/g, ''))) }
}

export interface Who { userId: number; ip: string }

/** The throttle's key for a user's second step, kept apart from their email's password attempts. */
const throttleKey = (userId: number) => `second-factor:${userId}`

async function claimAttempt(db: Kysely<Database>, who: Who, limits: LoginLimits) {
  const since = new Date(Date.now() - limits.windowMinutes * 60_000)
  return store.claimLoginAttempt(
    db,
    { email: throttleKey(who.userId), ip: who.ip, since },
    (c) => c.byAccountAddress < limits.perAccountAddress && c.byAccount < limits.perAccount && c.byAddress < limits.perAddress
  )
}

export type SecondFactorFailure = 'invalid' | 'replayed' | 'throttled_account' | 'throttled_address' | 'unreadable' | 'not_enrolled'
export type VerifyResult = { ok: true; method: 'code' | 'recovery_code'; recoveryCodesLeft: number | null } | { ok: false; reason: SecondFactorFailure }

async function fail(db: Kysely<Database>, who: Who, reason: SecondFactorFailure, detail: Record<string, unknown> = {}): Promise<{ ok: false; reason: SecondFactorFailure }> {
  await recordAudit(db, { action: 'second_factor_failed', userId: who.userId, subjectType: 'user', subjectId: who.userId, ip: who.ip, detail: { reason, ...detail } })
  return { ok: false, reason }
}

/** The second step of signing in, for a user who has a second factor. */
export async function verifySecondFactor(db: Kysely<Database>, box: SecretBox, who: Who, input: SecondFactorInput, limits = DEFAULT_SECOND_FACTOR_LIMITS): Promise<VerifyResult> {
  const method = input.kind === 'code' ? 'code' : 'recovery_code'
  const claim = await claimAttempt(db, who, limits)
  if ('refused' in claim) return fail(db, who, claim.refused.byAddress >= limits.perAddress ? 'throttled_address' : 'throttled_account', { method })
  const factor = await factors.findSecondFactor(db, who.userId)
  let reason: SecondFactorFailure | null = null
  let recoveryCodesLeft: number | null = null
  if (!factor) {
    reason = 'not_enrolled'
  } else if (input.kind === 'code') {
    const secret = box.open(factor.secret_sealed)
    if (secret === null) {
      reason = 'unreadable'
    } else {
      const step = await matchingTimeStep(secret, input.code)
      if (step === null) reason = 'invalid'
      else if (!(await factors.claimTimeStep(db, who.userId, step))) reason = 'replayed'
    }
  } else if (await factors.spendRecoveryCode(db, who.userId, recoveryCodeHash(input.code))) {
    recoveryCodesLeft = await factors.countUnusedRecoveryCodes(db, who.userId)
  } else {
    reason = 'invalid'
  }
  await store.settleLoginAttempt(db, claim.id, reason ? 'failed' : 'ok')
  if (reason) return fail(db, who, reason, { method })
  if (recoveryCodesLeft !== null) {
    await recordAudit(db, { action: 'recovery_code_used', userId: who.userId, subjectType: 'user', subjectId: who.userId, ip: who.ip, detail: { left: recoveryCodesLeft } })
  }
  await recordAudit(db, { action: 'second_factor_verified', userId: who.userId, subjectType: 'user', subjectId: who.userId, ip: who.ip, detail: { method } })
  return { ok: true, method, recoveryCodesLeft }
}

export type EnrolResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: SecondFactorFailure | 'already_enrolled' }

/** Enrolment: the first code from the app proves it holds the secret; only then is the second factor on. */
export async function confirmEnrolment(db: Kysely<Database>, box: SecretBox, who: Who, secret: string, code: string, limits = DEFAULT_SECOND_FACTOR_LIMITS): Promise<EnrolResult> {
  const claim = await claimAttempt(db, who, limits)
  if ('refused' in claim) return fail(db, who, claim.refused.byAddress >= limits.perAddress ? 'throttled_address' : 'throttled_account', { method: 'enrolment' })
  const step = await matchingTimeStep(secret, code)
  if (step === null) {
    await store.settleLoginAttempt(db, claim.id, 'failed')
    return fail(db, who, 'invalid', { method: 'enrolment' })
  }
  const codes = newRecoveryCodes()
  const enrolled = await db.transaction().execute(async (trx) => {
    if (!(await factors.insertSecondFactor(trx, who.userId, box.seal(secret), step))) return false
    await factors.replaceRecoveryCodes(trx, who.userId, codes.hashes)
    await recordAudit(trx, { action: 'second_factor_enrolled', userId: who.userId, subjectType: 'user', subjectId: who.userId, ip: who.ip, detail: { recovery_codes: RECOVERY_CODE_COUNT } })
    return true
  })
  await store.settleLoginAttempt(db, claim.id, 'ok')
  return enrolled ? { ok: true, recoveryCodes: codes.shown } : { ok: false, reason: 'already_enrolled' }
}

/** New recovery codes for a signed-in user: the old ones stop working. */
export async function regenerateRecoveryCodes(db: Kysely<Database>, who: Who): Promise<string[] | null> {
  const codes = newRecoveryCodes()
  return db.transaction().execute(async (trx) => {
    if (!(await factors.findSecondFactor(trx, who.userId))) return null
    await factors.replaceRecoveryCodes(trx, who.userId, codes.hashes)
    await recordAudit(trx, { action: 'recovery_codes_regenerated', userId: who.userId, subjectType: 'user', subjectId: who.userId, ip: who.ip, detail: { recovery_codes: RECOVERY_CODE_COUNT } })
    return codes.shown
  })
}

/**
 * A lead resets a colleague's second factor (a lost phone): it is removed with its recovery codes, the
 * colleague's sessions end, and they set up a new one at their next sign-in. Only for a member of the
 * lead's own school, and never the lead's own (another lead does that).
 */
export async function resetSecondFactor(
  db: Kysely<Database>,
  by: { userId: number; schoolId: number; ip: string } | { via: 'cli' },
  userId: number
): Promise<'reset' | 'none' | 'not_member'> {
  const lead = 'via' in by ? null : by
  if (lead && userId === lead.userId) throw new ConflictError('You cannot reset your own second factor. Ask another lead to do it, or use one of your recovery codes.')
  return db.transaction().execute(async (trx) => {
    if (lead && !(await store.findMembership(trx, userId, lead.schoolId))) return 'not_member'
    if (!(await factors.deleteSecondFactor(trx, userId))) return 'none'
    await store.endSessionsOfUser(trx, userId)
    await recordAudit(trx, {
      action: 'second_factor_reset',
      userId: lead?.userId ?? null,
      schoolId: lead?.schoolId ?? null,
      subjectType: 'user',
      subjectId: userId,
      ip: lead?.ip ?? null,
      detail: lead ? {} : { via: 'cli' }
    })
    return 'reset'
  })
}

export async function secondFactorStatus(db: Kysely<Database>, userId: number) {
  const factor = await factors.findSecondFactor(db, userId)
  if (!factor) return null
  return { enrolledAt: factor.enrolled_at, recoveryCodesLeft: await factors.countUnusedRecoveryCodes(db, userId) }
}
