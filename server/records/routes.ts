// A child's data under the school's control (under /s/:urn): the subject-access export of one pupil
// (JSON or PDF), erasing a pupil, the pupil's leaving date, and the school's retention setting with the
// record of every erasure. Leads only; the export also needs the lead to be a DSL, since it holds the
// safeguarding alerts only DSLs may read.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { formBody, idParam, onlyDsl, onlyRoles, renderFormErrors, schoolOf } from '../platform/routes'
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { formText } from '../platform/form-text'
import { PDF_FONTS } from '../platform/fonts'
import { erasePupil, openAlertCount, OPEN_ALERT_REFUSAL } from './erase'
import { loadSubjectAccess, subjectAccessDocument } from './subject-access'
import { renderRecordPdf } from './pdf'
import { handoffDocument, loadHandoff } from './handoff'
import { erasureList, setLeavingDate, setRetention, parseIsoDate } from './store'

export const EXPORT_NEEDS_DSL = 'The export holds the pupil’s safeguarding alerts, which only DSLs may read. Ask a lead who is also a DSL to export it.'

const eraseForm = z.object({
  reason: formText('The reason').trim().min(1, 'Say why this pupil is being erased, for example the request it answers').max(500, 'Keep the reason to 500 characters or fewer'),
  confirm: z.literal('yes', { error: 'Tick the box to confirm that everything about this pupil will be deleted for good' })
})
const leftForm = z.object({
  left_on: z.string().trim().refine((v) => v === '' || parseIsoDate(v) !== null, 'Enter the leaving date as YYYY-MM-DD, for example 2027-07-21, or leave it blank')
})
const retentionForm = z.object({
  retention_months: z.string().trim().refine((v) => v === '' || (/^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 1200), 'Enter a number of months from 1 to 1200, or leave it blank to keep pupils until a lead erases them')
})

export async function recordsRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyRoles('lead'))

  const pupilOf = async (schoolId: number, pupilId: number) => {
    const pupil = await app.db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename', 'form', 'upn', 'left_on']).where('school_id', '=', schoolId).where('id', '=', pupilId).executeTakeFirst()
    if (!pupil) throw new NotFoundError()
    return { ...pupil, name: `${pupil.preferred_forename ?? pupil.forename} ${pupil.surname}` }
  }

  app.get('/pupils/:id/export', async (request, reply) => {
    const school = schoolOf(request)
    if (!school.isDsl) throw new ForbiddenError(EXPORT_NEEDS_DSL)
    const pupilId = idParam(request, 'id')
    const format = (request.query as Record<string, unknown>).format === 'pdf' ? 'pdf' : 'json'
    const data = await loadSubjectAccess(app.db, school.id, pupilId)
    if (!data) throw new NotFoundError()
    await request.audit({ action: 'pupil_exported', subjectType: 'pupil', subjectId: pupilId, detail: { format, via: 'web' } })
    reply.header('cache-control', 'no-store')
    if (format === 'pdf') {
      const pdf = await renderRecordPdf(subjectAccessDocument(data), PDF_FONTS)
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="lantern-subject-access-${school.urn}-${pupilId}.pdf"`).send(pdf)
    }
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="lantern-subject-access-${school.urn}-${pupilId}.json"`)
      .send(JSON.stringify(data, null, 2))
  })

  const erasePage = async (schoolId: number, pupilId: number) => {
    const pupil = await pupilOf(schoolId, pupilId)
    const open = await openAlertCount(app.db, schoolId, pupilId)
    return { title: `Erase ${pupil.name}`, pupil, openAlerts: open, refusal: open ? OPEN_ALERT_REFUSAL : null }
  }

  app.get('/pupils/:id/erase', async (request, reply) => {
    const school = schoolOf(request)
    const model = await erasePage(school.id, idParam(request, 'id'))
    return reply.page('records/erase.hbs', { ...model, values: {} })
  })

  app.post('/pupils/:id/erase', async (request, reply) => {
    const school = schoolOf(request)
    const pupilId = idParam(request, 'id')
    const body = formBody(request)
    const model = await erasePage(school.id, pupilId)
    if (model.refusal) return reply.page('records/erase.hbs', { ...model, values: body }, 409)
    const parsed = eraseForm.safeParse({ reason: body.reason ?? '', confirm: body.confirm })
    if (!parsed.success) return renderFormErrors(reply, 'records/erase.hbs', { ...model, values: body }, parsed.error)
    try {
      await erasePupil(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip, via: 'web' }, pupilId, parsed.data.reason)
    } catch (err) {
      if (err instanceof ConflictError) return reply.page('records/erase.hbs', { ...model, refusal: err.message, values: body }, 409)
      throw err
    }
    request.flash('success', `${model.pupil.name} is erased. The record that this was done is on the school’s data page.`)
    return reply.redirect(`/s/${school.urn}/data`, 303)
  })

  app.post('/pupils/:id/left', async (request, reply) => {
    const school = schoolOf(request)
    const pupilId = idParam(request, 'id')
    const pupil = await pupilOf(school.id, pupilId)
    const parsed = leftForm.safeParse({ left_on: formBody(request).left_on ?? '' })
    if (!parsed.success) {
      request.flash('important', parsed.error.issues[0]!.message)
      return reply.redirect(`/s/${school.urn}/pupils/${pupilId}#records`, 303)
    }
    const leftOn = parsed.data.left_on === '' ? null : parseIsoDate(parsed.data.left_on)
    await setLeavingDate(app.db, school.id, pupilId, leftOn)
    await request.audit({ action: 'pupil_leaving_date_set', subjectType: 'pupil', subjectId: pupilId, detail: { left_on: leftOn, was: pupil.left_on } })
    request.flash('success', leftOn ? `Leaving date recorded: ${leftOn}.` : 'Leaving date removed.')
    return reply.redirect(`/s/${school.urn}/pupils/${pupilId}#records`, 303)
  })

  const dataPage = async (schoolId: number) => {
    const row = await app.db.selectFrom('schools').select('retention_months').where('id', '=', schoolId).executeTakeFirstOrThrow()
    return { title: 'The school’s data', retentionMonths: row.retention_months, erasures: await erasureList(app.db, schoolId) }
  }

  app.get('/data', async (request, reply) => {
    const school = schoolOf(request)
    const model = await dataPage(school.id)
    return reply.page('records/data.hbs', { ...model, values: { retention_months: model.retentionMonths === null ? '' : String(model.retentionMonths) } })
  })

  app.post('/data/retention', async (request, reply) => {
    const school = schoolOf(request)
    const body = formBody(request)
    const parsed = retentionForm.safeParse({ retention_months: body.retention_months ?? '' })
    if (!parsed.success) return renderFormErrors(reply, 'records/data.hbs', { ...(await dataPage(school.id)), values: body }, parsed.error)
    const months = parsed.data.retention_months === '' ? null : Number(parsed.data.retention_months)
    await setRetention(app.db, school.id, months)
    await request.audit({ action: 'retention_set', subjectType: 'school', subjectId: school.id, detail: { retention_months: months } })
    request.flash('success', months === null ? 'Pupils are kept until a lead erases them.' : `Pupils will be erased ${months} months after their leaving date.`)
    return reply.redirect(`/s/${school.urn}/data`, 303)
  })
}

/** The hand-off of a disclosure to the school's safeguarding record: DSLs only, every view and file audited. */
export async function handoffRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyDsl)

  const load = async (request: FastifyRequest) => {
    const school = schoolOf(request)
    const alertId = idParam(request, 'alertId')
    const handoff = await loadHandoff(app.db, school.id, alertId, request.user!.name)
    if (!handoff) throw new NotFoundError()
    const pupilId = (await app.db.selectFrom('safeguarding_alerts').select('pupil_id').where('school_id', '=', school.id).where('id', '=', alertId).executeTakeFirstOrThrow()).pupil_id
    return { school, alertId, pupilId, handoff }
  }

  app.get('/alerts/:alertId/handoff', async (request, reply) => {
    const { school, alertId, pupilId, handoff } = await load(request)
    await request.audit({ action: 'safeguarding_handoff_viewed', subjectType: 'pupil', subjectId: pupilId, detail: { alert: alertId } })
    return reply.page('records/handoff.hbs', { title: `Disclosure for the safeguarding record: ${handoff.child.name}`, handoff, alertId, pupilId, backHref: `/s/${school.urn}/alerts/${alertId}`, backText: 'Back to the alert' })
  })

  app.get('/alerts/:alertId/handoff/export', async (request, reply) => {
    const { school, alertId, pupilId, handoff } = await load(request)
    const format = (request.query as Record<string, unknown>).format === 'json' ? 'json' : 'pdf'
    await request.audit({ action: 'safeguarding_handoff_exported', subjectType: 'pupil', subjectId: pupilId, detail: { alert: alertId, format } })
    reply.header('cache-control', 'no-store')
    const name = `lantern-disclosure-${school.urn}-${alertId}`
    if (format === 'json') return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="${name}.json"`).send(JSON.stringify(handoff, null, 2))
    const pdf = await renderRecordPdf(handoffDocument(handoff), PDF_FONTS)
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(pdf)
  })
}
