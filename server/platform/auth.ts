// Who is asking, and which schools they may see: loaded once per request from the session.
// Every school-scoped route reads `request.school`, set only from the user's own memberships.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sql, type RawBuilder } from 'kysely'
import type { Role } from '../db/schema'
import { setScope } from '../db/scope'
import { ForbiddenError, NotFoundError } from './errors'

export interface CurrentUser {
  id: number
  email: string
  name: string
  mustChangePassword: boolean
}

export interface SchoolAccess {
  id: number
  urn: string
  name: string
  role: Role
  isDsl: boolean
}

/** A session whose password was right but whose second factor is still to come: it reaches nothing but the second-factor pages and sign-out. */
export interface PendingSecondFactor {
  user: CurrentUser
  enrolled: boolean
}

/** How long a half-signed-in session may wait for its second factor. */
export const PENDING_SECOND_FACTOR_MINUTES = 15

declare module 'fastify' {
  interface FastifyRequest {
    /** a fully signed-in user (password, and second factor when they need one) */
    user: CurrentUser | null
    pendingSecondFactor: PendingSecondFactor | null
    memberships: SchoolAccess[]
    /** the school of a /s/:urn route, from the user's own memberships */
    school: SchoolAccess | null
    /** that school's view_version as this request began (server/pupils/view-cache.ts), read with the access */
    schoolViewVersion: number | null
    /** view_version per school of the user's memberships, as this request began */
    viewVersions: ReadonlyMap<number, number>
    /** open safeguarding alerts per school where the user is a DSL, read with the access as this request began */
    openAlerts: ReadonlyMap<number, number>
  }
}

/** How often a working user's session is written back to keep it alive. */
export const TOUCH_EVERY_MS = 60_000

/** One user with each active membership, as rows (a user with none: one row with null school columns). */
export interface AccessRow {
  id: number
  email: string
  name: string
  active: boolean
  must_change_password: boolean
  school_id: number | null
  urn: string | null
  school_name: string | null
  role: Role | null
  is_dsl: boolean | null
  /** the school's view_version (migration 0017), read with the access so that cached pages need no query */
  view_version: string | number | null
  /** memberships in order of the school's name */
  position: string | number
  /** whether the user has a second factor set up (migration 0019) */
  second_factor: boolean
  /** for a DSL membership, the school's open safeguarding alerts (the notice on every page); otherwise null */
  open_alerts: string | number | null
}

/** The query behind AccessRow, for the user whose id `userId` gives (a value or an SQL expression). */
export function accessRowsQuery(userId: number | RawBuilder<unknown>) {
  return sql<AccessRow>`
    select u.id, u.email, u.name, u.active, u.must_change_password,
           sc.id as school_id, sc.urn, sc.name as school_name, m.role, m.is_dsl, v.view_version,
           row_number() over (order by sc.name, sc.id) as position,
           exists (select 1 from second_factors f where f.user_id = u.id) as second_factor,
           case when m.is_dsl and m.role <> 'link'
             then (select count(*) from safeguarding_alerts a where a.school_id = m.school_id and a.status = 'open') end as open_alerts
    from users u
    left join memberships m on m.user_id = u.id and m.active
    left join schools sc on sc.id = m.school_id
    left join school_data_versions v on v.school_id = sc.id
    where u.id = ${userId}
    order by position`
}

export function accessFromRows(rows: readonly AccessRow[]) {
  const first = rows[0]
  if (!first || !first.active) return null
  const user: CurrentUser = { id: first.id, email: first.email, name: first.name, mustChangePassword: first.must_change_password }
  const withSchool = rows.filter((r) => r.school_id !== null).sort((a, b) => Number(a.position) - Number(b.position))
  const memberships: SchoolAccess[] = withSchool.map((r) => ({ id: r.school_id!, urn: r.urn!.trim(), name: r.school_name!, role: r.role!, isDsl: r.is_dsl! }))
  const viewVersions = new Map(withSchool.map((r) => [r.school_id!, Number(r.view_version ?? 0)]))
  const openAlerts = new Map(withSchool.filter((r) => r.open_alerts !== null).map((r) => [r.school_id!, Number(r.open_alerts)]))
  return { user, memberships, viewVersions, openAlerts, secondFactorEnrolled: first.second_factor === true }
}

/** Read as the owner: the access is what decides which schools the rest of the request may see. */
export async function loadAccess(app: FastifyInstance, userId: number) {
  const { rows } = await accessRowsQuery(userId).execute(app.systemDb)
  return accessFromRows(rows)
}

/**
 * Who must give a time-based code as well as a password (README, "Accounts and security"): anyone who
 * leads a school, is a DSL or is a link worker anywhere, and anyone who has set one up already.
 * Checked on every request, so a member of staff given such a role signs in again with a second factor.
 */
export function needsSecondFactor(memberships: SchoolAccess[], enrolled: boolean): boolean {
  return enrolled || memberships.some((m) => m.role === 'lead' || m.role === 'link' || m.isDsl)
}

export default fp(
  async function auth(app, opts: { idleMinutes: number }) {
    app.decorateRequest('user', null)
    app.decorateRequest('memberships', null as unknown as SchoolAccess[])
    app.decorateRequest('school', null)
    app.decorateRequest('pendingSecondFactor', null)
    app.decorateRequest('schoolViewVersion', null)
    app.decorateRequest('viewVersions', null as unknown as ReadonlyMap<number, number>)
    app.decorateRequest('openAlerts', null as unknown as ReadonlyMap<number, number>)
    app.addHook('onRequest', async (request) => {
      request.memberships = []
      request.viewVersions = new Map()
      request.openAlerts = new Map()
      const userId = request.session.get('userId')
      if (!userId) return
      const now = Date.now()
      const seenAt = request.session.get('seenAt') ?? now
      if (now - seenAt > opts.idleMinutes * 60_000) {
        await request.session.destroy()
        return
      }
      // the session store read the access in the session's own query; otherwise (never for a stored session) read it now
      const prefetched = app.sessionAccess(request)
      const access = prefetched !== undefined ? prefetched : await loadAccess(app, userId)
      if (!access) {
        await request.session.destroy()
        return
      }
      if (needsSecondFactor(access.memberships, access.secondFactorEnrolled) && !request.session.get('secondFactorAt')) {
        if (now - (request.session.get('passwordAt') ?? 0) > PENDING_SECOND_FACTOR_MINUTES * 60_000) {
          await request.session.destroy()
          return
        }
        request.pendingSecondFactor = { user: access.user, enrolled: access.secondFactorEnrolled }
        return
      }
      request.user = access.user
      request.memberships = access.memberships
      request.viewVersions = access.viewVersions
      request.openAlerts = access.openAlerts
      setScope(access.memberships.map((m) => m.id))
      // Keep the stored session alive while the user works: a write (which renews the cookie and the
      // stored expiry) at most once a minute. So a session ends between idle-1 and idle minutes after
      // the last request.
      if (now - seenAt >= TOUCH_EVERY_MS || !request.session.get('seenAt')) request.session.set('seenAt', now)
    })
  },
  { name: 'lantern-auth', dependencies: ['lantern-sessions'] }
)

/** For a child context of logged-in routes: no user, no page. */
export async function requireLogin(request: FastifyRequest, reply: FastifyReply) {
  if (request.user) {
    const allowed = request.url.startsWith('/account/password') || request.url.startsWith('/logout')
    if (request.user.mustChangePassword && !allowed) return reply.redirect('/account/password', 303)
    return
  }
  const accept = request.headers.accept ?? ''
  const jsonOnly = accept.includes('application/json') && !accept.includes('text/html')
  const pending = request.pendingSecondFactor !== null
  if (request.method === 'GET' && !jsonOnly) {
    return reply.redirect(`${pending ? '/login/code' : '/login'}?next=${encodeURIComponent(request.url)}`, 303)
  }
  return reply.code(401).send({ error: pending ? 'Not signed in: enter the code from your authenticator app first' : 'Not signed in' })
}

export const CLUSTER_FIGURES_ONLY =
  'Your access to this school is the cluster overview: its figures, never its pupils, letters, alerts or packs. Ask the school’s senior mental health lead if your work needs more.'

/**
 * For a child context under /s/:urn: the school must be one of the user's; otherwise it does not exist.
 * A `cluster` membership opens none of a school's pages (every one of them shows or acts on pupils):
 * its figures are on the cluster overview.
 */
export async function requireSchool(request: FastifyRequest) {
  const urn = (request.params as { urn?: string }).urn
  const school = request.memberships.find((m) => m.urn === urn)
  if (!school) throw new NotFoundError()
  if (school.role === 'cluster') throw new ForbiddenError(CLUSTER_FIGURES_ONLY)
  request.school = school
  // a school's pages see that school's pupil data, not the user's other schools'
  setScope([school.id])
  request.schoolViewVersion = request.viewVersions.get(school.id) ?? null
}

/** The cluster overview is for people who work across schools: two or more, or any `cluster` membership. */
export function seesClusterOverview(memberships: readonly SchoolAccess[]): boolean {
  return memberships.length > 1 || memberships.some((m) => m.role === 'cluster')
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): SchoolAccess {
  const school = request.school
  if (!school) throw new NotFoundError()
  if (!roles.includes(school.role)) throw new ForbiddenError()
  return school
}

/** Leads and pastoral staff: the whole screening. Link workers see only their supervision agenda. */
export function requireStaff(request: FastifyRequest): SchoolAccess {
  if (request.school?.role === 'link') {
    throw new ForbiddenError('Link workers see the pupils on the supervision agenda, not the whole screening. Ask the school\'s senior mental health lead if you need more.')
  }
  return requireRole(request, 'lead', 'pastoral')
}

/** The school's designated safeguarding leads: always school staff, never a link worker. */
export function requireDsl(request: FastifyRequest): SchoolAccess {
  const school = request.school
  if (!school) throw new NotFoundError()
  if (!school.isDsl || school.role === 'link') {
    throw new ForbiddenError('Safeguarding alerts go to the school’s designated safeguarding leads. If you have a concern about a child, tell your DSL today.')
  }
  return school
}
