// The invitation slips to print: offered and active places, for one placement or a whole form group,
// with the pupil's own words about what they like (from their latest letter). Loads plain data for the
// pure render in slips.ts.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { listLatestLetters } from '../pupils/store'
import { pupilName } from '../pupils/names'
import type { InvitationSlip } from './slips'

interface StoredInterests { interests?: Array<{ interest?: unknown; text?: unknown }> }

export async function loadInvitationSlips(
  db: Kysely<Database>,
  school: { id: number; name: string },
  which: { placementId: number } | { form: string }
): Promise<{ slips: InvitationSlip[]; pupilIds: number[] }> {
  let q = db
    .selectFrom('placements as p')
    .innerJoin('pupils as u', (j) => j.onRef('u.id', '=', 'p.pupil_id').onRef('u.school_id', '=', 'p.school_id'))
    .innerJoin('opportunities as o', (j) => j.onRef('o.id', '=', 'p.opportunity_id').onRef('o.school_id', '=', 'p.school_id'))
    .select(['p.pupil_id', 'u.forename', 'u.surname', 'u.preferred_forename', 'u.form', 'o.name', 'o.schedule', 'o.lead', 'o.pupil_description', 'o.interests'])
    .where('p.school_id', '=', school.id)
    .where('p.status', 'in', ['offered', 'active'])
  q = 'placementId' in which ? q.where('p.id', '=', which.placementId) : q.where('u.form', '=', which.form)
  const rows = await q.orderBy('u.surname').orderBy('u.forename').orderBy('p.id').execute()
  const letters = new Map((await listLatestLetters(db, school.id)).map((l) => [l.pupil_id, l]))
  const slips = rows.map((r): InvitationSlip => {
    const analysis = (letters.get(r.pupil_id)?.analysis ?? {}) as StoredInterests
    // only the child's words for interests this opportunity serves: "you wrote about dancing… Lunch club"
    // would tie the invitation to something it has nothing to do with
    const found = (analysis.interests ?? []).filter((i): i is { interest: string; text: string } => typeof i.interest === 'string' && typeof i.text === 'string')
    const matching = found.filter((i) => r.interests.includes(i.interest)).map((i) => i.text)
    return {
      pupilName: pupilName(r),
      form: r.form,
      schoolName: school.name,
      opportunity: { name: r.name, when: r.schedule, lead: r.lead, description: r.pupil_description },
      youWrote: matching
    }
  })
  return { slips, pupilIds: rows.map((r) => r.pupil_id) }
}
