// Running the allocation for a school: load the cohort and the catalogue, let the pure matcher choose,
// and store its choices as proposals, in one transaction. Proposals staff have not confirmed are
// replaced; an offer or a place staff confirmed is never overturned (match.ts keeps it).
import type { Kysely } from 'kysely'
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
  /** below their fewest places, with the lead's decision if any (a cancelled one is listed too) */
  on_hold: Array<{ opportunity: string; places: number; min_places: number; decision: 'run' | 'cancel' | null }>
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
    await placements.lockAllocation(trx, schoolId)
    const { pupils, opportunities, result, decisions } = await planAllocation(trx, schoolId)
    const upnOf = new Map(pupils.map((p) => [p.id, p.upn]))
    const nameOf = new Map(opportunities.map((o) => [o.id, o.name]))
    if (!opts.dryRun) {
      // No churn: a proposal the new allocation makes again is kept as it is (its row, its date);
      // only proposals it no longer makes go, and only new ones are added.
      const standing = (await placements.listLivePlacements(trx, schoolId)).filter((p) => p.status === 'proposed')
      const wanted = new Map(result.placements.map((p) => [`${p.pupilId}:${p.opportunityId}`, p]))
      const kept = new Set<string>()
      const gone: number[] = []
      for (const s of standing) {
        const key = `${s.pupil_id}:${s.opportunity_id}`
        const again = wanted.get(key)
        if (!again || kept.has(key)) {
          gone.push(s.id)
          continue
        }
        kept.add(key)
        if (again.fit !== s.fit || again.explanation !== s.explanation) await placements.refreshProposal(trx, schoolId, s.id, again)
      }
      await placements.deleteProposalsById(trx, schoolId, gone)
      await placements.insertProposals(trx, schoolId, result.placements.filter((p) => !kept.has(`${p.pupilId}:${p.opportunityId}`)), actor.userId)
      await recordAudit(trx, {
        action: 'opportunities_allocated',
        userId: actor.userId,
        schoolId,
        ip: actor.ip ?? null,
        subjectType: 'school',
        subjectId: schoolId,
        detail: { placed: result.placed, unplaced: result.unplaced.length, total_fit: result.totalFit, greedy_fit: result.greedyFit, on_hold: result.onHold.length, proposals_kept: kept.size, proposals_removed: gone.length }
      })
    }
    return {
      placed: result.placed,
      unplaced: result.unplaced.map((u) => ({ upn: upnOf.get(u.pupilId) ?? String(u.pupilId), why: u.why, explanation: u.explanation })),
      total_fit: result.totalFit,
      greedy_fit: result.greedyFit,
      on_hold: result.onHold.map((h) => ({ opportunity: nameOf.get(h.opportunityId) ?? String(h.opportunityId), places: h.places, min_places: h.minPlaces, decision: decisions.get(h.opportunityId)?.decision ?? null })),
      kept: result.kept.length,
      dry_run: opts.dryRun === true
    }
  })
}

/** The cohort and catalogue as the matcher sees them, and what it would choose now. Reads only. */
export async function planAllocation(db: Kysely<Database>, schoolId: number) {
  const [pupils, catalogue, decisions] = await Promise.all([loadPupilsForMatching(db, schoolId), opportunitiesForMatching(db, schoolId), placements.standingHoldDecisions(db, schoolId)])
  // cancelled this round by the lead: no new offers there, so its pupils are allocated elsewhere
  const opportunities = catalogue.map((o) => (decisions.get(o.id)?.decision === 'cancel' ? { ...o, cancelled: true } : o))
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
    current: p.confirmed ? { opportunityId: p.confirmed.opportunityId, confirmed: true } : null,
    declined: p.declined
  }))
  return { pupils, opportunities, decisions, result: allocateOpportunities(matchPupils, opportunities) }
}
