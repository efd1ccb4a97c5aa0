// The allocation page (leads run it; leads and pastoral staff act on each pupil's proposal) and the
// invitation slips as a PDF (audited as a print), under /s/:urn/opportunities.
import type { FastifyInstance } from 'fastify'
import PDFDocument from 'pdfkit'
import { z } from 'zod'
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { PDF_FONTS } from '../platform/fonts'
import { formText } from '../platform/form-text'
import { formBody, idParam, onlyStaff, renderFormErrors, schoolOf } from '../platform/routes'
import { allocateForSchool } from './allocate'
import { allocationPageView, loadAllocationPage, loadRegisterPage, registerPageView } from './allocation-page'
import { changePlacement, chooseInstead, markAttendance, type PlacementAction } from './placements'
import { decideOnHold } from './hold'
import { loadInvitationSlips } from './slip-data'
import { renderInvitationSlips } from './slips'
import { loadOutcomes, outcomesView } from './outcomes'

const actionForm = z.object({
  action: z.enum(['offer', 'start', 'decline'], { error: 'Choose what to do' }),
  reason: formText('The reason').trim().max(1000, 'Keep the reason to 1,000 characters or fewer').optional()
})

const insteadForm = z.object({
  opportunity: z.string().regex(/^\d{1,9}$/, 'Choose an opportunity').transform(Number),
  reason: formText('The reason').trim().min(1, 'Say why you chose another opportunity').max(1000, 'Keep the reason to 1,000 characters or fewer')
})

const holdForm = z.object({ decision: z.enum(['run', 'cancel', 'reopen'], { error: 'Choose run it anyway or cancel this round' }) })

const HOLD_DONE = { run: 'will run with fewer than its minimum: its proposals and offers stay.', cancel: 'is cancelled this round', reopen: 'is open to the allocation again; decide again if it stays below its minimum.' } as const

const registerForm = z.object({
  held_on: z.iso.date({ error: 'Enter the date of the session, like 2026-09-15' }),
  present: z.enum(['yes', 'no'], { error: 'Say whether the pupil came' })
})

const slipQuery = z.union([z.object({ placement: z.string().regex(/^\d{1,9}$/).transform(Number) }), z.object({ form: formText('The form').trim().min(1).max(20) })])

function pdfBuffer(draw: (doc: PDFKit.PDFDocument) => void, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: title }, lang: 'en-GB' } as PDFKit.PDFDocumentOptions)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  draw(doc)
  doc.end()
  return done
}

export async function placementRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyStaff)

  app.get('/opportunities/allocation', async (request, reply) => {
    const school = schoolOf(request)
    const model = allocationPageView(await loadAllocationPage(app.db, school.id), school.urn)
    await request.audit({ action: 'allocation_viewed', subjectType: 'school', subjectId: school.id, detail: { pupils: model.placements.length, pupil_ids: [...model.placements.map((p) => p.pupilId), ...model.without.map((w) => w.id)] } })
    return reply.page('opportunities/allocation.hbs', model)
  })

  app.post('/opportunities/allocation', async (request, reply) => {
    const school = schoolOf(request)
    if (school.role !== 'lead') throw new ForbiddenError('Only the senior mental health lead runs the allocation. You can accept or decline each proposal.')
    const summary = await allocateForSchool(app.db, school.id, { userId: request.user!.id, ip: request.ip })
    const unplaced = summary.unplaced.length ? ` ${summary.unplaced.length} could not be placed: see the list below.` : ''
    const held = summary.on_hold.length ? ` On hold below their minimum: ${summary.on_hold.map((h) => h.opportunity).join(', ')}.` : ''
    const fit = ` Total fit ${summary.total_fit.toLocaleString('en-GB')}, against ${summary.greedy_fit.toLocaleString('en-GB')} for first come, first served.`
    const pupils = summary.placed === 1 ? '1 pupil has a proposal' : `${summary.placed} pupils have a proposal`
    const kept = summary.kept === 1 ? '1 confirmed offer kept' : `${summary.kept} confirmed offers kept`
    request.flash('success', `Allocation done: ${pupils} (${kept}).${unplaced}${held}${fit}`)
    return reply.redirect(`/s/${school.urn}/opportunities/allocation`, 303)
  })

  app.post('/opportunities/allocation/:id/hold', async (request, reply) => {
    const school = schoolOf(request)
    if (school.role !== 'lead') throw new ForbiddenError('Only the senior mental health lead decides whether an opportunity on hold runs.')
    const id = idParam(request, 'id')
    const parsed = holdForm.safeParse(formBody(request))
    if (!parsed.success) {
      request.flash('important', parsed.error.issues[0]!.message)
      return reply.redirect(`/s/${school.urn}/opportunities/allocation`, 303)
    }
    try {
      const done = await decideOnHold(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, id, parsed.data.decision)
      const removed = done.decision === 'cancel' ? `: ${done.removed === 1 ? '1 proposal' : `${done.removed} proposals`} removed, and those pupils are offered other opportunities when you run the allocation again.` : ''
      request.flash('success', `${done.name} ${HOLD_DONE[done.decision]}${removed}`)
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      request.flash('important', err.message)
    }
    return reply.redirect(`/s/${school.urn}/opportunities/allocation`, 303)
  })

  app.post('/opportunities/placements/:id', async (request, reply) => {
    const school = schoolOf(request)
    const id = idParam(request, 'id')
    const parsed = actionForm.safeParse(formBody(request))
    if (!parsed.success) {
      request.flash('important', parsed.error.issues[0]!.message)
      return reply.redirect(`/s/${school.urn}/opportunities/allocation`, 303)
    }
    try {
      await changePlacement(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, id, parsed.data.action as PlacementAction, parsed.data.reason ?? null)
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      request.flash('important', err.message)
      return reply.redirect(`/s/${school.urn}/opportunities/allocation`, 303)
    }
    request.flash('success', parsed.data.action === 'offer' ? 'Offered. Print the invitation slip when you are ready.' : parsed.data.action === 'start' ? 'Marked as taking part.' : 'Declined, with your reason kept.')
    return reply.redirect(`/s/${school.urn}/opportunities/allocation`, 303)
  })

  app.post('/opportunities/placements/:id/instead', async (request, reply) => {
    const school = schoolOf(request)
    const parsed = insteadForm.safeParse(formBody(request))
    if (!parsed.success) {
      request.flash('important', parsed.error.issues[0]!.message)
      return reply.redirect(`/s/${school.urn}/opportunities/allocation`, 303)
    }
    try {
      await chooseInstead(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, idParam(request, 'id'), parsed.data.opportunity, parsed.data.reason)
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      request.flash('important', err.message)
      return reply.redirect(`/s/${school.urn}/opportunities/allocation`, 303)
    }
    request.flash('success', 'Offered the opportunity you chose; the proposal is kept as declined, with your reason.')
    return reply.redirect(`/s/${school.urn}/opportunities/allocation`, 303)
  })

  const registerPage = async (schoolId: number, urn: string, placementId: number) => {
    const data = await loadRegisterPage(app.db, schoolId, placementId)
    if (!data) throw new NotFoundError()
    return registerPageView(data, urn, new Date().toISOString().slice(0, 10))
  }

  app.get('/opportunities/placements/:id/register', async (request, reply) => {
    const school = schoolOf(request)
    const model = await registerPage(school.id, school.urn, idParam(request, 'id'))
    await request.audit({ action: 'placement_register_viewed', subjectType: 'pupil', subjectId: model.pupilId, detail: { placement: model.placementId } })
    return reply.page('opportunities/register.hbs', { ...model, values: {} })
  })

  app.post('/opportunities/placements/:id/register', async (request, reply) => {
    const school = schoolOf(request)
    const id = idParam(request, 'id')
    const body = formBody(request)
    const parsed = registerForm.safeParse(body)
    if (!parsed.success) return renderFormErrors(reply, 'opportunities/register.hbs', { ...(await registerPage(school.id, school.urn, id)), values: body }, parsed.error)
    try {
      await markAttendance(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, id, parsed.data.held_on, parsed.data.present === 'yes')
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      return renderFormErrors(reply, 'opportunities/register.hbs', { ...(await registerPage(school.id, school.urn, id)), values: body }, [{ field: 'present', message: err.message }], 409)
    }
    request.flash('success', 'Saved.')
    return reply.redirect(`/s/${school.urn}/opportunities/placements/${id}/register`, 303)
  })

  app.get('/opportunities/outcomes', async (request, reply) => {
    const school = schoolOf(request)
    const model = outcomesView(await loadOutcomes(app.db, school.id), school.urn)
    // the watch list and each pupil's attendance name pupils: audited as a view of their data
    await request.audit({
      action: 'outcomes_viewed', subjectType: 'school', subjectId: school.id,
      detail: { watch_pupil_ids: [...new Set([...model.watch, ...model.notOffered].map((w) => w.pupilId))], attendance_pupil_ids: model.attendanceByPupil.map((a) => a.pupilId) }
    })
    return reply.page('opportunities/outcomes.hbs', model)
  })

  app.get('/opportunities/slips.pdf', async (request, reply) => {
    const school = schoolOf(request)
    const query = slipQuery.safeParse(request.query)
    if (!query.success) throw new NotFoundError()
    const which = 'placement' in query.data ? { placementId: query.data.placement } : { form: query.data.form }
    const { slips, pupilIds } = await loadInvitationSlips(app.db, school, which)
    if (!slips.length) throw new NotFoundError('There are no offered or active places to print slips for.')
    const pdf = await pdfBuffer((doc) => renderInvitationSlips(doc, slips, PDF_FONTS), `Invitations — ${school.name}`)
    await request.audit({ action: 'invitation_slips_printed', subjectType: 'school', subjectId: school.id, detail: { pupil_ids: pupilIds, ...which } })
    return reply.type('application/pdf').header('content-disposition', `inline; filename="lantern-invitations-${school.urn}.pdf"`).header('cache-control', 'no-store').send(pdf)
  })
}
