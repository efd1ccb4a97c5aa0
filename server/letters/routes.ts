// Letters to self (review by staff) and safeguarding alerts (for the school's DSLs), under /s/:urn.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { requireDsl, requireRole, requireStaff } from '../platform/auth'
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { fieldErrors } from '../platform/forms'
import { CONCERNS, INTERESTS, WORRY_THEMES, type LetterAnalysis } from './analyser'
import { label, letterForm, outcomeForm, reviewForm } from './schemas'
import { addLetter, OUTCOMES, recordAlertOutcome, reviewLetter } from './service'
import * as store from './store'
import { markLetter, pupilName } from './view-models'

const idParam = (request: FastifyRequest, name: string) => {
  const raw = (request.params as Record<string, string>)[name] ?? ''
  if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError()
  return Number(raw)
}

const CONCERN_LABELS = { none: 'No concern', some: 'Some concern (ordinary nerves)', high: 'High concern' }


/** For every page of a school: a DSL sees the number of open alerts until each is handled. */
export async function safeguardingNotices(request: FastifyRequest) {
  if (!request.school?.isDsl || request.school.role === 'link') return
  const open = await store.countOpenAlerts(request.server.db, request.school.id)
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
  app.get('/letters', async (request, reply) => {
    const school = requireRole(request, 'lead', 'pastoral')
    const letters = (await store.lettersAwaitingReview(app.db, school.id)).map((l) => ({ ...l, name: pupilName(l), concernLabel: l.concern ? CONCERN_LABELS[l.concern] : '' }))
    return reply.page('letters/list.hbs', { title: 'Letters awaiting review', letters })
  })

  async function letterPage(request: FastifyRequest, letterId: number, extra: Record<string, unknown> = {}) {
    const school = request.school!
    const letter = await store.findLetter(app.db, school.id, letterId)
    if (!letter) throw new NotFoundError()
    const analysis = letter.analysis as unknown as LetterAnalysis | null
    const reviewedWorries = letter.review_worries ?? [...new Set(analysis?.worries.map((w) => w.theme) ?? [])]
    const reviewedInterests = letter.review_interests ?? [...new Set(analysis?.interests.map((i) => i.interest) ?? [])]
    const decided = letter.review_concern ?? letter.concern
    return {
      title: `Letter from ${pupilName(letter)}`,
      backHref: `/s/${school.urn}/pupils/${letter.pupil_id}`,
      backText: `Back to ${pupilName(letter)}`,
      letter,
      name: pupilName(letter),
      segments: markLetter(letter.text, analysis),
      analyserConcern: letter.concern ? CONCERN_LABELS[letter.concern] : 'Not analysed yet',
      staffConcern: letter.review_concern ? CONCERN_LABELS[letter.review_concern] : null,
      safeguarding: analysis?.safeguarding.map((s) => ({ ...s, label: label(s.category) })) ?? [],
      concerns: CONCERNS.map((value) => ({ value, label: CONCERN_LABELS[value], checked: value === decided })),
      worries: WORRY_THEMES.map((value) => ({ value, label: label(value), checked: reviewedWorries.includes(value) })),
      interests: INTERESTS.map((value) => ({ value, label: label(value), checked: reviewedInterests.includes(value) })),
      history: (await store.reviewHistory(app.db, school.id, letterId)).map((h) => ({ ...h, concernLabel: CONCERN_LABELS[h.concern] })),
      ...extra
    }
  }

  app.get('/letters/:letterId', async (request, reply) => {
    requireRole(request, 'lead', 'pastoral')
    const model = await letterPage(request, idParam(request, 'letterId'))
    await request.audit({ action: 'letter_viewed', subjectType: 'pupil', subjectId: (model.letter as { pupil_id: number }).pupil_id })
    return reply.page('letters/letter.hbs', model)
  })

  app.post('/letters/:letterId/review', async (request, reply) => {
    const school = requireRole(request, 'lead', 'pastoral')
    const letterId = idParam(request, 'letterId')
    const parsed = reviewForm.safeParse(request.body)
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error)
      return reply.page('letters/letter.hbs', await letterPage(request, letterId, { errors, fieldError: Object.fromEntries(errors.map((e) => [e.field, e.message])) }), 422)
    }
    const pupilId = await reviewLetter(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, letterId, { ...parsed.data, note: parsed.data.note || null })
    request.flash('success', 'Your review is saved. Screening now uses it.')
    return reply.redirect(`/s/${school.urn}/pupils/${pupilId}`, 303)
  })

  app.get('/pupils/:pupilId/letters/new', async (request, reply) => {
    const school = requireRole(request, 'lead', 'pastoral')
    const pupilId = idParam(request, 'pupilId')
    const pupil = await app.db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename']).where('school_id', '=', school.id).where('id', '=', pupilId).executeTakeFirst()
    if (!pupil) throw new NotFoundError()
    return reply.page('letters/new.hbs', { title: `Add a letter for ${pupilName(pupil)}`, pupil, name: pupilName(pupil), values: {}, backHref: `/s/${school.urn}/pupils/${pupil.id}` })
  })

  app.post('/pupils/:pupilId/letters', async (request, reply) => {
    const school = requireRole(request, 'lead', 'pastoral')
    const pupilId = idParam(request, 'pupilId')
    const pupil = await app.db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename']).where('school_id', '=', school.id).where('id', '=', pupilId).executeTakeFirst()
    if (!pupil) throw new NotFoundError()
    const body = (request.body ?? {}) as Record<string, string>
    const rerender = (errors: { field: string; message: string }[], status = 422) =>
      reply.page('letters/new.hbs', { title: `Add a letter for ${pupilName(pupil)}`, pupil, name: pupilName(pupil), values: body, errors, fieldError: Object.fromEntries(errors.map((e) => [e.field, e.message])), backHref: `/s/${school.urn}/pupils/${pupil.id}` }, status)
    const parsed = letterForm.safeParse(body)
    if (!parsed.success) return rerender(fieldErrors(parsed.error))
    try {
      const { id, analysis } = await addLetter(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, pupilId, parsed.data.text, parsed.data.written_on || null)
        request.flash(analysis.safeguarding.length ? 'important' : 'success', analysis.safeguarding.length ? 'The letter is saved. It may contain a safeguarding disclosure: the school’s DSLs have been alerted. If you have a concern, tell your DSL today as well.' : 'The letter is saved and has been read by Lantern. Check what it found.')
      return reply.redirect(`/s/${school.urn}/letters/${id}`, 303)
    } catch (err) {
      if (err instanceof ConflictError) return rerender([{ field: 'written_on', message: err.message }], 409)
      throw err
    }
  })

  app.get('/alerts', async (request, reply) => {
    const school = requireDsl(request)
    const alerts = (await store.listAlerts(app.db, school.id)).map((a) => ({ ...a, name: pupilName(a), categoryLabels: a.categories.map(label).join(', '), outcomeLabel: a.outcome ? OUTCOMES[a.outcome] : null }))
    await request.audit({ action: 'safeguarding_alerts_listed', subjectType: 'school', subjectId: school.id })
    return reply.page('letters/alerts.hbs', { title: 'Safeguarding alerts', open: alerts.filter((a) => a.status === 'open'), handled: alerts.filter((a) => a.status === 'handled') })
  })

  async function alertPage(request: FastifyRequest, alertId: number, extra: Record<string, unknown> = {}) {
    const school = request.school!
    const alert = await store.findAlert(app.db, school.id, alertId)
    if (!alert) throw new NotFoundError()
    const passages = alert.passages as Array<{ category: string; text: string; start: number; end: number }>
    const selected = ((extra.values as Record<string, string> | undefined)?.outcome ?? alert.outcome) as string | null
    return {
      title: `Safeguarding alert: ${pupilName(alert)}`,
      backHref: `/s/${school.urn}/alerts`,
      backText: 'All safeguarding alerts',
      alert,
      name: pupilName(alert),
      categoryLabels: alert.categories.map(label).join(', '),
      segments: markLetter(alert.letter_text, { safeguarding: passages as LetterAnalysis['safeguarding'], worries: [], interests: [] }),
      outcomes: Object.entries(OUTCOMES).map(([value, text]) => ({ value, label: text, checked: value === selected })),
      outcomeLabel: alert.outcome ? OUTCOMES[alert.outcome] : null,
      events: await store.alertEvents(app.db, school.id, alertId),
      ...extra
    }
  }

  app.get('/alerts/:alertId', async (request, reply) => {
    requireDsl(request)
    const model = await alertPage(request, idParam(request, 'alertId'))
    await request.audit({ action: 'safeguarding_alert_viewed', subjectType: 'pupil', subjectId: (model.alert as { pupil_id: number }).pupil_id, detail: { alert: (model.alert as { id: number }).id } })
    return reply.page('letters/alert.hbs', model)
  })

  app.post('/alerts/:alertId', async (request, reply) => {
    const school = requireDsl(request)
    const alertId = idParam(request, 'alertId')
    const body = (request.body ?? {}) as Record<string, string>
    const parsed = outcomeForm.safeParse({ ...body, reason: body.reason ?? '' })
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error)
      return reply.page('letters/alert.hbs', await alertPage(request, alertId, { values: body, errors, fieldError: Object.fromEntries(errors.map((e) => [e.field, e.message])) }), 422)
    }
    await recordAlertOutcome(app.db, { schoolId: school.id, userId: request.user!.id, ip: request.ip }, alertId, parsed.data.outcome, parsed.data.reason)
    request.flash('success', 'What was done is recorded. The alert stays in the list, marked as handled.')
    return reply.redirect(`/s/${school.urn}/alerts`, 303)
  })
}
