// The demo's supervision, as a school would have it by now: its term dates, a meeting held last half
// term (notes, advice, actions: some done, some open), consent recorded for some pupils, and the next
// meeting planned, so the demo link worker signs in to a real agenda and a pack. All data synthetic.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { loadAgenda } from '../supervision/agenda-data'
import { DEFAULT_CONSENT_PURPOSE, recordConsent } from '../supervision/consent'
import * as service from '../supervision/service'
import * as store from '../supervision/store'
import { academicYearOf, defaultHalfTerms, proposeSchedule, termOf } from '../supervision/terms'

const NOTES = [
  { strengths: 'Settled well in form group; enjoys art and helps others.', concerns: 'Quiet at lunchtimes; form tutor has noticed time alone.', reasons: 'May be missing friends from primary school.', advice: 'Buddy with a peer from the same tutor group; check in weekly.' },
  { strengths: 'Good attendance at the opportunity offered; trying hard in maths.', concerns: 'Tearful before tests; says tummy aches in the morning.', reasons: 'Worry about getting things wrong.', advice: 'Try a worry time routine; brief the maths teacher on test nerves.' },
  { strengths: 'Kind to classmates; good sense of humour.', concerns: 'Late several mornings; homework often missing.', reasons: 'Changes at home; organisation.', advice: 'Planner check with form tutor; a morning greeting at the gate.' }
]

export async function seedDemoSupervision(db: Kysely<Database>, schoolId: number, leadId: number, linkId: number | null, today: string): Promise<void> {
  if ((await store.listMeetings(db, schoolId)).length) return
  const by = { schoolId, userId: leadId, role: 'lead' as const }
  const terms = defaultHalfTerms(academicYearOf(today))
  await service.saveTermDates(db, by, terms)
  const current = termOf(terms, today)
  const schedule = proposeSchedule(terms)
  const earlier = schedule.filter((s) => s.date < (current?.starts_on ?? today))
  const past = earlier.at(-1)
  const next = schedule.find((s) => s.date >= today)
  const people = await store.listSchoolPeople(db, schoolId)
  const attendees = people
    .filter((p) => p.role !== 'pastoral' || p.is_dsl === false)
    .map((p) => ({ userId: p.id, name: p.name, role: p.role === 'link' ? 'CAMHS link worker' : p.role === 'lead' ? 'Senior mental health lead' : 'Pastoral staff' }))
  const input = (date: string) => ({ meetsOn: date, meetsAt: '15:30', location: 'Wellbeing room', linkUserId: linkId, coverUserId: null, attendees })

  if (past) {
    const meetingId = await service.planMeeting(db, by, input(past.date))
    await service.startMeeting(db, by, meetingId)
    const meeting = (await store.findMeeting(db, schoolId, meetingId))!
    const agenda = await loadAgenda(db, schoolId, meeting)
    const discussed = agenda.items.filter((i) => !i.dsl).slice(0, 6)
    for (const [n, item] of discussed.entries()) {
      const note = NOTES[n % NOTES.length]!
      await service.recordDiscussion(db, by, meetingId, item.pupilId, {
        strengths: note.strengths,
        concerns: note.concerns,
        possibleReasons: note.reasons,
        advice: note.advice,
        level: item.pupil.now.level,
        outcome: n === 4 ? 'referral' : n === 5 ? 'signposting' : 'strategies',
        goals: [{ goal: 'Feel able to join in at lunchtime', score: 3 + (n % 3) }],
        correctionReason: null
      })
      const due = new Date(Date.parse(`${past.date}T12:00:00Z`) + (14 + n * 7) * 86_400_000).toISOString().slice(0, 10)
      const actionId = await service.addAction(db, by, meetingId, { pupilId: item.pupilId, description: note.advice.split(';')[0]!, ownerUserId: n % 2 === 0 ? leadId : null, ownerName: n % 2 === 0 ? null : 'Form tutor', dueOn: due })
      if (n % 3 === 0) await service.reviewAction(db, by, actionId, null, 'done', 'Done and going well.')
      else if (n % 3 === 1) await service.reviewAction(db, by, actionId, null, 'in_progress', 'Started; check again next meeting.')
      // consent to share recorded for some pupils, given by a parent or carer
      if (n % 2 === 0) {
        await recordConsent(db, { schoolId, pupilId: item.pupilId, userId: leadId, kind: 'given', givenBy: 'parent_carer', givenByName: 'Parent (by phone)', purpose: DEFAULT_CONSENT_PURPOSE, givenOn: past.date })
      }
    }
    if (linkId) await service.addAction(db, by, meetingId, { pupilId: discussed[0]?.pupilId ?? null, description: 'Send the school a sleep hygiene leaflet for families', ownerUserId: linkId, ownerName: null, dueOn: next?.date ?? today })
    await service.closeMeeting(db, by, meetingId)
  }
  if (next) await service.planMeeting(db, by, input(next.date))
}
