// A school as it stands after a term in Lantern: the demo cohort imported through the real runner, with
// an alert handled, a level decided and a share logged through the real pages and services, so every
// kind of record a pupil can have is in the database.
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { seedDemo } from '../../server/demo/seed'
import { recordShare, SHARE_PURPOSES } from '../../server/supervision/shares'
import { DEFAULT_CONSENT_PURPOSE, recordConsent } from '../../server/supervision/consent'
import { Browser, buildTestApp } from '../helper'

interface TapTest { teardown(fn: () => unknown): void }

export const DEMO_URN = '999001'

export async function demoSchool(t: TapTest) {
  const app = await buildTestApp(t)
  const login = await seedDemo(app.db)
  const school = await app.db.selectFrom('schools').selectAll().where('urn', '=', DEMO_URN).executeTakeFirstOrThrow()
  const other = await app.db.selectFrom('schools').selectAll().where('urn', '<>', DEMO_URN).executeTakeFirstOrThrow()
  const lead = await app.db.selectFrom('users').selectAll().where('email', '=', login.email).executeTakeFirstOrThrow()
  const signIn = async (email: string) => {
    const browser = new Browser(app)
    const res = await browser.login(email, login.password)
    if (res.statusCode !== 303) throw new Error(`sign-in failed for ${email}: ${res.statusCode}`)
    // the demo's lead and link worker set up their authenticator app at their first sign-in
    const location = String(res.headers.location ?? '')
    if (location.startsWith('/login/enrol')) {
      const { res: enrolled } = await browser.enrol(location)
      if (enrolled.statusCode !== 200) throw new Error(`enrolment failed for ${email}: ${enrolled.statusCode}`)
    }
    return browser
  }
  return { app, school, other, lead, login, signIn }
}

/** The pupil with the most kinds of record: a safeguarding alert, a supervision discussion, consent and a placement. */
export async function richestPupil(app: FastifyInstance, schoolId: number): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    select p.id from pupils p
    where p.school_id = ${schoolId}
    order by
      (exists (select 1 from safeguarding_alert_records a where a.pupil_id = p.id))::int * 10
      + (exists (select 1 from discussion_entries d where d.pupil_id = p.id))::int
      + (exists (select 1 from supervision_actions s where s.pupil_id = p.id))::int
      + (exists (select 1 from consent_events c where c.pupil_id = p.id))::int
      + (exists (select 1 from placements x where x.pupil_id = p.id and x.status <> 'proposed'))::int desc,
      p.id
    limit 1`.execute(app.db)
  return rows[0]!.id
}

/** Records the kinds of kept record the demo does not make: a level decision, an alert outcome and a share. */
export async function addKeptRecords(app: FastifyInstance, browser: Browser, school: { id: number; urn: string }, pupilId: number, userId: number) {
  await browser.get(`/s/${school.urn}/pupils/${pupilId}`)
  const decided = await browser.post(`/s/${school.urn}/pupils/${pupilId}/level`, { level: 'getting_help', reason: 'Agreed with the head of year after the meeting' })
  if (decided.statusCode !== 303) throw new Error(`level decision failed: ${decided.statusCode}`)
  // the next meeting: the pupil put on its agenda (taken off and back when already on it), the meeting
  // started, the pupil discussed, an action agreed and reviewed
  const meeting = await app.db.selectFrom('supervision_meetings').select('id').where('school_id', '=', school.id).where('status', '=', 'planned').orderBy('id').executeTakeFirstOrThrow()
  const meetingUrl = `/s/${school.urn}/supervision/meetings/${meeting.id}`
  const expect303 = async (what: string, p: Promise<{ statusCode: number }>) => {
    const res = await p
    if (res.statusCode !== 303) throw new Error(`${what} failed: ${res.statusCode}`)
  }
  await browser.get(meetingUrl)
  const onAgenda = await app.db.selectFrom('agenda_items').select('id').where('meeting_id', '=', meeting.id).where('pupil_id', '=', pupilId).executeTakeFirst()
  if (onAgenda) await expect303('agenda change', browser.post(`${meetingUrl}/agenda`, { pupil: String(pupilId), change: 'remove', reason: 'Seen by the head of year this week' }))
  await expect303('agenda change', browser.post(`${meetingUrl}/agenda`, { pupil: String(pupilId), change: 'add', reason: 'Head of year asked for a review' }))
  await expect303('start', browser.post(`${meetingUrl}/start`))
  await expect303('discussion', browser.post(`${meetingUrl}/pupils/${pupilId}`, { strengths: 'Loves drawing', advice: 'Art club with a buddy', level: 'getting_help', outcome: 'strategies' }))
  await expect303('action', browser.post(`${meetingUrl}/actions`, { pupil: String(pupilId), description: 'Introduce to the art club lead', owner_user_id: '', owner_name: 'Form tutor', due_on: '' }))
  const action = await app.db.selectFrom('supervision_actions').select('id').where('pupil_id', '=', pupilId).where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow()
  await expect303('action review', browser.post(`/s/${school.urn}/supervision/actions/${action.id}/review`, { status: 'in_progress', note: 'Started; check again next meeting' }))
  await recordConsent(app.db, { schoolId: school.id, pupilId, userId, kind: 'given', givenBy: 'parent_carer', givenByName: 'Parent', purpose: DEFAULT_CONSENT_PURPOSE, givenOn: '2026-11-01' })
  await recordShare(app.db, { schoolId: school.id, userId, sharedWith: 'The CAMHS link team', what: 'Supervision pack (printed)', purpose: SHARE_PURPOSES.supervision, pupilIds: [pupilId], identifiedPupilIds: [] })
}

/** Handles every open alert of a pupil through the alert page, as a DSL would. */
export async function handleAlerts(app: FastifyInstance, browser: Browser, school: { id: number; urn: string }, pupilId: number) {
  const alerts = await app.db.selectFrom('safeguarding_alerts').select(['id', 'status']).where('school_id', '=', school.id).where('pupil_id', '=', pupilId).execute()
  for (const a of alerts.filter((x) => x.status === 'open')) {
    await browser.get(`/s/${school.urn}/alerts/${a.id}`)
    const res = await browser.post(`/s/${school.urn}/alerts/${a.id}`, { outcome: 'already_known', reason: 'Known to children’s social care; social worker told the same day' })
    if (res.statusCode !== 303) throw new Error(`recording an outcome failed: ${res.statusCode}`)
  }
  return alerts.length
}
