// The pupil profile's "Opportunity" section: the pupil's places, newest first, with take-up. The entry
// point passes this loader to screening's profile route (screening cannot import opportunities).
import type { Kysely } from 'kysely'
import type { Database, PlacementStatus } from '../db/schema'
import { STATUS_WORDS } from './placements'
import * as store from './placement-store'

const TAG: Record<PlacementStatus, string> = { proposed: 'govuk-tag--blue', offered: 'govuk-tag--yellow', active: 'govuk-tag--green', ended: 'govuk-tag--grey', declined: 'govuk-tag--grey' }

export function opportunitySectionView(
  placements: ReadonlyArray<{ id: number; status: PlacementStatus; opportunity_name: string; explanation: string | null; reason: string | null }>,
  attendance: ReadonlyMap<number, { present: number; sessions: number }>
) {
  return {
    current: placements.length > 0,
    placements: placements.map((p) => {
      const a = attendance.get(p.id)
      return {
        opportunity: p.opportunity_name,
        status: { label: STATUS_WORDS[p.status], tag: TAG[p.status] },
        explanation: p.explanation,
        reason: p.status === 'declined' || p.status === 'ended' ? p.reason : null,
        takeUp: a && a.sessions ? `Came to ${a.present} of ${a.sessions} session${a.sessions === 1 ? '' : 's'}` : null
      }
    })
  }
}

export async function opportunityProfileSection(db: Kysely<Database>, school: { id: number }, pupilId: number) {
  const placements = await store.listPlacementsOfPupil(db, school.id, pupilId)
  const ids = placements.map((p) => p.id)
  const rows = ids.length
    ? await db
        .selectFrom('placement_attendance')
        .select((eb) => ['placement_id', eb.fn.countAll<number>().as('sessions'), eb.fn.count<number>('present').filterWhere('present', '=', true).as('present')])
        .where('school_id', '=', school.id)
        .where('placement_id', 'in', ids)
        .groupBy('placement_id')
        .execute()
    : []
  const attendance = new Map(rows.map((r) => [r.placement_id, { present: Number(r.present), sessions: Number(r.sessions) }]))
  return { partial: 'opportunities/profile-section', model: opportunitySectionView(placements, attendance) }
}
