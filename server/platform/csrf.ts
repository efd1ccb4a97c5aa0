// CSRF tokens that need no server-side state, so that an anonymous page writes nothing to the
// database. A signed-in form's token is an HMAC of the session id; an anonymous form's (sign-in,
// invitation) is an HMAC of a random nonce kept in an HttpOnly cookie. Another site can neither read
// the cookie nor compute the HMAC, so it cannot make a token that this browser's request would carry.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from './errors'

declare module 'fastify' {
  interface FastifyReply {
    /** The CSRF token for forms on this page (sets the anonymous nonce cookie when needed). */
    csrfToken(): string
  }
}

export class CsrfError extends HttpError {
  constructor() {
    super(403, 'The form was open too long or came from somewhere else, so nothing was saved. Go back, reload the page and try again.', 'This form has expired')
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const NONCE = /^[A-Za-z0-9_-]{32}$/

function tokenFrom(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined
  if (body && typeof body._csrf === 'string') return body._csrf
  const header = request.headers['x-csrf-token']
  if (typeof header === 'string') return header
  // multipart uploads carry the token in the query string, as their body is read by the handler
  const query = request.query as Record<string, unknown> | undefined
  if (query && typeof query._csrf === 'string') return query._csrf
  return undefined
}

export interface CsrfOptions {
  secret: string
  secureCookies: boolean | 'auto'
}

export default fp(
  async function csrf(app, opts: CsrfOptions) {
    const key = createHmac('sha256', opts.secret).update('lantern csrf tokens v1').digest()
    const sign = (binding: string) => createHmac('sha256', key).update(binding).digest('base64url')
    const secure = (request: FastifyRequest) => (opts.secureCookies === 'auto' ? request.protocol === 'https' : opts.secureCookies)
    // On HTTPS the __Host- prefix stops a sibling subdomain from planting its own nonce.
    const cookieName = (request: FastifyRequest) => (secure(request) ? '__Host-lantern_csrf' : 'lantern_csrf')

    const signedIn = (request: FastifyRequest) => request.session !== undefined && typeof request.session.get === 'function' && request.session.get('userId') !== undefined
    const nonceOf = (request: FastifyRequest) => {
      const value = request.cookies[cookieName(request)]
      return value && NONCE.test(value) ? value : undefined
    }

    app.decorateReply('csrfToken', function (this: FastifyReply) {
      const request = this.request
      if (signedIn(request)) return sign(`session:${request.session.sessionId}`)
      let nonce = nonceOf(request)
      if (!nonce) {
        nonce = randomBytes(24).toString('base64url')
        this.setCookie(cookieName(request), nonce, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request) })
      }
      return sign(`anonymous:${nonce}`)
    })

    app.addHook('preHandler', async (request) => {
      if (!STATE_CHANGING.has(request.method)) return
      const given = tokenFrom(request)
      const binding = signedIn(request) ? `session:${request.session.sessionId}` : nonceOf(request) && `anonymous:${nonceOf(request)}`
      if (!given || !binding) throw new CsrfError()
      const expected = Buffer.from(sign(binding))
      const actual = Buffer.from(given)
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new CsrfError()
    })
  },
  { name: 'lantern-csrf', dependencies: ['lantern-sessions'] }
)
