// Route plumbing every feature plugin shares: who may use a plugin's routes (a preHandler per plugin,
// not a check in each handler), ids from the path checked by one schema, and one way to re-render a
// form with its errors.
import { z } from 'zod'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Role } from '../db/schema'
import { requireDsl, requireRole, requireStaff, type SchoolAccess } from './auth'
import { NotFoundError, type FieldError } from './errors'
import { fieldErrors } from './forms'

/** A plugin-wide preHandler: only these roles of the school may use the plugin's routes. */
export const onlyRoles =
  (...roles: Role[]) =>
  async (request: FastifyRequest) => {
    requireRole(request, ...roles)
  }

/** Leads and pastoral staff (link workers are told they see only the supervision agenda). */
export const onlyStaff = async (request: FastifyRequest) => {
  requireStaff(request)
}

/** The school's DSLs. */
export const onlyDsl = async (request: FastifyRequest) => {
  requireDsl(request)
}

/** The school of a route that a role preHandler has already let through. */
export function schoolOf(request: FastifyRequest): SchoolAccess {
  if (!request.school) throw new NotFoundError()
  return request.school
}

const ID = z.string().regex(/^\d{1,9}$/).transform(Number)

/** A numeric id from the path; anything else is a page that does not exist. */
export function idParam(request: FastifyRequest, name: string): number {
  const parsed = ID.safeParse((request.params as Partial<Record<string, unknown>>)[name])
  if (!parsed.success) throw new NotFoundError()
  return parsed.data
}

/** A form body as the form parser gives it: field → text (or several texts for repeated fields). */
export function formBody(request: FastifyRequest): Record<string, string> {
  const body = request.body
  return body && typeof body === 'object' ? (body as Record<string, string>) : {}
}

/** The error summary and per-field messages a form page shows. */
export function formErrors(errors: z.ZodError | FieldError[]) {
  const list = errors instanceof z.ZodError ? fieldErrors(errors) : errors
  return { errors: list, fieldError: Object.fromEntries(list.map((e) => [e.field, e.message])) }
}

/** Re-renders a form page with its errors (422 unless said otherwise). */
export function renderFormErrors(reply: FastifyReply, template: string, model: Record<string, unknown>, errors: z.ZodError | FieldError[], status = 422) {
  return reply.page(template, { ...model, ...formErrors(errors) }, status)
}
