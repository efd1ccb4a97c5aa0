// A lead's screening settings page (under /s/:urn): each setting with its default and the reason for it.
// Saving re-screens the school and is audited.
import type { FastifyInstance } from 'fastify'
import { ZodError } from 'zod'
import { formBody, onlyRoles, schoolOf } from '../platform/routes'
import { loadScreeningSettings, updateScreeningSettings } from './service'
import { fieldId, fieldsModel, parseSettingsForm } from './settings-view'

export async function screeningRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyRoles('lead'))
  app.get('/screening/settings', async (request, reply) => {
    const school = schoolOf(request)
    const { settings, updatedAt } = await loadScreeningSettings(app.db, school.id)
    return reply.page('screening/settings.hbs', { title: 'Screening settings', groups: fieldsModel(settings, null, {}), updatedAt })
  })

  app.post('/screening/settings', async (request, reply) => {
    const school = schoolOf(request)
    const body = formBody(request)
    const { overrides, errors } = parseSettingsForm(body)
    if (!errors.length) {
      try {
        const { changes } = await updateScreeningSettings(app.db, school.id, { userId: request.user!.id, ip: request.ip }, overrides)
        const n = Object.keys(changes).length
        request.flash('success', n ? `Settings saved (${n} changed) and every pupil re-screened.` : 'No settings changed.')
        return reply.redirect(`/s/${school.urn}/screening/settings`, 303)
      } catch (err) {
        if (!(err instanceof ZodError)) throw err
        for (const issue of err.issues) errors.push({ field: fieldId(String(issue.path[0]), String(issue.path[1])), message: issue.message })
      }
    }
    const { settings, updatedAt } = await loadScreeningSettings(app.db, school.id)
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]))
    return reply.page('screening/settings.hbs', { title: 'Screening settings', groups: fieldsModel(settings, body, byField), updatedAt, errors }, 422)
  })
}
