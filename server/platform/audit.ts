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

function auditRow(event: AuditEvent) {
  return {
    action: event.action,
    user_id: event.userId ?? null,
    school_id: event.schoolId ?? null,
    subject_type: event.subjectType ?? null,
    subject_id: event.subjectId == null ? null : String(event.subjectId),
    ip: event.ip ?? null,
    detail: JSON.stringify(event.detail ?? {})
  }
}

export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(event)).execute()
}

/**
 * Group commit for the pages' audit events. An event is written at once when nothing is being written;
 * events that arrive while a write is in flight wait for it and then go together, in one INSERT and one
 * commit. Each caller's promise settles only when the commit holding its row has: a page is sent after
 * its view is durably recorded, as before, but twenty pages at once cost a few commits, not twenty.
 * If a batch fails, its events are written one by one, so one bad event fails only its own request.
 */
export class AuditWriter {
  private queue: Array<{ row: ReturnType<typeof auditRow>; done: (err?: unknown) => void }> = []
  private writing = false

  constructor(private readonly db: Kysely<Database>) {}

  record(event: AuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row: auditRow(event), done: (err) => (err === undefined ? resolve() : reject(err)) })
      if (!this.writing) void this.flush()
    })
  }

  private async flush(): Promise<void> {
    this.writing = true
    while (this.queue.length) {
      const batch = this.queue
      this.queue = []
      try {
        await this.db.insertInto('audit_log').values(batch.map((b) => b.row)).execute()
        for (const b of batch) b.done()
      } catch (err) {
        if (batch.length === 1) batch[0]!.done(err)
        else {
          for (const b of batch) {
            await this.db.insertInto('audit_log').values(b.row).execute().then(
              () => b.done(),
              (one: unknown) => b.done(one)
            )
          }
        }
      }
    }
    this.writing = false
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Records an audit event as the current user, in the current school, from the caller's address. */
    audit(event: Omit<AuditEvent, 'userId' | 'ip'> & { userId?: number | null }): Promise<void>
  }
}

export default fp(
  async function audit(app) {
    const writer = new AuditWriter(app.systemDb)
    app.decorateRequest('audit', function (this: FastifyRequest, event) {
      return writer.record({
        ...event,
        userId: event.userId !== undefined ? event.userId : (this.user?.id ?? null),
        schoolId: event.schoolId !== undefined ? event.schoolId : (this.school?.id ?? null),
        ip: this.ip
      })
    })
  },
  { name: 'lantern-audit', dependencies: ['lantern-db'] }
)
