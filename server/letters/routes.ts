// Letters to self (read and reviewed by staff) and safeguarding alerts (for the school's DSLs), under
// /s/:urn. Each plugin says once who may use it; handlers wire a loader to a pure view.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { NotFoundError, ConflictError } from '../platform/errors'
import { formBody, idParam, onlyDsl, onlyRoles, renderFormErrors, schoolOf } from '../platform/routes'
import { findPupilName } from '../pupils/store'
import { letterForm, outcomeForm, reviewForm } from './schemas'
import { addLetter, recordAlertOutcome, reviewLetter } from './service'
import * as store from './store'
import { alertListView, alertPageView, letterListView, letterPageView, loadAlertPage, loadLetterPage, newLetterView } from './pages'

/** For every page of a school: a DSL sees the number of open alerts until each is handled. */
export async function safeguardingNotices(request: FastifyRequest) {
  if (!request.school?.isDsl || request.school.role === 'link') return
  // read with the user's access in the session's own query (platform/auth.ts), so this costs no round trip
  const open = request.openAlerts.get(request.school.id) ?? await store.countOpenAlerts(request.server.db, request.school.id)
  if (open === 0) return
  request.notices = [
    ...(request.notices ?? []),
    {
      text: open === 1 ? 'A safeguarding alert from a pupil’s letter is waiting for you.' : `${open} safeguarding alerts from pupils’ letters are waiting for you.`,
      href: `/s/${request.school.urn}/alerts`,
      linkText: 'Review safeguarding alerts'
    }
  ]
}

export async function letterRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyRoles('lead', 'pastoral'))

  const letterPage = async (schoolId: number, urn: string, letterId: number) => {
    const data = await loadLetterPage(app.db, schoolId, letterId)
    if (!data) throw new NotFoundError()
    return letterPageView(data, urn)
  }
  const pupilFor = async (schoolId: number, request: FastifyRequest) => {
    const pupil = await findPupilName(app.db, schoolId, idParam(request, 'pupilId'))
    if (!pupil) throw new NotFoundError()
    return pupil
  }

  app.get('/letters', async (request, reply) => {
    const school = schoolOf(request)
    return reply.page('letters/list.hbs', letterListView(await store.lettersAwaitingReview(app.db, school.id)))
  })

  app.get('/letters/:letterId', async (request, reply) => {
    const school = schoolOf(request)
    const model = await letterPage(school.id, school.urn, idParam(request, 'letterId'))
    await request.audit({ action: 'letter_viewed', subjectType: 'pupil', subjectId: model.letter.pupil_id })
    return reply.page('letters/letter.hbs', model)
  })

  app.post('/letters/:letterId/review', async (request, reply) => {
    const school = schoolOf(request)
    const letterId = idParam(request, 'letterId')
    const parsed = reviewForm.safeParse(request.body)
    if (!parsed.success) return renderFormErrors(reply, 'letters/letter.hbs', await letterPage(school.id, school.urn, letterId), parsed.error)
    const pupilId = await reviewLetter(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, letterId, { ...parsed.data, note: parsed.data.note || null })
    request.flash('success', 'Your review is saved. Screening now uses it.')
    return reply.redirect(`/s/${school.urn}/pupils/${pupilId}`, 303)
  })

  app.get('/pupils/:pupilId/letters/new', async (request, reply) => {
    const school = schoolOf(request)
    return reply.page('letters/new.hbs', newLetterView(await pupilFor(school.id, request), school.urn))
  })

  app.post('/pupils/:pupilId/letters', async (request, reply) => {
    const school = schoolOf(request)
    const pupil = await pupilFor(school.id, request)
    const body = formBody(request)
    const parsed = letterForm.safeParse(body)
    if (!parsed.success) return renderFormErrors(reply, 'letters/new.hbs', newLetterView(pupil, school.urn, body), parsed.error)
    try {
      const { id, analysis } = await addLetter(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, pupil.id, parsed.data.text, parsed.data.written_on || null)
      const disclosure = analysis.safeguarding.length > 0
      request.flash(
        disclosure ? 'important' : 'success',
        disclosure
          ? 'The letter is saved. It may contain a safeguarding disclosure: the school’s DSLs have been alerted. If you have a concern, tell your DSL today as well.'
          : 'The letter is saved and has been read by Lantern. Check what it found.'
      )
      return reply.redirect(`/s/${school.urn}/letters/${id}`, 303)
    } catch (err) {
      if (err instanceof ConflictError) return renderFormErrors(reply, 'letters/new.hbs', newLetterView(pupil, school.urn, body), [{ field: 'written_on', message: err.message }], 409)
      throw err
    }
  })
}

export async function alertRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyDsl)

  const alertPage = async (schoolId: number, urn: string, alertId: number, selectedOutcome?: string) => {
    const data = await loadAlertPage(app.db, schoolId, alertId)
    if (!data) throw new NotFoundError()
    return alertPageView(data, urn, selectedOutcome)
  }

  app.get('/alerts', async (request, reply) => {
    const school = schoolOf(request)
    const model = alertListView(await store.listAlerts(app.db, school.id))
    await request.audit({ action: 'safeguarding_alerts_listed', subjectType: 'school', subjectId: school.id })
    return reply.page('letters/alerts.hbs', model)
  })

  app.get('/alerts/:alertId', async (request, reply) => {
    const school = schoolOf(request)
    const model = await alertPage(school.id, school.urn, idParam(request, 'alertId'))
    await request.audit({ action: 'safeguarding_alert_viewed', subjectType: 'pupil', subjectId: model.alert.pupil_id, detail: { alert: model.alert.id } })
    return reply.page('letters/alert.hbs', model)
  })

  app.post('/alerts/:alertId', async (request, reply) => {
    const school = schoolOf(request)
    const alertId = idParam(request, 'alertId')
    const body = formBody(request)
    const parsed = outcomeForm.safeParse({ ...body, reason: body.reason ?? '' })
    if (!parsed.success) return renderFormErrors(reply, 'letters/alert.hbs', { ...(await alertPage(school.id, school.urn, alertId, body.outcome)), values: body }, parsed.error)
    await recordAlertOutcome(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, alertId, parsed.data.outcome, parsed.data.reason)
    request.flash('success', 'What was done is recorded. The alert stays in the list, marked as handled.')
    return reply.redirect(`/s/${school.urn}/alerts`, 303)
  })
}
