// The pupil list and each pupil's profile (under /s/:urn/pupils), for leads and pastoral staff: pages of
// screening, since each shows the pupil's level and its reasons.
// Link workers see only the supervision agenda, so these pages refuse them.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { formBody, idParam, onlyStaff, schoolOf } from '../platform/routes'
import { NotFoundError } from '../platform/errors'
import { formText } from '../platform/form-text'
import type { SchoolAccess } from '../platform/auth'
import { LEVEL_LABELS, LEVELS } from './rules'
import { decideLevel } from './service'
import * as store from './store'
import { pupilProfileModel } from './profile'
import { pupilListModel } from './pupil-view-models'

const decisionForm = z.object({
  level: z.enum(LEVELS, { error: 'Choose the level you have decided on' }),
  reason: formText('The reason').trim().min(1, 'Say why you chose this level, so colleagues can follow your decision').max(2000, 'Keep the reason to 2,000 characters or fewer')
})



/**
 * A section another domain adds to the profile (opportunities today, supervision later). Screening sits
 * below them, so the entry point passes their loaders in rather than screening importing upwards.
 * Each returns the partial to render and its model, or null to show nothing; it gets the reader's
 * access to the school (role, DSL), so a section offers changes only to those who may make them.
 */
export type ProfileSection = (db: FastifyInstance['db'], school: SchoolAccess, pupilId: number) => Promise<{ partial: string; model: unknown } | null>

export async function pupilRoutes(app: FastifyInstance, opts: { profileSections?: readonly ProfileSection[] } = {}) {
  const sectionsFor = async (school: SchoolAccess, pupilId: number) =>
    (await Promise.all((opts.profileSections ?? []).map((section) => section(app.db, school, pupilId)))).filter((s) => s !== null)

  app.addHook('preHandler', onlyStaff)
  app.get('/pupils', async (request, reply) => {
    const school = schoolOf(request)
    const records = await store.listScreenRows(app.db, school.id)
    const model = pupilListModel(records, request.query as Record<string, unknown>, school.urn)
    // The list shows each pupil's level and reasons: a view of pupils' data, so it is audited too.
    await request.audit({ action: 'pupil_list_viewed', subjectType: 'school', subjectId: school.id, detail: { pupils: model.shown, filters: model.query } })
    return reply.page('pupils/list.hbs', model)
  })

  app.get('/pupils/:id', async (request, reply) => {
    const school = schoolOf(request)
    const pupilId = idParam(request, 'id')
    const model = await pupilProfileModel(app.db, school.id, school.urn, pupilId)
    const sections = await sectionsFor(school, pupilId)
    await request.audit({ action: 'pupil_viewed', subjectType: 'pupil', subjectId: pupilId })
    return reply.page('pupils/profile.hbs', { ...model, sections, values: {} })
  })

  app.post('/pupils/:id/level', async (request, reply) => {
    const school = schoolOf(request)
    const pupilId = idParam(request, 'id')
    const body = formBody(request)
    const parsed = decisionForm.safeParse(body)
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: i.path[0] === 'level' ? `level-${LEVELS[0]}` : 'reason', key: String(i.path[0]), message: i.message }))
      const model = await pupilProfileModel(app.db, school.id, school.urn, pupilId)
      await request.audit({ action: 'pupil_viewed', subjectType: 'pupil', subjectId: pupilId })
      return reply.page(
        'pupils/profile.hbs',
        { ...model, sections: await sectionsFor(school, pupilId), values: body, errors, fieldError: Object.fromEntries(errors.map((e) => [e.key, e.message])), levelOptions: model.levelOptions.map((o) => ({ ...o, checked: o.value === body.level })) },
        422
      )
    }
    const done = await decideLevel(app.db, school.id, { userId: request.user!.id, ip: request.ip }, pupilId, parsed.data.level, parsed.data.reason)
    if (!done) throw new NotFoundError()
    request.flash('success', `Level set to ${LEVEL_LABELS[parsed.data.level]}.`)
    return reply.redirect(`/s/${school.urn}/pupils/${pupilId}`, 303)
  })
}
