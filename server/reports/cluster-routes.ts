// The cluster overview (/cluster): the figures of every school the signed-in person belongs to, for
// those who work across schools (two or more memberships, or a `cluster` one). Audited as a view.
import type { FastifyInstance } from 'fastify'
import { seesClusterOverview } from '../platform/auth'
import { ForbiddenError } from '../platform/errors'
import { londonToday } from '../supervision/consent-schemas'
import { clusterOverviewModel, loadClusterOverview, type ClusterLevelsCache } from './cluster'

export const NOT_ACROSS_SCHOOLS =
  'The cluster overview is for people who work across several schools. Your school’s own figures are on its home page.'

export async function clusterRoutes(app: FastifyInstance) {
  // this app instance's copy of each school's pupils per level, checked against its key on every view
  const levels: ClusterLevelsCache = new Map()
  app.get('/cluster', async (request, reply) => {
    const memberships = request.memberships
    if (!seesClusterOverview(memberships)) throw new ForbiddenError(NOT_ACROSS_SCHOOLS)
    const overview = clusterOverviewModel(await loadClusterOverview(app.db, memberships, londonToday(), levels))
    await request.audit({ action: 'cluster_overview_viewed', schoolId: null, subjectType: 'schools', detail: { school_ids: memberships.map((m) => m.id) } })
    reply.header('cache-control', 'no-store')
    return reply.page('reports/cluster.hbs', { title: 'Cluster overview', overview })
  })
}
