// Security headers with a Content-Security-Policy that allows no inline script. CSRF tokens: csrf.ts.
import fp from 'fastify-plugin'
import fastifyHelmet from '@fastify/helmet'

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
  },
  { name: 'lantern-security' }
)
