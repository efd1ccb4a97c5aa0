// Placements queries (Kysely only). Every function takes the school it is scoped to.
import { sql, type Kysely } from 'kysely'
import type { Database, HoldDecision, PlacementStatus } from '../db/schema'

type Db = Kysely<Database>

/** Statuses staff have confirmed: an allocation never overturns them. */
export const CONFIRMED: readonly PlacementStatus[] = ['offered', 'active']
export const LIVE: readonly PlacementStatus[] = ['proposed', 'offered', 'active']

/** One allocation (or hold decision) of a school at a time, held until the transaction ends. */
export async function lockAllocation(db: Db, schoolId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('lantern_allocation'), ${schoolId})`.execute(db)
}

export function findPlacement(db: Db, schoolId: number, placementId: number, opts: { lock?: boolean } = {}) {
  let q = db.selectFrom('placements').selectAll().where('school_id', '=', schoolId).where('id', '=', placementId)
  if (opts.lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

/** Every live placement of the school (proposed, offered, active), with the opportunity's name. */
export function listLivePlacements(db: Db, schoolId: number) {
  return db
    .selectFrom('placements as p')
    .innerJoin('opportunities as o', (j) => j.onRef('o.id', '=', 'p.opportunity_id').onRef('o.school_id', '=', 'p.school_id'))
    .select(['p.id', 'p.pupil_id', 'p.opportunity_id', 'p.status', 'p.fit', 'p.explanation', 'p.changed_at', 'o.name as opportunity_name'])
    .where('p.school_id', '=', schoolId)
    .where('p.status', 'in', LIVE)
    .orderBy('p.pupil_id')
    .orderBy('p.id')
    .execute()
}

export function listPlacementsOfPupil(db: Db, schoolId: number, pupilId: number) {
  return db
    .selectFrom('placements as p')
    .innerJoin('opportunities as o', (j) => j.onRef('o.id', '=', 'p.opportunity_id').onRef('o.school_id', '=', 'p.school_id'))
    .select(['p.id', 'p.opportunity_id', 'p.status', 'p.fit', 'p.explanation', 'p.reason', 'p.created_at', 'p.changed_at', 'o.name as opportunity_name'])
    .where('p.school_id', '=', schoolId)
    .where('p.pupil_id', '=', pupilId)
    .orderBy('p.id', 'desc')
    .execute()
}

export function deleteProposalsById(db: Db, schoolId: number, ids: readonly number[]) {
  if (!ids.length) return Promise.resolve([])
  return db.deleteFrom('placements').where('school_id', '=', schoolId).where('status', '=', 'proposed').where('id', 'in', [...ids]).returning('id').execute()
}

/** A proposal kept by a new allocation, with the fit and reason as they are now. */
export function refreshProposal(db: Db, schoolId: number, placementId: number, p: { fit: number; explanation: string }) {
  return db.updateTable('placements').set({ fit: p.fit, explanation: p.explanation }).where('school_id', '=', schoolId).where('id', '=', placementId).where('status', '=', 'proposed').execute()
}

/** New proposals from an allocation, in one statement. */
export async function insertProposals(db: Db, schoolId: number, rows: ReadonlyArray<{ pupilId: number; opportunityId: number; fit: number; explanation: string }>, userId: number | null): Promise<void> {
  if (!rows.length) return
  await db
    .insertInto('placements')
    .values(rows.map((p) => ({ school_id: schoolId, pupil_id: p.pupilId, opportunity_id: p.opportunityId, status: 'proposed' as const, fit: p.fit, explanation: p.explanation, changed_by: userId })))
    .execute()
}

export function insertPlacement(
  db: Db,
  schoolId: number,
  p: { pupilId: number; opportunityId: number; status: PlacementStatus; fit: number | null; explanation: string | null; userId: number | null; reason?: string | null }
) {
  return db
    .insertInto('placements')
    .values({ school_id: schoolId, pupil_id: p.pupilId, opportunity_id: p.opportunityId, status: p.status, fit: p.fit, explanation: p.explanation, changed_by: p.userId, reason: p.reason ?? null })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function setPlacementStatus(db: Db, schoolId: number, placementId: number, status: PlacementStatus, userId: number | null, reason: string | null) {
  return db
    .updateTable('placements')
    .set({ status, changed_by: userId, changed_at: new Date(), reason })
    .where('school_id', '=', schoolId)
    .where('id', '=', placementId)
    .execute()
}

export function insertPlacementEvent(db: Db, e: { schoolId: number; placementId: number; status: string; note: string | null; userId: number | null }) {
  return db.insertInto('placement_events').values({ school_id: e.schoolId, placement_id: e.placementId, status: e.status, note: e.note, user_id: e.userId }).execute()
}

export function placementEvents(db: Db, schoolId: number, placementId: number) {
  return db
    .selectFrom('placement_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.status', 'e.note', 'e.at', 'u.name as user_name'])
    .where('e.school_id', '=', schoolId)
    .where('e.placement_id', '=', placementId)
    .orderBy('e.id')
    .execute()
}

export function recordAttendance(db: Db, schoolId: number, a: { placementId: number; heldOn: string; present: boolean; userId: number | null }) {
  return db
    .insertInto('placement_attendance')
    .values({ school_id: schoolId, placement_id: a.placementId, held_on: a.heldOn, present: a.present, recorded_by: a.userId })
    .onConflict((oc) => oc.columns(['placement_id', 'held_on']).doUpdateSet({ present: a.present, recorded_by: a.userId }))
    .execute()
}

export function attendanceOf(db: Db, schoolId: number, placementId: number) {
  return db.selectFrom('placement_attendance').select(['held_on', 'present']).where('school_id', '=', schoolId).where('placement_id', '=', placementId).orderBy('held_on').execute()
}

/** The opportunity name of each pupil's current offer or placement (offered/active first, then proposed). */
export async function currentOpportunityByPupil(db: Db, schoolId: number): Promise<Map<number, string>> {
  const rows = await listLivePlacements(db, schoolId)
  const rank = (s: PlacementStatus) => (s === 'active' ? 0 : s === 'offered' ? 1 : 2)
  const best = new Map<number, { rank: number; name: string }>()
  for (const r of rows) {
    const seen = best.get(r.pupil_id)
    if (!seen || rank(r.status) < seen.rank) best.set(r.pupil_id, { rank: rank(r.status), name: r.opportunity_name })
  }
  return new Map([...best].map(([pupilId, v]) => [pupilId, v.name]))
}

/** The decision standing on each opportunity below its fewest places (run or cancel), with who took it. */
export async function standingHoldDecisions(db: Db, schoolId: number): Promise<Map<number, { decision: 'run' | 'cancel'; decidedAt: Date; decidedBy: string | null }>> {
  const rows = await db
    .selectFrom('opportunity_hold_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .distinctOn('d.opportunity_id')
    .select(['d.opportunity_id', 'd.decision', 'd.decided_at', 'u.name as user_name'])
    .where('d.school_id', '=', schoolId)
    .orderBy('d.opportunity_id')
    .orderBy('d.id', 'desc')
    .execute()
  const out = new Map<number, { decision: 'run' | 'cancel'; decidedAt: Date; decidedBy: string | null }>()
  for (const r of rows) if (r.decision !== 'reopen') out.set(r.opportunity_id, { decision: r.decision, decidedAt: r.decided_at, decidedBy: r.user_name })
  return out
}

export function insertHoldDecision(db: Db, schoolId: number, d: { opportunityId: number; decision: HoldDecision; userId: number | null }) {
  return db.insertInto('opportunity_hold_decisions').values({ school_id: schoolId, opportunity_id: d.opportunityId, decision: d.decision, decided_by: d.userId }).execute()
}

/** Live places on one opportunity, by status. */
export function livePlacementsOn(db: Db, schoolId: number, opportunityId: number) {
  return db.selectFrom('placements').select(['id', 'pupil_id', 'status']).where('school_id', '=', schoolId).where('opportunity_id', '=', opportunityId).where('status', 'in', LIVE).orderBy('id').execute()
}

export function deleteProposalsOn(db: Db, schoolId: number, opportunityId: number) {
  return db.deleteFrom('placements').where('school_id', '=', schoolId).where('opportunity_id', '=', opportunityId).where('status', '=', 'proposed').returning(['id', 'pupil_id']).execute()
}
