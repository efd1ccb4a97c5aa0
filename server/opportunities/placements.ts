// A pupil's place on an opportunity through Year 7: proposed (by the allocation) → offered → active →
// ended, or declined with a reason. Staff accept a proposal, choose another opportunity instead, or
// decline; every change is kept (placement_events) and audited in the same transaction.
import type { Kysely } from 'kysely'
import type { Database, PlacementStatus } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, NotFoundError } from '../platform/errors'
import * as store from './placement-store'

type Db = Kysely<Database>
export interface Actor { schoolId: number; userId: number | null; ip?: string | null }

export type PlacementAction = 'offer' | 'start' | 'end' | 'decline'

/** The one table of allowed moves. */
const MOVES: Record<PlacementAction, { from: readonly PlacementStatus[]; to: PlacementStatus; needsReason: boolean }> = {
  offer: { from: ['proposed'], to: 'offered', needsReason: false },
  start: { from: ['offered'], to: 'active', needsReason: false },
  end: { from: ['active'], to: 'ended', needsReason: false },
  decline: { from: ['proposed', 'offered'], to: 'declined', needsReason: true }
}

export const STATUS_WORDS: Record<PlacementStatus, string> = {
  proposed: 'Proposed by Lantern',
  offered: 'Offered',
  active: 'Taking part',
  ended: 'Ended',
  declined: 'Declined'
}

/** Moves a placement on; refuses a move its status does not allow. Returns the pupil's id. */
export async function changePlacement(db: Db, by: Actor, placementId: number, action: PlacementAction, reason: string | null): Promise<number> {
  const move = MOVES[action]
  if (move.needsReason && !reason?.trim()) throw new ConflictError('Say why, so colleagues can follow the decision.')
  return db.transaction().execute(async (trx) => {
    const placement = await store.findPlacement(trx, by.schoolId, placementId, { lock: true })
    if (!placement) throw new NotFoundError()
    if (!move.from.includes(placement.status)) {
      throw new ConflictError(`This place is ${STATUS_WORDS[placement.status].toLowerCase()}, so it cannot be ${move.to} now. Reload the page to see its latest state.`)
    }
    await store.setPlacementStatus(trx, by.schoolId, placementId, move.to, by.userId, reason?.trim() || null)
    await store.insertPlacementEvent(trx, { schoolId: by.schoolId, placementId, status: move.to, note: reason?.trim() || null, userId: by.userId })
    await recordAudit(trx, { action: `placement_${move.to}`, userId: by.userId, schoolId: by.schoolId, ip: by.ip ?? null, subjectType: 'pupil', subjectId: placement.pupil_id, detail: { placement: placementId, opportunity: placement.opportunity_id } })
    return placement.pupil_id
  })
}

/**
 * Staff choose another opportunity instead of the proposal: the proposal is declined with the reason
 * and a new place is offered on the chosen one, in one transaction.
 */
export async function chooseInstead(db: Db, by: Actor, placementId: number, opportunityId: number, reason: string): Promise<number> {
  if (!reason.trim()) throw new ConflictError('Say why you chose another opportunity.')
  return db.transaction().execute(async (trx) => {
    const placement = await store.findPlacement(trx, by.schoolId, placementId, { lock: true })
    if (!placement) throw new NotFoundError()
    if (placement.status !== 'proposed') throw new ConflictError('Only a proposal can be swapped for another opportunity. Reload the page to see its latest state.')
    const opportunity = await trx.selectFrom('opportunities').select(['id', 'archived_at']).where('school_id', '=', by.schoolId).where('id', '=', opportunityId).executeTakeFirst()
    if (!opportunity) throw new NotFoundError()
    if (opportunity.archived_at) throw new ConflictError('That opportunity is archived. Restore it first, or choose another.')
    if ((await store.standingHoldDecisions(trx, by.schoolId)).get(opportunityId)?.decision === 'cancel') throw new ConflictError('That opportunity is cancelled this round. Think again about it on the allocation page first, or choose another.')
    const already = await trx
      .selectFrom('placements')
      .select('id')
      .where('school_id', '=', by.schoolId)
      .where('pupil_id', '=', placement.pupil_id)
      .where('opportunity_id', '=', opportunityId)
      .where('status', 'in', ['offered', 'active'])
      .executeTakeFirst()
    if (already) throw new ConflictError('The pupil already has a place on that opportunity.')
    await store.setPlacementStatus(trx, by.schoolId, placementId, 'declined', by.userId, reason.trim())
    await store.insertPlacementEvent(trx, { schoolId: by.schoolId, placementId, status: 'declined', note: `Another opportunity chosen: ${reason.trim()}`, userId: by.userId })
    const { id } = await store.insertPlacement(trx, by.schoolId, { pupilId: placement.pupil_id, opportunityId, status: 'offered', fit: null, explanation: null, userId: by.userId, reason: reason.trim() })
    await store.insertPlacementEvent(trx, { schoolId: by.schoolId, placementId: id, status: 'offered', note: reason.trim(), userId: by.userId })
    await recordAudit(trx, { action: 'placement_chosen_instead', userId: by.userId, schoolId: by.schoolId, ip: by.ip ?? null, subjectType: 'pupil', subjectId: placement.pupil_id, detail: { declined: placementId, offered: id, opportunity: opportunityId } })
    return placement.pupil_id
  })
}

/** One session of the register: present or not, for an active (or ended) place. */
export async function markAttendance(db: Db, by: Actor, placementId: number, heldOn: string, present: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const placement = await store.findPlacement(trx, by.schoolId, placementId)
    if (!placement) throw new NotFoundError()
    if (placement.status !== 'active' && placement.status !== 'ended') throw new ConflictError('The register is kept once the pupil is taking part.')
    await store.recordAttendance(trx, by.schoolId, { placementId, heldOn, present, userId: by.userId })
    await recordAudit(trx, { action: 'placement_attendance', userId: by.userId, schoolId: by.schoolId, ip: by.ip ?? null, subjectType: 'pupil', subjectId: placement.pupil_id, detail: { placement: placementId, held_on: heldOn, present } })
  })
}
