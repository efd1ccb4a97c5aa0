// The school's home: the screening dashboard for leads and pastoral staff; and the screen as files.
import type { FastifyInstance } from 'fastify'
import { onlyStaff, schoolOf } from '../platform/routes'
import { loadScreenRows } from '../screening/screen-rows'
import { currentOpportunityByPupil } from '../opportunities/placement-store'
import { dashboardModel, loadDashboard } from './dashboard'
import { screenCsv } from './export'
import { SchoolViewCache } from '../pupils/view-cache'

export async function schoolHomeRoutes(app: FastifyInstance) {
  // a link worker's page of a school is its supervision
  app.addHook('preHandler', async (request, reply) => {
    if (request.school?.role === 'link') return reply.redirect(`/s/${request.school.urn}/supervision`, 303)
  })
  app.addHook('preHandler', onlyStaff)
  // the figures change only when the school's data do: built once per change, exact (view-cache.ts)
  const dashboards = new SchoolViewCache<ReturnType<typeof dashboardModel>>(app.db)
  app.get('/', async (request, reply) => {
    const school = schoolOf(request)
    const dashboard = await dashboards.get(school.id, async () => dashboardModel(await loadDashboard(app.db, school.id), school.urn), request.schoolViewVersion)
    // Figures are counts, but the hidden pupils are named: audited as a view of their data.
    if (dashboard.hidden.length) {
      await request.audit({ action: 'dashboard_viewed', subjectType: 'school', subjectId: school.id, detail: { hidden_pupil_ids: dashboard.hidden.map((h) => h.id) } })
    }
    return reply.page('reports/home.hbs', { title: school.name, dashboard })
  })
}

export async function exportRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyStaff)
  for (const format of ['csv', 'json'] as const) {
    app.get(`/pupils/export.${format}`, async (request, reply) => {
      const school = schoolOf(request)
      const { rows, pupilIds } = await loadScreenRows(app.db, school.id, await currentOpportunityByPupil(app.db, school.id))
      await request.audit({ action: 'screen_exported', subjectType: 'school', subjectId: school.id, detail: { via: 'web', format, pupils: rows.length, pupil_ids: pupilIds } })
      const day = new Date().toISOString().slice(0, 10)
      reply.header('content-disposition', `attachment; filename="lantern-screen-${school.urn}-${day}.${format}"`).header('cache-control', 'no-store')
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(screenCsv(rows, { bom: true }))
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(rows, null, 2))
    })
  }
}
