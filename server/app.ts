// buildApp(): the plugins and the domain routes. Tests build the app through this.
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import fastifyFormbody from '@fastify/formbody'
import fastifyStatic from '@fastify/static'
import type { Config, TrustProxy } from './config'
import { projectRoot, publicDir } from './paths'
import database from './db/plugin'
import sessions from './platform/sessions'
import auth, { requireLogin, requireSchool } from './platform/auth'
import views from './platform/views'
import security from './platform/security'
import csrf from './platform/csrf'
import audit from './platform/audit'
import errorPages, { RETRY_AFTER_SECONDS } from './platform/error-pages'
import { databaseAnswers } from './db/health'
import { accountRoutes, publicAccountRoutes } from './accounts/routes'
import { accessibilityRoutes } from './platform/accessibility'
import { staffRoutes } from './accounts/staff-routes'
import { recoveryCodeRoutes, secondFactorRoutes } from './accounts/second-factor-routes'
import { secretBox, type SecretBox } from './platform/secret-box'
import { exportRoutes, schoolHomeRoutes } from './reports/routes'
import { clusterRoutes } from './reports/cluster-routes'
import { importRoutes } from './imports/routes'
import { alertRoutes, letterRoutes, safeguardingNotices } from './letters/routes'
import { pupilRoutes } from './screening/pupil-routes'
import { screeningRoutes } from './screening/routes'
import { placementRoutes } from './opportunities/placement-routes'
import { opportunityProfileSection } from './opportunities/profile-section'
import { opportunityEditRoutes, opportunityRoutes } from './opportunities/routes'
import { consentProfileSection } from './supervision/consent-profile-section'
import { recordsProfileSection } from './records/profile-section'
import { handoffRoutes, recordsRoutes } from './records/routes'
import { consentRoutes } from './supervision/consent-routes'
import { supervisionRoutes } from './supervision/routes'
import { linkHomeRoutes } from './supervision/home'

declare module 'fastify' {
  interface FastifyInstance {
    schoolRoutes: Array<{ method: string; url: string }>
    /** every route the app answers (HEAD aside), so that a test can hold each to its declared access */
    routeTable: Array<{ method: string; url: string }>
    /** seals second-factor secrets at rest, with a key derived from the session secret */
    secondFactorBox: SecretBox
  }
}

/**
 * Fastify takes addresses as they are; a hop count becomes a function of the hop's position, as
 * proxy-addr counts them (0 is the peer Lantern's socket sees). Only so many hops are believed.
 */
function proxyTrust(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust > 0 ? (_address: string, hop: number) => hop < trust : false
  return trust
}

export interface AppOptions {
  config: Config
  databaseUrl: string
  sessionSecret: string
}

export async function buildApp({ config, databaseUrl, sessionSecret }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: proxyTrust(config.trustProxy),
    bodyLimit: 1024 * 1024
  })

  // Every route of one school, listed so that a test can prove each one refuses other schools' users.
  const schoolRoutes: Array<{ method: string; url: string }> = []
  const routeTable: Array<{ method: string; url: string }> = []
  app.decorate('schoolRoutes', schoolRoutes)
  app.decorate('routeTable', routeTable)
  app.decorate('secondFactorBox', secretBox(sessionSecret, 'second-factor secrets v1'))
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue
      routeTable.push({ method, url: route.url })
      if (route.url.startsWith('/s/:urn')) schoolRoutes.push({ method, url: route.url })
    }
  })

  await app.register(database, { connectionString: databaseUrl, appConnectionString: config.appDatabaseUrl })
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 })
  await app.register(fastifyStatic, { root: publicDir, prefix: '/public/', index: false, maxAge: '1h' })
  await app.register(fastifyStatic, {
    root: join(projectRoot, 'node_modules', 'govuk-frontend', 'dist', 'govuk'),
    prefix: '/assets/govuk/',
    decorateReply: false,
    index: false,
    maxAge: '1d'
  })
  await app.register(sessions, { secret: sessionSecret, idleMinutes: config.sessionIdleMinutes, secureCookies: config.trustProxy === false ? false : 'auto' })
  await app.register(auth, { idleMinutes: config.sessionIdleMinutes })
  await app.register(csrf, { secret: sessionSecret, secureCookies: config.trustProxy === false ? false : 'auto' })
  await app.register(views, { production: config.viewCache })
  await app.register(security)
  await app.register(audit)
  await app.register(errorPages)

  // For a load balancer or a monitor: up only when the database answers. It reads no session and sets none.
  app.get('/healthz', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const answer = await databaseAnswers(app.pg.pool)
    if (answer.ok) return { ok: true }
    request.log.warn({ err: answer.error }, 'health check: the database did not answer')
    return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ ok: false, database: 'unreachable' })
  })
  await app.register(publicAccountRoutes, { loginLimits: config.loginLimits })
  await app.register(accessibilityRoutes, {})
  // the second step of signing in: for half-signed-in sessions, so outside the signed-in context
  await app.register(secondFactorRoutes, { box: app.secondFactorBox, limits: config.secondFactorLimits })

  // Signed-in pages.
  await app.register(async (signedIn) => {
    signedIn.addHook('preHandler', requireLogin)
    signedIn.get('/', async (request, reply) => {
      const schools = request.memberships
      // a link worker's home is their supervision across the schools they cover
      if (schools.length > 0 && schools.every((m) => m.role === 'link')) return reply.redirect('/supervision', 303)
      // a trust, LA or MHST officer's home is the overview of the schools they oversee
      if (schools.some((m) => m.role === 'cluster')) return reply.redirect('/cluster', 303)
      if (schools.length === 1) return reply.redirect(`/s/${schools[0]!.urn}`, 303)
      return reply.page('accounts/schools.hbs', { title: 'Choose a school', schools })
    })
    await signedIn.register(accountRoutes)
    await signedIn.register(recoveryCodeRoutes)
    await signedIn.register(linkHomeRoutes)
    await signedIn.register(clusterRoutes)

    // One school's pages: only for that school's members; anyone else is told it does not exist.
    await signedIn.register(
      async (school) => {
        school.addHook('preHandler', requireSchool)
        school.addHook('preHandler', safeguardingNotices)
        await school.register(schoolHomeRoutes)
        await school.register(staffRoutes)
        await school.register(letterRoutes)
        await school.register(alertRoutes)
        await school.register(importRoutes, { uploadLimitBytes: config.uploadLimitBytes })
        // the profile shows sections of domains above screening, passed in rather than imported upwards
        await school.register(pupilRoutes, { profileSections: [opportunityProfileSection, consentProfileSection, recordsProfileSection] })
        await school.register(exportRoutes)
        await school.register(screeningRoutes)
        await school.register(placementRoutes)
        await school.register(opportunityRoutes)
        await school.register(opportunityEditRoutes)
        await school.register(consentRoutes)
        await school.register(supervisionRoutes)
        await school.register(recordsRoutes)
        await school.register(handoffRoutes)
      },
      { prefix: '/s/:urn' }
    )
  })

  return app
}
