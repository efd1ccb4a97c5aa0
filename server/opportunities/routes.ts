// The opportunity catalogue under /s/:urn: leads and pastoral staff read it; only leads change it.
// Two plugins, each saying once who may use it; handlers wire a loader to a pure view.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ConflictError, NotFoundError, type FieldError } from '../platform/errors'
import { formBody, idParam, onlyRoles, renderFormErrors, schoolOf } from '../platform/routes'
import { listFormsOfSchool } from '../pupils/store'
import { parseOpportunityForm } from './schemas'
import { createOpportunity, setOpportunityArchived, updateOpportunity } from './service'
import * as store from './store'
import { catalogueView, formValuesOf, NEW_FORM_VALUES, opportunityFormView, type FormValues } from './view-models'

export async function opportunityRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyRoles('lead', 'pastoral'))

  app.get('/opportunities', async (request, reply) => {
    const school = schoolOf(request)
    return reply.page('opportunities/list.hbs', catalogueView(await store.listOpportunities(app.db, school.id), school.urn, school.role === 'lead'))
  })
}

export async function opportunityEditRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyRoles('lead'))

  const existing = async (request: FastifyRequest) => {
    const opportunity = await store.findOpportunity(app.db, schoolOf(request).id, idParam(request, 'opportunityId'))
    if (!opportunity) throw new NotFoundError()
    return opportunity
  }
  const formPage = async (request: FastifyRequest, opportunity: Awaited<ReturnType<typeof existing>> | null, values: FormValues, errors: FieldError[] = []) => {
    const school = schoolOf(request)
    const fieldError = Object.fromEntries(errors.map((e) => [e.field, e.message]))
    return opportunityFormView({ urn: school.urn, opportunity, values, schoolForms: await listFormsOfSchool(app.db, school.id), fieldError })
  }
  const actor = (request: FastifyRequest) => ({ schoolId: schoolOf(request).id, userId: request.user!.id, ip: request.ip })
  const toCatalogue = (request: FastifyRequest, reply: FastifyReply, message: string) => {
    request.flash('success', message)
    return reply.redirect(`/s/${schoolOf(request).urn}/opportunities`, 303)
  }

  app.get('/opportunities/new', async (request, reply) => reply.page('opportunities/form.hbs', await formPage(request, null, NEW_FORM_VALUES)))

  app.post('/opportunities', async (request, reply) => {
    const body = formBody(request)
    const parsed = parseOpportunityForm(body)
    if (parsed.errors) return renderFormErrors(reply, 'opportunities/form.hbs', await formPage(request, null, body, parsed.errors), parsed.errors)
    try {
      const created = await createOpportunity(app.db, actor(request), parsed.data)
      return toCatalogue(request, reply, `${created.name} is added to the catalogue.`)
    } catch (err) {
      if (err instanceof ConflictError) return renderFormErrors(reply, 'opportunities/form.hbs', await formPage(request, null, body), [{ field: 'name', message: err.message }], 409)
      throw err
    }
  })

  app.get('/opportunities/:opportunityId/edit', async (request, reply) => {
    const opportunity = await existing(request)
    return reply.page('opportunities/form.hbs', await formPage(request, opportunity, formValuesOf(opportunity)))
  })

  app.post('/opportunities/:opportunityId', async (request, reply) => {
    const opportunity = await existing(request)
    const body = formBody(request)
    const parsed = parseOpportunityForm(body)
    if (parsed.errors) return renderFormErrors(reply, 'opportunities/form.hbs', await formPage(request, opportunity, body, parsed.errors), parsed.errors)
    try {
      const { opportunity: saved, changed } = await updateOpportunity(app.db, actor(request), opportunity.id, parsed.data)
      return toCatalogue(request, reply, changed.length ? `${saved.name} is saved.` : `Nothing about ${saved.name} changed.`)
    } catch (err) {
      if (err instanceof ConflictError) return renderFormErrors(reply, 'opportunities/form.hbs', await formPage(request, opportunity, body), [{ field: 'name', message: err.message }], 409)
      throw err
    }
  })

  app.post('/opportunities/:opportunityId/archive', async (request, reply) => {
    const opportunity = await setOpportunityArchived(app.db, actor(request), idParam(request, 'opportunityId'), true)
    return toCatalogue(request, reply, `${opportunity.name} is archived: it is no longer offered, and it is kept below the catalogue.`)
  })

  app.post('/opportunities/:opportunityId/restore', async (request, reply) => {
    const opportunity = await setOpportunityArchived(app.db, actor(request), idParam(request, 'opportunityId'), false)
    return toCatalogue(request, reply, `${opportunity.name} is back in the catalogue.`)
  })
}
