// The lead's allocation page: each pupil's current proposal, offer or place with its explanation, the
// opportunities' places taken, and the slips ready to print. A loader and a pure view.
import type { Kysely } from 'kysely'
import type { Database, PlacementStatus } from '../db/schema'
import { pupilName } from '../pupils/names'
import { STATUS_WORDS } from './placements'
import { planAllocation } from './allocate'

export async function loadAllocationPage(db: Kysely<Database>, schoolId: number) {
  const [rows, opportunities] = await Promise.all([
    db
      .selectFrom('placements as p')
      .innerJoin('pupils as u', (j) => j.onRef('u.id', '=', 'p.pupil_id').onRef('u.school_id', '=', 'p.school_id'))
      .innerJoin('opportunities as o', (j) => j.onRef('o.id', '=', 'p.opportunity_id').onRef('o.school_id', '=', 'p.school_id'))
      .select(['p.id', 'p.pupil_id', 'p.status', 'p.explanation', 'u.forename', 'u.surname', 'u.preferred_forename', 'u.form', 'o.name as opportunity_name', 'o.id as opportunity_id'])
      .where('p.school_id', '=', schoolId)
      .where('p.status', 'in', ['proposed', 'offered', 'active'])
      .orderBy('u.form')
      .orderBy('u.surname')
      .orderBy('u.forename')
      .execute(),
    db.selectFrom('opportunities').select(['id', 'name', 'capacity', 'min_places']).where('school_id', '=', schoolId).where('archived_at', 'is', null).orderBy('name').execute()
  ])
  // pupils with no live place, and why, as the allocation sees them now (the pure matcher: reads only)
  const plan = await planAllocation(db, schoolId)
  const live = new Set(rows.map((r) => r.pupil_id))
  const byId = new Map(plan.pupils.map((p) => [p.id, p]))
  const names = new Map((await db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename', 'form']).where('school_id', '=', schoolId).execute()).map((p) => [p.id, p]))
  const without = plan.pupils.filter((p) => !live.has(p.id)).map((p) => {
    const why = plan.result.unplaced.find((u) => u.pupilId === p.id)
    const pupil = names.get(p.id)!
    return { id: p.id, name: pupilName(pupil), form: pupil.form, why: why ? why.explanation : 'A place is free for them: run the allocation again.', level: byId.get(p.id)?.level ?? null }
  })
  return { rows, opportunities, without, decisions: plan.decisions }
}

export type AllocationPageData = Awaited<ReturnType<typeof loadAllocationPage>>

const STATUS_TAG: Record<PlacementStatus, string> = {
  proposed: 'govuk-tag--blue',
  offered: 'govuk-tag--yellow',
  active: 'govuk-tag--green',
  ended: 'govuk-tag--grey',
  declined: 'govuk-tag--grey'
}

export function allocationPageView({ rows, opportunities, without, decisions }: AllocationPageData, urn: string) {
  const taken = new Map<number, number>()
  for (const r of rows) taken.set(r.opportunity_id, (taken.get(r.opportunity_id) ?? 0) + 1)
  const forms = [...new Set(rows.filter((r) => r.status !== 'proposed').map((r) => r.form).filter((f): f is string => !!f))].sort()
  return {
    title: 'Opportunities for every pupil',
    backHref: `/s/${urn}/opportunities`,
    backText: 'Opportunities',
    placements: rows.map((r) => ({
      id: r.id,
      pupilId: r.pupil_id,
      name: pupilName(r),
      form: r.form,
      opportunity: r.opportunity_name,
      explanation: r.explanation,
      status: { label: STATUS_WORDS[r.status], tag: STATUS_TAG[r.status] },
      canOffer: r.status === 'proposed',
      canStart: r.status === 'offered',
      canDecline: r.status === 'proposed' || r.status === 'offered',
      canChoose: r.status === 'proposed',
      registerHref: r.status === 'active' ? `/s/${urn}/opportunities/placements/${r.id}/register` : null,
      slipHref: r.status === 'proposed' ? null : `/s/${urn}/opportunities/slips.pdf?placement=${r.id}`
    })),
    counts: {
      proposed: rows.filter((r) => r.status === 'proposed').length,
      offered: rows.filter((r) => r.status === 'offered').length,
      active: rows.filter((r) => r.status === 'active').length
    },
    opportunities: opportunities.map((o) => {
      const n = taken.get(o.id) ?? 0
      const decided = decisions.get(o.id) ?? null
      const onHold = n > 0 && n < o.min_places
      return {
        id: o.id,
        name: o.name,
        taken: n,
        places: o.capacity,
        onHold: onHold && !decided ? `On hold: fewer than its minimum of ${o.min_places}` : null,
        decision: decided
          ? {
              label: decided.decision === 'run' ? `Running with fewer than its minimum of ${o.min_places}` : 'Cancelled this round',
              tag: decided.decision === 'run' ? 'govuk-tag--green' : 'govuk-tag--grey',
              by: decided.decidedBy ?? 'a former member of staff',
              at: decided.decidedAt,
              note: decided.decision === 'cancel' ? 'Its pupils are offered other opportunities when the allocation next runs.' : null
            }
          : null,
        canDecide: onHold && !decided,
        holdAction: `/s/${urn}/opportunities/allocation/${o.id}/hold`
      }
    }),
    /** for "choose another": every opportunity still running (not one cancelled this round) */
    choices: opportunities.filter((o) => decisions.get(o.id)?.decision !== 'cancel').map((o) => ({ value: o.id, label: o.name })),
    without: without.map((w) => ({ ...w, href: `/s/${urn}/pupils/${w.id}` })),
    slipForms: forms.map((f) => ({ form: f, href: `/s/${urn}/opportunities/slips.pdf?form=${encodeURIComponent(f)}` }))
  }
}

/** One pupil's register on one opportunity. */
export async function loadRegisterPage(db: Kysely<Database>, schoolId: number, placementId: number) {
  const placement = await db
    .selectFrom('placements as p')
    .innerJoin('pupils as u', (j) => j.onRef('u.id', '=', 'p.pupil_id').onRef('u.school_id', '=', 'p.school_id'))
    .innerJoin('opportunities as o', (j) => j.onRef('o.id', '=', 'p.opportunity_id').onRef('o.school_id', '=', 'p.school_id'))
    .select(['p.id', 'p.status', 'p.pupil_id', 'u.forename', 'u.surname', 'u.preferred_forename', 'u.form', 'o.name as opportunity_name'])
    .where('p.school_id', '=', schoolId)
    .where('p.id', '=', placementId)
    .executeTakeFirst()
  if (!placement) return null
  const sessions = await db.selectFrom('placement_attendance').select(['held_on', 'present']).where('school_id', '=', schoolId).where('placement_id', '=', placementId).orderBy('held_on', 'desc').execute()
  return { placement, sessions }
}

export function registerPageView({ placement, sessions }: NonNullable<Awaited<ReturnType<typeof loadRegisterPage>>>, urn: string, today: string) {
  const name = pupilName(placement)
  const present = sessions.filter((s) => s.present).length
  return {
    title: `${placement.opportunity_name}: ${name}`,
    backHref: `/s/${urn}/opportunities/allocation`,
    backText: 'Each pupil’s opportunity',
    placementId: placement.id,
    pupilId: placement.pupil_id,
    name,
    opportunity: placement.opportunity_name,
    status: STATUS_WORDS[placement.status],
    canRecord: placement.status === 'active' || placement.status === 'ended',
    sessions: sessions.map((s) => ({ heldOn: s.held_on, present: s.present ? 'Came' : 'Did not come' })),
    takeUp: sessions.length ? `Came to ${present} of ${sessions.length} session${sessions.length === 1 ? '' : 's'}` : 'No sessions recorded yet',
    today
  }
}
