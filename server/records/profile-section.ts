// The profile's "This pupil's data" section: a lead records the leaving date, exports (when also a DSL)
// or erases; a DSL finds each of the pupil's disclosures ready to file in the safeguarding record.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export async function recordsProfileSection(db: Kysely<Database>, school: { id: number; urn: string; role: string; isDsl: boolean }, pupilId: number) {
  const lead = school.role === 'lead'
  const dsl = school.isDsl && school.role !== 'link'
  if (!lead && !dsl) return null
  const pupil = await db.selectFrom('pupils').select('left_on').where('school_id', '=', school.id).where('id', '=', pupilId).executeTakeFirst()
  if (!pupil) return null
  const alerts = dsl
    ? await db.selectFrom('safeguarding_alerts').select(['id', 'raised_at']).where('school_id', '=', school.id).where('pupil_id', '=', pupilId).orderBy('id').execute()
    : []
  return {
    partial: 'records/profile-section',
    model: {
      pupilId,
      lead,
      dsl,
      leftOn: pupil.left_on ?? '',
      handoffs: alerts.map((a) => ({ href: `/s/${school.urn}/alerts/${a.id}/handoff`, raisedAt: a.raised_at }))
    }
  }
}
