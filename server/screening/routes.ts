// A lead's screening settings page (under /s/:urn): each setting with its default and the reason for it.
// Saving re-screens the school and is audited.
import type { FastifyInstance } from 'fastify'
import { ZodError } from 'zod'
import { formBody, onlyRoles, schoolOf } from '../platform/routes'
import { SCREENING_SETTING_GUIDE, type ScreeningSettings } from './rules'
import { loadScreeningSettings, updateScreeningSettings } from './service'

type Group = keyof ScreeningSettings
const GROUPS: Array<{ group: Group; legend: string; unit: string }> = [
  { group: 'attendance', legend: 'Attendance', unit: '%' },
  { group: 'ks2', legend: 'KS2', unit: '' },
  { group: 'weights', legend: 'Weight of each reason', unit: '' },
  { group: 'levels', legend: 'Level cut-offs (score)', unit: '' }
]

const fieldId = (group: string, key: string) => `${group}-${key}`

function fieldsModel(settings: ScreeningSettings, submitted: Record<string, string> | null, errors: Record<string, string>) {
  return GROUPS.map(({ group, legend, unit }) => ({
    legend,
    fields: Object.entries(SCREENING_SETTING_GUIDE[group]).map(([key, guide]) => {
      const id = fieldId(group, key)
      const current = (settings[group] as Record<string, number>)[key]!
      return {
        id,
        name: `${group}.${key}`,
        label: guide.label,
        why: guide.why,
        unit,
        default: guide.default,
        value: submitted ? (submitted[`${group}.${key}`] ?? '') : String(current),
        changed: current !== guide.default,
        error: errors[id]
      }
    })
  }))
}

/** The form's text fields → overrides (only values that differ from the default), or an error per field. */
export function parseSettingsForm(body: Record<string, unknown>) {
  // Only the fields the form shows are read, and only as the body's own keys; the overrides have no
  // prototype, so no posted key can reach one.
  const overrides: Record<string, Record<string, number>> = Object.create(null)
  const errors: Array<{ field: string; message: string }> = []
  for (const { group } of GROUPS) {
    for (const [key, guide] of Object.entries(SCREENING_SETTING_GUIDE[group])) {
      const name = `${group}.${key}`
      const raw = Object.hasOwn(body, name) ? body[name] : undefined
      const text = typeof raw === 'string' ? raw.trim() : ''
      if (text === '') continue // blank keeps the default
      if (!/^-?\d+(\.\d+)?$/.test(text)) {
        errors.push({ field: fieldId(group, key), message: `${guide.label}: enter a number, like ${guide.default}` })
        continue
      }
      const value = Number(text)
      if (value !== guide.default) (overrides[group] ??= Object.create(null) as Record<string, number>)[key] = value
    }
  }
  return { overrides, errors }
}

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
