// The lead's decision about an opportunity left below its fewest places ("on hold" on the allocation
// page): run it anyway (its proposals and offers stay; who decided and when is shown), cancel it this
// round (its proposals go, and the next allocation offers its pupils other opportunities), or think
// again (the decision is lifted). One transaction each, audited inside it, under the allocation's lock.
import type { Kysely } from 'kysely'
import type { Database, HoldDecision } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, NotFoundError } from '../platform/errors'
import * as store from './placement-store'
import type { Actor } from './placements'

export interface HoldOutcome { name: string; decision: HoldDecision; removed: number }

export async function decideOnHold(db: Kysely<Database>, by: Actor, opportunityId: number, decision: HoldDecision): Promise<HoldOutcome> {
  return db.transaction().execute(async (trx) => {
    await store.lockAllocation(trx, by.schoolId)
    const opportunity = await trx.selectFrom('opportunities').select(['id', 'name', 'min_places', 'archived_at']).where('school_id', '=', by.schoolId).where('id', '=', opportunityId).executeTakeFirst()
    if (!opportunity) throw new NotFoundError()
    const standing = (await store.standingHoldDecisions(trx, by.schoolId)).get(opportunityId)?.decision ?? null
    const live = await store.livePlacementsOn(trx, by.schoolId, opportunityId)
    let removed: Array<{ id: number; pupil_id: number }> = []
    if (decision === 'reopen') {
      if (!standing) throw new ConflictError(`Nothing has been decided about ${opportunity.name}. Reload the page to see its latest state.`)
    } else {
      if (opportunity.archived_at) throw new ConflictError(`${opportunity.name} is archived. Restore it first.`)
      if (standing) throw new ConflictError(`${opportunity.name} already has a decision. Think again first, then decide. Reload the page to see its latest state.`)
      if (live.length >= opportunity.min_places) throw new ConflictError(`${opportunity.name} has ${live.length} of its fewest ${opportunity.min_places} places filled, so it is not on hold. Reload the page to see its latest state.`)
      if (decision === 'cancel') {
        const confirmed = live.filter((p) => store.CONFIRMED.includes(p.status)).length
        if (confirmed) {
          throw new ConflictError(`${confirmed === 1 ? '1 pupil already has' : `${confirmed} pupils already have`} an offer or a place on ${opportunity.name}, so it cannot be cancelled. Decline ${confirmed === 1 ? 'that offer' : 'those offers'} with a reason first, or run it anyway.`)
        }
        removed = await store.deleteProposalsOn(trx, by.schoolId, opportunityId)
      }
    }
    await store.insertHoldDecision(trx, by.schoolId, { opportunityId, decision, userId: by.userId })
    await recordAudit(trx, {
      action: `opportunity_hold_${decision}`, userId: by.userId, schoolId: by.schoolId, ip: by.ip ?? null, subjectType: 'opportunity', subjectId: opportunityId,
      detail: { places: live.length, min_places: opportunity.min_places, removed_proposals: removed.length, pupil_ids: removed.map((r) => r.pupil_id) }
    })
    return { name: opportunity.name, decision, removed: removed.length }
  })
}
