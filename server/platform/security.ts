// Security headers with a Content-Security-Policy that allows no inline script, and CSRF on every
// state-changing request.
import fp from 'fastify-plugin'
import fastifyHelmet from '@fastify/helmet'
import fastifyCsrf from '@fastify/csrf-protection'
import type { FastifyRequest } from 'fastify'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function csrfTokenFrom(request: FastifyRequest): string | void {
  const body = request.body as Record<string, unknown> | undefined
  if (body && typeof body._csrf === 'string') return body._csrf
  const header = request.headers['x-csrf-token']
  if (typeof header === 'string') return header
  // multipart uploads carry the token in the query string, as their body is read by the handler
  const query = request.query as Record<string, unknown> | undefined
  if (query && typeof query._csrf === 'string') return query._csrf
}

export default fp(
  async function security(app) {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          baseUri: ["'self'"],
          upgradeInsecureRequests: null
        }
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' }
    })
    await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session', getToken: csrfTokenFrom })
    app.addHook('preHandler', (request, reply, done) => {
      if (!STATE_CHANGING.has(request.method)) return done()
      app.csrfProtection(request, reply, done)
    })
  },
  { name: 'lantern-security', dependencies: ['lantern-sessions'] }
)
