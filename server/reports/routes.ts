// The school's home page.
import type { FastifyInstance } from 'fastify'

export async function schoolHomeRoutes(app: FastifyInstance) {
  app.get('/', async (request, reply) => {
    const school = request.school!
    return reply.page('reports/home.hbs', { title: school.name })
  })
}
