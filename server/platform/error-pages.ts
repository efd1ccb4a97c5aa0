// One error handler: a page for people, JSON for API callers; 5xx never shows internals.
import fp from 'fastify-plugin'
import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseUnavailable } from '../db/errors'
import { HttpError, InvalidInputError, NotFoundError } from './errors'

/** seconds a browser or a load balancer is asked to wait before trying again while the database is away */
export const RETRY_AFTER_SECONDS = 30

export const DATABASE_UNAVAILABLE = {
  status: 503,
  title: 'Lantern is not available just now',
  message: 'Lantern cannot reach its database; try again in a minute. If this keeps happening, tell your administrator.'
}

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

interface Shown { status: number; title: string; message: string; fields?: { field: string; message: string }[] }

function describe(error: FastifyError, request: FastifyRequest): Shown {
  if (error instanceof HttpError) {
    return { status: error.statusCode, title: error.title, message: error.message, fields: error instanceof InvalidInputError ? error.fields : undefined }
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'the database is unreachable')
    return DATABASE_UNAVAILABLE
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
    return { status: 413, title: 'That was too large', message: 'The form or file was larger than Lantern accepts. Nothing was saved.' }
  }
  if (error.statusCode === 429) {
    return { status: 429, title: 'Too many requests', message: error.message || 'Please wait a minute and try again.' }
  }
  if (error.validation || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
    return { status: error.statusCode ?? 400, title: 'There is a problem', message: 'The request was not valid. Go back and try again.' }
  }
  request.log.error({ err: error }, 'unhandled error')
  return {
    status: 500,
    title: 'Sorry, something went wrong',
    message: `Lantern could not finish this. Nothing you were shown has changed. Try again, and if it keeps happening tell your administrator the reference ${request.id}.`
  }
}

/**
 * The database is away: a plain page that needs no session, no user and no CSRF token. The session
 * is set aside so that @fastify/session does not try to save it to that database as the page is
 * sent (its onSend hook skips a request without one), which would fail again and end in Fastify's
 * raw fallback JSON.
 */
function renderUnavailable(reply: FastifyReply, shown: Shown) {
  const request = reply.request
  ;(request as { session: unknown }).session = null
  reply.code(shown.status).header('retry-after', String(RETRY_AFTER_SECONDS)).header('cache-control', 'no-store')
  if (wantsJson(request)) return reply.send({ error: shown.title, message: shown.message })
  return reply.type('text/html; charset=utf-8').view('errors/error.hbs', { title: shown.title, shown, homeHref: '/' })
}

function render(reply: FastifyReply, shown: Shown) {
  if (shown === DATABASE_UNAVAILABLE) return renderUnavailable(reply, shown)
  if (wantsJson(reply.request) || typeof reply.page !== 'function') {
    return reply.code(shown.status).send({ error: shown.title, message: shown.message, fields: shown.fields })
  }
  return reply.page('errors/error.hbs', { title: shown.title, shown, homeHref: reply.request.user ? '/' : '/login' }, shown.status)
}

export default fp(
  async function errorPages(app) {
    await app.register(fastifyRateLimit, { global: false })
    app.setErrorHandler((error: FastifyError, request, reply) => render(reply, describe(error, request)))
    app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 120, timeWindow: '1 minute' }) }, (request, reply) => {
      const e = new NotFoundError()
      return render(reply, { status: 404, title: e.title, message: e.message })
    })
  },
  { name: 'lantern-error-pages', dependencies: ['lantern-views'] }
)
