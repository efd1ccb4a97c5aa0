// Sign-in, sign-out, invitations (public) and the user's own account page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { InvalidInputError } from '../platform/errors'
import { formBody, formErrors } from '../platform/routes'
import { type LoginLimits, acceptAccountInvitation, acceptJoinInvitation, attemptLogin, changePassword, checkNewPassword, tokenHash } from './service'
import { invitationForm, loginForm, passwordForm, ROLE_LABELS, safeNext } from './schemas'
import { fieldErrors } from '../platform/forms'
import * as store from './store'
import { invitationPageView } from './view-models'
import { afterPassword, startSession } from './sign-in'
import { secondFactorStatus } from './second-factor'

const LOGIN_MESSAGES = {
  invalid: 'The email address or password is not right.',
  throttled_account: 'Too many failed attempts to sign in to this account. Wait 15 minutes and try again, or ask your senior mental health lead to check your account.',
  throttled_address: 'Too many failed sign-in attempts from this network. Wait 15 minutes and try again.'
}

export async function publicAccountRoutes(app: FastifyInstance, opts: { loginLimits?: LoginLimits }) {
  app.get('/login', async (request, reply) => {
    if (request.user) return reply.redirect('/', 303)
    const query = request.query as { next?: string; signed_out?: string; expired?: string }
    return reply.page('accounts/login.hbs', { title: 'Sign in', next: query.next, signedOut: query.signed_out === '1' })
  })

  app.post('/login', async (request, reply) => {
    const parsed = loginForm.safeParse(request.body)
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error)
      const body = formBody(request)
      return reply.page('accounts/login.hbs', { title: 'Sign in', ...formErrors(errors), values: { email: body.email }, next: body.next }, 422)
    }
    const { email, password, next } = parsed.data
    const result = await attemptLogin(app.db, email, password, request.ip, opts.loginLimits)
    if (!result.ok) {
      const status = result.reason === 'invalid' ? 401 : 429
      const errors = [{ field: 'email', message: LOGIN_MESSAGES[result.reason] }]
      return reply.page('accounts/login.hbs', { title: 'Sign in', errors, values: { email }, next }, status)
    }
    await startSession(request, result.userId)
    return reply.redirect(await afterPassword(app, result.userId, safeNext(next)), 303)
  })

  app.post('/logout', async (request, reply) => {
    const user = request.user ?? request.pendingSecondFactor?.user
    if (user) await request.audit({ action: 'logout', userId: user.id, schoolId: null, subjectType: 'user', subjectId: user.id })
    await request.session.destroy()
    return reply.redirect('/login?signed_out=1', 303)
  })

  const invalidInvitation = (reply: FastifyReply) => reply.page('accounts/invitation-invalid.hbs', { title: 'This invitation link does not work' }, 404)

  /** What an invitation page shows: never the account's own fields beyond its name and email. */
  async function invitationPage(request: FastifyRequest, reply: FastifyReply, token: string, extra: Record<string, unknown> = {}, status = 200) {
    const invitation = await store.findOpenInvitation(app.db, tokenHash(token))
    if (!invitation || !invitation.role) return invalidInvitation(reply)
    const view = invitationPageView({ ...invitation, role: invitation.role }, token, request.user?.id ?? null)
    return reply.page(view.template, { ...view.model, ...extra }, status)
  }

  app.get('/invitation/:token', async (request, reply) => {
    const { token } = request.params as { token: string }
    return invitationPage(request, reply, token)
  })

  app.post('/invitation/:token', async (request, reply) => {
    const { token } = request.params as { token: string }
    const form = invitationForm.safeParse(request.body)
    const problem = form.success ? checkNewPassword(form.data.password, form.data.confirm) : 'Enter a password'
    if (problem || !form.success) {
      const errors = [{ field: 'password', message: problem ?? 'Enter a password' }]
      return invitationPage(request, reply, token, { ...formErrors(errors) }, 422)
    }
    const result = await acceptAccountInvitation(app.db, token, form.data.password, request.ip)
    if (!result.ok) return invalidInvitation(reply)
    await startSession(request, result.userId)
    const next = await afterPassword(app, result.userId, '/')
    request.flash('success', next === '/' ? 'Your password is set and you are signed in.' : 'Your password is set. Now set up your authenticator app to finish signing in.')
    return reply.redirect(next, 303)
  })

  app.post('/invitation/:token/join', async (request, reply) => {
    const { token } = request.params as { token: string }
    const result = await acceptJoinInvitation(app.db, token, request.user?.id ?? null, request.ip)
    if (!result.ok) {
      if (result.reason === 'invalid') return invalidInvitation(reply)
      return invitationPage(request, reply, token, {}, result.reason === 'sign_in' ? 401 : 403)
    }
    const school = await store.findSchoolById(app.db, result.schoolId)
    request.flash('success', `You can now see ${school?.name ?? 'the school'} in Lantern.`)
    // a cluster officer's access is the overview's figures, not the school's pages
    return reply.redirect(result.role === 'cluster' ? '/cluster' : school ? `/s/${school.urn.trim()}` : '/', 303)
  })
}

export async function accountRoutes(app: FastifyInstance) {

  app.get('/account', async (request, reply) => {
    const memberships = request.memberships.map((m) => ({ ...m, roleLabel: ROLE_LABELS[m.role], href: m.role === 'cluster' ? null : `/s/${m.urn}` }))
    return reply.page('accounts/account.hbs', { title: 'Your account', schools: memberships, secondFactor: await secondFactorStatus(app.db, request.user!.id) })
  })

  app.get('/account/password', async (request, reply) => {
    return reply.page('accounts/password.hbs', { title: 'Change your password', mustChange: request.user!.mustChangePassword })
  })

  app.post('/account/password', async (request, reply) => {
    const parsed = passwordForm.safeParse(request.body)
    const render = (errors: { field: string; message: string }[]) =>
      reply.page('accounts/password.hbs', { title: 'Change your password', mustChange: request.user!.mustChangePassword, ...formErrors(errors) }, 422)
    if (!parsed.success) return render(fieldErrors(parsed.error))
    const problem = checkNewPassword(parsed.data.password, parsed.data.confirm)
    if (problem) return render([{ field: 'password', message: problem }])
    try {
      await changePassword(app.db, request.user!.id, parsed.data.current, parsed.data.password, request.ip)
    } catch (err) {
      if (err instanceof InvalidInputError) return render(err.fields)
      throw err
    }
    // the second factor given at sign-in still stands: only the password changed
    await startSession(request, request.user!.id, { secondFactorAt: request.session.get('secondFactorAt') })
    request.flash('success', 'Your password has been changed. You have been signed out everywhere else.')
    return reply.redirect('/account', 303)
  })
}
