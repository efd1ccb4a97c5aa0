// The audit trail: append-only (no UPDATE or DELETE path here, and a trigger refuses them).
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface AuditEvent {
  action: string
  userId?: number | null
  schoolId?: number | null
  subjectType?: string | null
  subjectId?: string | number | null
  ip?: string | null
  detail?: Record<string, unknown>
}

export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      action: event.action,
      user_id: event.userId ?? null,
      school_id: event.schoolId ?? null,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId == null ? null : String(event.subjectId),
      ip: event.ip ?? null,
      detail: JSON.stringify(event.detail ?? {})
    })
    .execute()
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Records an audit event as the current user, in the current school, from the caller's address. */
    audit(event: Omit<AuditEvent, 'userId' | 'ip'> & { userId?: number | null }): Promise<void>
  }
}

export default fp(
  async function audit(app) {
    app.decorateRequest('audit', function (this: FastifyRequest, event) {
      return recordAudit(app.db, {
        ...event,
        userId: event.userId !== undefined ? event.userId : (this.user?.id ?? null),
        schoolId: event.schoolId !== undefined ? event.schoolId : (this.school?.id ?? null),
        ip: this.ip
      })
    })
  },
  { name: 'lantern-audit', dependencies: ['lantern-db'] }
)
