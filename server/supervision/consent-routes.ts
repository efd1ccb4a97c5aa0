// Consent to share with the CAMHS link team, and the share log, under /s/:urn. Both are kept by the
// school's lead and its DSLs (golden rule 7: a record of what was shared, with whom and why); pastoral
// staff read a pupil's consent on the profile; link workers see neither.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, type FieldError } from '../platform/errors'
import { formBody, idParam, renderFormErrors, schoolOf } from '../platform/routes'
import { pupilName } from '../pupils/names'
import { findPupilName } from '../pupils/store'
import { consentHistory, DEFAULT_CONSENT_PURPOSE, mayRecordConsent, recordConsent } from './consent'
import { londonToday, parseConsentForm } from './consent-schemas'
import { consentFormView, shareLogView, type ConsentFormValues } from './consent-view-models'
import { loadShareLog } from './shares'

const SHARES_PER_PAGE = 50
const BEFORE = z.object({ before: z.string().regex(/^\d{1,18}$/).optional() })

async function onlyLeadOrDsl(request: FastifyRequest) {
  const school = schoolOf(request)
  if (mayRecordConsent(school)) return
  throw new ForbiddenError(
    school.role === 'link'
      ? 'Consent and the record of what is shared are kept by the school. Ask the school’s senior mental health lead if you need to know about a pupil’s consent.'
      : 'Consent to share and the share log are kept by the school’s senior mental health lead and its designated safeguarding leads. You can see a pupil’s consent on their profile.'
  )
}

export async function consentRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyLeadOrDsl)

  const formPage = async (request: FastifyRequest, values: ConsentFormValues, errors: FieldError[] = []) => {
    const school = schoolOf(request)
    const pupilId = idParam(request, 'id')
    const pupil = await findPupilName(app.db, school.id, pupilId)
    if (!pupil) throw new NotFoundError()
    const history = await consentHistory(app.db, school.id, pupilId)
    // the form shows the pupil's name and consent history: a view of the pupil's data
    await request.audit({ action: 'pupil_consent_viewed', subjectType: 'pupil', subjectId: pupilId })
    return consentFormView({ urn: school.urn, pupilId, pupilName: pupilName(pupil), history, values, fieldError: Object.fromEntries(errors.map((e) => [e.field, e.message])) })
  }

  app.get('/pupils/:id/consent', async (request, reply) => reply.page('supervision/consent-form.hbs', await formPage(request, { purpose: DEFAULT_CONSENT_PURPOSE })))

  app.post('/pupils/:id/consent', async (request, reply) => {
    const school = schoolOf(request)
    const pupilId = idParam(request, 'id')
    const body = formBody(request)
    const parsed = parseConsentForm(body, londonToday())
    if (parsed.errors) return renderFormErrors(reply, 'supervision/consent-form.hbs', await formPage(request, body, parsed.errors), parsed.errors)
    try {
      await recordConsent(app.db, { schoolId: school.id, pupilId, userId: request.user!.id, ip: request.ip, ...parsed.data })
    } catch (err) {
      if (!(err instanceof ConflictError) && !(err instanceof InvalidInputError)) throw err
      const errors = err instanceof InvalidInputError ? err.fields : [{ field: 'kind', message: err.message }]
      return renderFormErrors(reply, 'supervision/consent-form.hbs', await formPage(request, body, errors), errors, err.statusCode)
    }
    request.flash('success', parsed.data.kind === 'given' ? 'Consent to share with the CAMHS link team is recorded.' : 'The withdrawal of consent is recorded. The link team will see this pupil by pseudonym only.')
    return reply.redirect(`/s/${school.urn}/pupils/${pupilId}#consent`, 303)
  })

  app.get('/supervision/shares', async (request, reply) => {
    const school = schoolOf(request)
    const query = BEFORE.safeParse(request.query)
    const before = query.success ? (query.data.before ?? null) : null
    const log = await loadShareLog(app.db, school.id, { limit: SHARES_PER_PAGE, before })
    await request.audit({ action: 'share_log_viewed', subjectType: 'school', subjectId: school.id, detail: { pupils: [...log.names.keys()], before } })
    return reply.page('supervision/shares.hbs', shareLogView({ urn: school.urn, ...log, first: before === null }))
  })
}
