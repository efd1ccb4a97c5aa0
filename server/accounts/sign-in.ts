// Starting a signed-in session, and where the password step leads: home, or the second factor first.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { loadAccess, needsSecondFactor } from '../platform/auth'
import * as store from './store'

/**
 * A new session id at each step of signing in (and at a new password), so that an id fixed or stolen
 * before it is worthless after it: the old stored session is deleted, not left behind.
 */
export async function startSession(request: FastifyRequest, userId: number, opts: { secondFactorAt?: number } = {}) {
  await store.deleteSession(request.server.db, request.session.sessionId)
  await request.session.regenerate()
  const now = Date.now()
  request.session.set('userId', userId)
  request.session.set('seenAt', now)
  request.session.set('passwordAt', now)
  if (opts.secondFactorAt) request.session.set('secondFactorAt', opts.secondFactorAt)
}

/** After the password: a user who needs a second factor goes to its page (to enrol, or to give a code) with where they were going. */
export async function afterPassword(app: FastifyInstance, userId: number, next: string): Promise<string> {
  const access = await loadAccess(app, userId)
  if (!access || !needsSecondFactor(access.memberships, access.secondFactorEnrolled)) return next
  const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`
  return `${access.secondFactorEnrolled ? '/login/code' : '/login/enrol'}${query}`
}
