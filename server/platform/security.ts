// Security headers with a Content-Security-Policy that allows no inline script. CSRF tokens: csrf.ts.
// Addresses holding a NUL character are refused here (form fields: form-text.ts).
import fp from 'fastify-plugin'
import fastifyHelmet from '@fastify/helmet'
import type { FastifyRequest } from 'fastify'
import { HttpError } from './errors'
import { NUL } from './form-text'

/** A NUL character anywhere in a parsed query string or route parameter. */
function addressHasNul(request: FastifyRequest): boolean {
  for (const part of [request.query, request.params]) {
    if (!part || typeof part !== 'object') continue
    for (const value of Object.values(part)) {
      if (typeof value === 'string' ? value.includes(NUL) : Array.isArray(value) && value.some((v) => typeof v === 'string' && v.includes(NUL))) return true
    }
  }
  return false
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
    // PostgreSQL cannot store or compare text holding NUL: refuse such an address before any handler reads it.
    app.addHook('preValidation', async (request) => {
      if (addressHasNul(request)) throw new HttpError(400, 'This web address contains a character Lantern cannot read (a NUL character). Go back and try again, or follow a link from Lantern itself.', 'There is a problem')
    })
  },
  { name: 'lantern-security' }
)
