// A link worker's home (/supervision): the meetings of every school they cover, upcoming and past,
// each with its agenda's size, and the actions they own. Nothing else of any school.
import type { FastifyInstance } from 'fastify'
import { meetingSummary, actionView } from './view-models'
import { hiddenNamesRedactor, identitiesFor } from './pupil-record'
import * as store from './store'

export async function linkHomeRoutes(app: FastifyInstance) {
  app.get('/supervision', async (request, reply) => {
    const today = new Date().toISOString().slice(0, 10)
    const schools = []
    // a cluster membership shows no school's meetings or actions: its figures are on the overview
    for (const m of request.memberships.filter((x) => x.role !== 'cluster')) {
      const meetings = await store.listMeetings(app.db, m.id)
      const owned = (await store.listActions(app.db, m.id, { ownerUserId: request.user!.id })).filter((a) => (a.status ?? 'open') === 'open' || a.status === 'in_progress')
      const identities = await identitiesFor(app.db, m.id, { role: m.role, userId: request.user!.id }, owned.flatMap((a) => (a.pupil_id === null ? [] : [a.pupil_id])), today)
      const redact = m.role === 'link' ? await hiddenNamesRedactor(app.db, m.id, identities) : (text: string | null) => text
      const summaries = meetings.map((x) => ({ ...meetingSummary(x, m.urn), pupils: Number(x.agenda_count ?? 0) }))
      schools.push({
        name: m.name,
        urn: m.urn,
        href: `/s/${m.urn}/supervision`,
        role: m.role,
        upcoming: summaries.filter((s) => s.meetsOn >= today).reverse(),
        past: summaries.filter((s) => s.meetsOn < today).slice(0, 6),
        actions: owned.map((a) => {
          const view = actionView(a, (id) => (id === null ? null : (identities.get(id)?.label ?? null)), today, m.urn)
          return m.role === 'link' ? { ...view, text: redact(view.text) ?? '', note: redact(view.note) } : view
        })
      })
    }
    const actionIds = schools.flatMap((s) => s.actions.map((a) => a.id))
    // the actions name pupils (or their pseudonyms): audited as a view of their data
    if (actionIds.length) await request.audit({ action: 'supervision_home_viewed', detail: { action_ids: actionIds } })
    return reply.page('supervision/home.hbs', { title: 'Your supervision', schools })
  })
}
