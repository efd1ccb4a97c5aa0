// A lead's pages for the school's staff and audit log (under /s/:urn).
import type { FastifyInstance } from 'fastify'
import { formBody, formErrors, idParam, onlyRoles, schoolOf } from '../platform/routes'
import { ConflictError, NotFoundError } from '../platform/errors'
import { inviteStaff, setStaffActive } from './service'
import { resetSecondFactor } from './second-factor'
import { usersWithSecondFactor } from './second-factor-store'
import { inviteForm, ROLE_LABELS, ROLES } from './schemas'
import { fieldErrors } from '../platform/forms'
import * as store from './store'
import { staffView, waitingView } from './view-models'

const AUDIT_PAGE_SIZE = 100

function roleOptions(selected?: string) {
  return ROLES.map((value) => ({ value, label: ROLE_LABELS[value], checked: value === selected }))
}

export async function staffRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyRoles('lead'))
  const staffPage = async (schoolId: number) => {
    const rows = await store.listStaff(app.db, schoolId)
    return staffView(rows, await usersWithSecondFactor(app.db, rows.map((r) => r.user_id)))
  }
  const waitingPage = async (schoolId: number) => waitingView(await store.listOpenJoinInvitations(app.db, schoolId))

  app.get('/staff', async (request, reply) => {
    const school = schoolOf(request)
    const [staff, waiting] = await Promise.all([staffPage(school.id), waitingPage(school.id)])
    return reply.page('accounts/staff.hbs', { title: 'Staff', staff, waiting, roles: roleOptions(), values: {} })
  })

  app.post('/staff', async (request, reply) => {
    const school = schoolOf(request)
    const parsed = inviteForm.safeParse(request.body)
    const body = formBody(request)
    const rerender = async (errors: { field: string; message: string }[], status = 422) =>
      reply.page(
        'accounts/staff.hbs',
        { title: 'Staff', staff: await staffPage(school.id), waiting: await waitingPage(school.id), roles: roleOptions(body.role), values: body, ...formErrors(errors) },
        status
      )
    if (!parsed.success) return rerender(fieldErrors(parsed.error))
    let result
    try {
      result = await inviteStaff(app.db, { userId: request.user!.id, schoolId: school.id, ip: request.ip }, { ...parsed.data, isDsl: parsed.data.dsl === 'yes' })
    } catch (err) {
      if (err instanceof ConflictError) return rerender([{ field: 'email', message: err.message }], 409)
      throw err
    }
    if (result.kind === 'updated') {
      request.flash('success', `${result.name} is already on your staff: their role and DSL mark are updated.`)
      return reply.redirect(`/s/${school.urn}/staff`, 303)
    }
    const origin = `${request.protocol}://${request.host}`
    const invitation = { name: result.name, email: result.email, expiresAt: result.expiresAt }
    return reply.page('accounts/invited.hbs', { title: 'Invitation ready', invitation, join: result.kind === 'join', link: `${origin}/invitation/${result.token}` })
  })

  app.post('/staff/:userId/:change', async (request, reply) => {
    const school = schoolOf(request)
    const { userId, change } = request.params as { userId: string; change: string }
    if (!['deactivate', 'reactivate'].includes(change) || !/^\d+$/.test(userId)) throw new NotFoundError()
    const done = await setStaffActive(app.db, { userId: request.user!.id, schoolId: school.id, ip: request.ip }, Number(userId), change === 'reactivate')
    if (!done) throw new NotFoundError()
    request.flash('success', change === 'deactivate' ? 'Access removed. They can no longer see this school.' : 'Access restored.')
    return reply.redirect(`/s/${school.urn}/staff`, 303)
  })

  // A lost phone: the colleague's second factor goes, their sessions end, and they set it up again at their next sign-in.
  app.post('/staff/:userId/second-factor/reset', async (request, reply) => {
    const school = schoolOf(request)
    const userId = idParam(request, 'userId')
    let done
    try {
      done = await resetSecondFactor(app.db, { userId: request.user!.id, schoolId: school.id, ip: request.ip }, userId)
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      request.flash('important', err.message)
      return reply.redirect(`/s/${school.urn}/staff`, 303)
    }
    if (done === 'not_member') throw new NotFoundError()
    request.flash(
      done === 'reset' ? 'success' : 'important',
      done === 'reset' ? 'Second factor reset. They have been signed out, and set up their authenticator app again when they next sign in.' : 'They have no second factor set up, so there was nothing to reset.'
    )
    return reply.redirect(`/s/${school.urn}/staff`, 303)
  })

  app.get('/audit', async (request, reply) => {
    const school = schoolOf(request)
    const query = request.query as { page?: string; action?: string }
    const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1)
    const action = query.action || undefined
    const rows = await store.listAudit(app.db, school.id, { limit: AUDIT_PAGE_SIZE + 1, offset: (page - 1) * AUDIT_PAGE_SIZE, action })
    const actions = (await store.listAuditActions(app.db, school.id)).map((a) => ({ value: a.action, selected: a.action === action }))
    const base = `/s/${school.urn}/audit?${action ? `action=${encodeURIComponent(action)}&` : ''}`
    return reply.page('accounts/audit.hbs', {
      title: 'Audit log',
      entries: rows.slice(0, AUDIT_PAGE_SIZE),
      actions,
      action,
      previous: page > 1 ? `${base}page=${page - 1}` : null,
      next: rows.length > AUDIT_PAGE_SIZE ? `${base}page=${page + 1}` : null
    })
  })
}
