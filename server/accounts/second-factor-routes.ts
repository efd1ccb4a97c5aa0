// The second step of signing in (a half-signed-in session reaches these pages and sign-out, nothing
// else), enrolment at first sign-in, and a signed-in user's new recovery codes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { SecretBox } from '../platform/secret-box'
import { formBody, formErrors } from '../platform/routes'
import { fieldErrors } from '../platform/forms'
import { safeNext, secondFactorForm } from './schemas'
import type { LoginLimits } from './service'
import { startSession } from './sign-in'
import {
  DEFAULT_SECOND_FACTOR_LIMITS,
  confirmEnrolment,
  enrolmentDetails,
  newTotpSecret,
  readSecondFactorInput,
  regenerateRecoveryCodes,
  verifySecondFactor,
  type SecondFactorFailure
} from './second-factor'

const MESSAGES: Record<SecondFactorFailure, string> = {
  invalid: 'That code is not right. Enter the 6-digit code your authenticator app shows now, or one of your recovery codes.',
  replayed: 'That code has already been used. Wait for your authenticator app to show a new one, and enter that.',
  throttled_account: 'Too many wrong codes for this account. Wait 15 minutes and try again, or ask your senior mental health lead to reset your second factor.',
  throttled_address: 'Too many wrong codes from this network. Wait 15 minutes and try again.',
  unreadable: 'Lantern cannot read your second factor (the server’s secret has changed). Ask your senior mental health lead to reset it, then set it up again.',
  not_enrolled: 'You have not set up your authenticator app yet.'
}
const FORMAT = 'Enter the 6-digit code from your authenticator app, or a recovery code like abcd-efgh-ijkl-mnop'

const STATUS: Record<SecondFactorFailure, number> = { invalid: 401, replayed: 401, throttled_account: 429, throttled_address: 429, unreadable: 409, not_enrolled: 409 }

/** Pages that show a secret or recovery codes are never stored by the browser or a proxy. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store')

export async function secondFactorRoutes(app: FastifyInstance, opts: { box: SecretBox; limits?: LoginLimits }) {
  const limits = opts.limits ?? DEFAULT_SECOND_FACTOR_LIMITS
  const nextOf = (request: FastifyRequest) => safeNext(formBody(request).next ?? (request.query as { next?: string }).next)
  /** Where someone who is not half-signed-in goes instead: on if signed in, to the sign-in page if not. */
  const elsewhere = (request: FastifyRequest, reply: FastifyReply) => reply.redirect(request.user ? nextOf(request) : '/login', 303)
  const withNext = (path: string, next: string) => (next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`)

  const codePage = (reply: FastifyReply, next: string, errors: Array<{ field: string; message: string }> = [], status = 200) =>
    reply.page('accounts/second-factor-code.hbs', { title: 'Enter your code', next, ...formErrors(errors) }, status)

  app.get('/login/code', async (request, reply) => {
    const pending = request.pendingSecondFactor
    if (!pending) return elsewhere(request, reply)
    if (!pending.enrolled) return reply.redirect(withNext('/login/enrol', nextOf(request)), 303)
    return codePage(reply, nextOf(request))
  })

  app.post('/login/code', async (request, reply) => {
    const pending = request.pendingSecondFactor
    if (!pending) return elsewhere(request, reply)
    const next = nextOf(request)
    if (!pending.enrolled) return reply.redirect(withNext('/login/enrol', next), 303)
    const parsed = secondFactorForm.safeParse(request.body)
    if (!parsed.success) return codePage(reply, next, fieldErrors(parsed.error), 422)
    const input = readSecondFactorInput(parsed.data.code)
    if (!input) return codePage(reply, next, [{ field: 'code', message: FORMAT }], 422)
    const result = await verifySecondFactor(app.db, opts.box, { userId: pending.user.id, ip: request.ip }, input, limits)
    if (!result.ok) return codePage(reply, next, [{ field: 'code', message: MESSAGES[result.reason] }], STATUS[result.reason])
    await startSession(request, pending.user.id, { secondFactorAt: Date.now() })
    if (result.recoveryCodesLeft !== null) {
      const left = result.recoveryCodesLeft
      request.flash('important', `You used a recovery code: it will not work again. You have ${left} left${left <= 3 ? ' — make new ones from your account page' : ''}.`)
    }
    return reply.redirect(next, 303)
  })

  const enrolPage = async (request: FastifyRequest, reply: FastifyReply, secret: string, errors: Array<{ field: string; message: string }> = [], status = 200) => {
    const details = await enrolmentDetails(secret, request.pendingSecondFactor!.user.email)
    return noStore(reply).page('accounts/second-factor-enrol.hbs', { title: 'Set up your authenticator app', next: nextOf(request), ...details, ...formErrors(errors) }, status)
  }
  /** The secret being enrolled lives sealed in the session until its first code confirms it. */
  const enrolSecret = (request: FastifyRequest) => {
    const sealed = request.session.get('enrolSecret')
    return sealed ? opts.box.open(sealed) : null
  }

  app.get('/login/enrol', async (request, reply) => {
    const pending = request.pendingSecondFactor
    if (!pending) return elsewhere(request, reply)
    if (pending.enrolled) return reply.redirect(withNext('/login/code', nextOf(request)), 303)
    let secret = enrolSecret(request)
    if (!secret) {
      secret = newTotpSecret()
      request.session.set('enrolSecret', opts.box.seal(secret))
    }
    return enrolPage(request, reply, secret)
  })

  app.post('/login/enrol', async (request, reply) => {
    const pending = request.pendingSecondFactor
    if (!pending) return elsewhere(request, reply)
    const next = nextOf(request)
    const secret = enrolSecret(request)
    if (pending.enrolled || !secret) return reply.redirect(withNext(pending.enrolled ? '/login/code' : '/login/enrol', next), 303)
    const parsed = secondFactorForm.safeParse(request.body)
    const input = parsed.success ? readSecondFactorInput(parsed.data.code) : null
    if (!parsed.success || input?.kind !== 'code') return enrolPage(request, reply, secret, [{ field: 'code', message: 'Enter the 6-digit code your authenticator app shows for Lantern' }], 422)
    const result = await confirmEnrolment(app.db, opts.box, { userId: pending.user.id, ip: request.ip }, secret, input.code, limits)
    if (!result.ok) {
      if (result.reason === 'already_enrolled') return reply.redirect(withNext('/login/code', next), 303)
      const message = result.reason === 'invalid' ? 'That code is not right. Check that the app shows Lantern with your email address, and enter the code it shows now.' : MESSAGES[result.reason]
      return enrolPage(request, reply, secret, [{ field: 'code', message }], STATUS[result.reason])
    }
    await startSession(request, pending.user.id, { secondFactorAt: Date.now() })
    return recoveryCodesPage(request, reply, result.recoveryCodes, next, true)
  })
}

/** The only time recovery codes are shown: straight after they are made, never stored in clear. */
function recoveryCodesPage(request: FastifyRequest, reply: FastifyReply, codes: string[], next: string, enrolled: boolean) {
  return noStore(reply).page('accounts/recovery-codes.hbs', { title: 'Your recovery codes', codes, next, enrolled })
}

export async function recoveryCodeRoutes(app: FastifyInstance) {
  app.post('/account/recovery-codes', async (request, reply) => {
    const codes = await regenerateRecoveryCodes(app.db, { userId: request.user!.id, ip: request.ip })
    if (!codes) {
      request.flash('important', 'You have no authenticator app set up, so there are no recovery codes to make.')
      return reply.redirect('/account', 303)
    }
    return recoveryCodesPage(request, reply, codes, '/account', false)
  })
}
