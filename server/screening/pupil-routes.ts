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
import handlebars from 'handlebars'
import { parseListQuery, prepareList, pupilListModel, type PreparedList } from './pupil-view-models'
import { SchoolViewCache } from '../pupils/view-cache'

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

/** One school's list as of one change of its data: rows, each row's markup, and the pages asked for. */
interface Screen {
  list: PreparedList
  markup: Map<number, string>
  /** by filters and order (parsed, so equivalent addresses share one), the model and its joined rows */
  pages: Map<string, { model: ReturnType<typeof pupilListModel>; rowsHtml: handlebars.SafeString }>
}

/**
 * Filter and order combinations kept per school and change (the first asked is dropped first), and
 * schools kept: a 400-pupil list is ~250 KB of markup, so at most ~5 × 32 of those, some 40 MB.
 */
const PAGES_PER_SCREEN = 4
const SCREENS_KEPT = 32

export async function pupilRoutes(app: FastifyInstance, opts: { profileSections?: readonly ProfileSection[] } = {}) {
  const sectionsFor = async (school: SchoolAccess, pupilId: number) =>
    (await Promise.all((opts.profileSections ?? []).map((section) => section(app.db, school, pupilId)))).filter((s) => s !== null)

  app.addHook('preHandler', onlyStaff)
  // The school's rows change only when its data do: read, made into rows and rendered once per change,
  // exact (view-cache.ts). Each filter and order asked for is worked out and joined once per change too.
  const screens = new SchoolViewCache<Screen>(app.db, SCREENS_KEPT)
  const screenOf = async (schoolId: number, urn: string): Promise<Screen> => {
    const list = prepareList(await store.listScreenRows(app.db, schoolId), urn)
    return { list, markup: new Map(list.rows.map(({ row }) => [row.id, app.renderPartial('pupils/list-row', row).toHTML()])), pages: new Map() }
  }
  app.get('/pupils', async (request, reply) => {
    const school = schoolOf(request)
    const screen = await screens.get(school.id, () => screenOf(school.id, school.urn), request.schoolViewVersion)
    const key = JSON.stringify(parseListQuery(request.query as Record<string, unknown>))
    let page = screen.pages.get(key)
    if (!page) {
      const model = pupilListModel(screen.list, request.query as Record<string, unknown>, school.urn)
      page = { model, rowsHtml: new handlebars.SafeString(model.rows.map((row) => screen.markup.get(row.id)!).join('')) }
      if (screen.pages.size >= PAGES_PER_SCREEN) screen.pages.delete(screen.pages.keys().next().value!)
      screen.pages.set(key, page)
    }
    const { model, rowsHtml } = page
    // The list shows each pupil's level and reasons: a view of pupils' data, so it is audited too.
    await request.audit({ action: 'pupil_list_viewed', subjectType: 'school', subjectId: school.id, detail: { pupils: model.shown, filters: model.query } })
    return reply.page('pupils/list.hbs', { ...model, rowsHtml })
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
