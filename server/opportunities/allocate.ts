// Running the allocation for a school: load the cohort and the catalogue, let the pure matcher choose,
// and store its choices as proposals, in one transaction. Proposals staff have not confirmed are
// replaced; an offer or a place staff confirmed is never overturned (match.ts keeps it).
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { allocateOpportunities, type MatchPupil, type UnplacedWhy } from './match'
import { loadPupilsForMatching } from './inputs'
import { opportunitiesForMatching } from './matching-catalogue'
import * as placements from './placement-store'

export interface AllocationSummary {
  placed: number
  unplaced: Array<{ upn: string; why: UnplacedWhy; explanation: string }>
  total_fit: number
  greedy_fit: number
  on_hold: Array<{ opportunity: string; places: number; min_places: number }>
  /** confirmed offers and places left as they were */
  kept: number
  dry_run: boolean
}

export async function allocateForSchool(
  db: Kysely<Database>,
  schoolId: number,
  actor: { userId: number | null; ip?: string | null },
  opts: { dryRun?: boolean } = {}
): Promise<AllocationSummary> {
  return db.transaction().execute(async (trx) => {
    // one allocation of a school at a time
    await sql`select pg_advisory_xact_lock(hashtext('lantern_allocation'), ${schoolId})`.execute(trx)
    const { pupils, opportunities, result } = await planAllocation(trx, schoolId)
    const upnOf = new Map(pupils.map((p) => [p.id, p.upn]))
    const nameOf = new Map(opportunities.map((o) => [o.id, o.name]))
    if (!opts.dryRun) {
      await placements.deleteProposals(trx, schoolId)
      for (const p of result.placements) {
        await placements.insertPlacement(trx, schoolId, { pupilId: p.pupilId, opportunityId: p.opportunityId, status: 'proposed', fit: p.fit, explanation: p.explanation, userId: actor.userId })
      }
      await recordAudit(trx, {
        action: 'opportunities_allocated',
        userId: actor.userId,
        schoolId,
        ip: actor.ip ?? null,
        subjectType: 'school',
        subjectId: schoolId,
        detail: { placed: result.placed, unplaced: result.unplaced.length, total_fit: result.totalFit, greedy_fit: result.greedyFit, on_hold: result.onHold.length }
      })
    }
    return {
      placed: result.placed,
      unplaced: result.unplaced.map((u) => ({ upn: upnOf.get(u.pupilId) ?? String(u.pupilId), why: u.why, explanation: u.explanation })),
      total_fit: result.totalFit,
      greedy_fit: result.greedyFit,
      on_hold: result.onHold.map((h) => ({ opportunity: nameOf.get(h.opportunityId) ?? String(h.opportunityId), places: h.places, min_places: h.minPlaces })),
      kept: result.kept.length,
      dry_run: opts.dryRun === true
    }
  })
}

/** The cohort and catalogue as the matcher sees them, and what it would choose now. Reads only. */
export async function planAllocation(db: Kysely<Database>, schoolId: number) {
  const [pupils, opportunities] = await Promise.all([loadPupilsForMatching(db, schoolId), opportunitiesForMatching(db, schoolId)])
  const matchPupils: MatchPupil[] = pupils.map((p) => ({
    id: p.id,
    form: p.form,
    yearGroup: 7,
    level: p.level,
    hidden: p.hidden,
    safeguarding: p.safeguarding,
    sen: p.sen,
    interests: p.interests,
    strengths: p.strengths,
    worries: p.worries,
    reasons: p.reasons,
    current: p.confirmed ? { opportunityId: p.confirmed.opportunityId, confirmed: true } : null
  }))
  return { pupils, opportunities, result: allocateOpportunities(matchPupils, opportunities) }
}
