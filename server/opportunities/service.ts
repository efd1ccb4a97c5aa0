// The opportunity catalogue's rules: a lead adds and edits opportunities, and archives one rather than
// deleting it, since pupils may have been placed on it. Each change is one transaction with its audit
// entry inside. No other domain derives results from the catalogue yet, so no data version is bumped.
import type { Kysely } from 'kysely'
import type { Database, Opportunity } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, NotFoundError } from '../platform/errors'
import type { OpportunityInput } from './schemas'
import * as store from './store'

export interface Actor { schoolId: number; userId: number; ip: string | null }

const nameTaken = (name: string) => new ConflictError(`The school already has an opportunity called “${name}”. Give this one a different name, or edit that one.`)

/** The fields of `before` that `after` changes, for the audit entry (names only, nothing about pupils). */
function changedFields(before: Opportunity, after: Opportunity): string[] {
  const keys = ['name', 'category', 'min_places', 'capacity', 'interests', 'needs', 'year_groups', 'forms', 'rule', 'lead', 'schedule', 'slots', 'pupil_description'] as const
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
}

export async function createOpportunity(db: Kysely<Database>, actor: Actor, input: OpportunityInput): Promise<Opportunity> {
  return db.transaction().execute(async (trx) => {
    if (await store.findOpportunityByName(trx, actor.schoolId, input.name, null)) throw nameTaken(input.name)
    const created = await store.insertOpportunity(trx, actor.schoolId, input)
    await recordAudit(trx, { action: 'opportunity_created', userId: actor.userId, schoolId: actor.schoolId, ip: actor.ip, subjectType: 'opportunity', subjectId: created.id, detail: { name: created.name } })
    return created
  })
}

export async function updateOpportunity(db: Kysely<Database>, actor: Actor, id: number, input: OpportunityInput): Promise<{ opportunity: Opportunity; changed: string[] }> {
  return db.transaction().execute(async (trx) => {
    const before = await store.lockOpportunity(trx, actor.schoolId, id)
    if (!before) throw new NotFoundError()
    if (await store.findOpportunityByName(trx, actor.schoolId, input.name, id)) throw nameTaken(input.name)
    const after = (await store.updateOpportunity(trx, actor.schoolId, id, input))!
    const changed = changedFields(before, after)
    await recordAudit(trx, { action: 'opportunity_updated', userId: actor.userId, schoolId: actor.schoolId, ip: actor.ip, subjectType: 'opportunity', subjectId: id, detail: { name: after.name, changed } })
    return { opportunity: after, changed }
  })
}

/** Archives (or restores) an opportunity: it leaves (or rejoins) the catalogue; nothing is deleted. */
export async function setOpportunityArchived(db: Kysely<Database>, actor: Actor, id: number, archive: boolean): Promise<Opportunity> {
  return db.transaction().execute(async (trx) => {
    const opportunity = await store.lockOpportunity(trx, actor.schoolId, id)
    if (!opportunity) throw new NotFoundError()
    if ((opportunity.archived_at !== null) === archive) return opportunity
    await store.setArchived(trx, actor.schoolId, id, archive ? { by: actor.userId } : false)
    await recordAudit(trx, { action: archive ? 'opportunity_archived' : 'opportunity_restored', userId: actor.userId, schoolId: actor.schoolId, ip: actor.ip, subjectType: 'opportunity', subjectId: id, detail: { name: opportunity.name } })
    return opportunity
  })
}
