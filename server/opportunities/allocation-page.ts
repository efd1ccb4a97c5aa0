// The lead's allocation page: each pupil's current proposal, offer or place with its explanation, the
// opportunities' places taken, and the slips ready to print. A loader and a pure view.
import type { Kysely } from 'kysely'
import type { Database, PlacementStatus } from '../db/schema'
import { pupilName } from '../pupils/names'
import { STATUS_WORDS } from './placements'

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
    db.selectFrom('opportunities').select(['id', 'name', 'capacity']).where('school_id', '=', schoolId).where('archived_at', 'is', null).orderBy('name').execute()
  ])
  return { rows, opportunities }
}

export type AllocationPageData = Awaited<ReturnType<typeof loadAllocationPage>>

const STATUS_TAG: Record<PlacementStatus, string> = {
  proposed: 'govuk-tag--blue',
  offered: 'govuk-tag--yellow',
  active: 'govuk-tag--green',
  ended: 'govuk-tag--grey',
  declined: 'govuk-tag--grey'
}

export function allocationPageView({ rows, opportunities }: AllocationPageData, urn: string) {
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
      slipHref: r.status === 'proposed' ? null : `/s/${urn}/opportunities/slips.pdf?placement=${r.id}`
    })),
    counts: {
      proposed: rows.filter((r) => r.status === 'proposed').length,
      offered: rows.filter((r) => r.status === 'offered').length,
      active: rows.filter((r) => r.status === 'active').length
    },
    opportunities: opportunities.map((o) => ({ name: o.name, taken: taken.get(o.id) ?? 0, places: o.capacity })),
    slipForms: forms.map((f) => ({ form: f, href: `/s/${urn}/opportunities/slips.pdf?form=${encodeURIComponent(f)}` }))
  }
}
