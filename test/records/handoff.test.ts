// Hand-off to the safeguarding record: a DSL prints or exports a disclosure as the child's own words
// with the date, the context and what was done, ready to file in CPOMS or MyConcern; the page says
// plainly that Lantern is not the safeguarding record. DSLs only; every view and file audited.
import t from 'tap'
import { NOT_THE_RECORD, type Handoff } from '../../server/records/handoff'
import { auditRows, createUser, signedIn } from '../helper'
import { demoSchool, handleAlerts, richestPupil } from './fixture'

t.test('a DSL prints or exports a disclosure for the school’s safeguarding record', async (t) => {
  const { app, school, other, lead, login, signIn } = await demoSchool(t)
  const pupilId = await richestPupil(app, school.id)
  const pupil = await app.db.selectFrom('pupils').selectAll().where('id', '=', pupilId).executeTakeFirstOrThrow()
  const alert = await app.db.selectFrom('safeguarding_alerts').selectAll().where('pupil_id', '=', pupilId).orderBy('id').executeTakeFirstOrThrow()
  const dsl = await signIn(login.email)
  const url = `/s/${school.urn}/alerts/${alert.id}/handoff`

  t.match((await dsl.get(`/s/${school.urn}/alerts/${alert.id}`)).body, `href="${url}"`, 'the alert page offers the hand-off')
  t.match((await dsl.get(`/s/${school.urn}/pupils/${pupilId}`)).body, `href="${url}"`, 'so does the profile')

  const open = await dsl.get(url)
  t.equal(open.statusCode, 200)
  t.match(open.body, 'Lantern is not the school’s safeguarding record')
  t.match(open.body, 'No outcome is recorded yet: the alert is open')
  t.match(open.body, /<a href="[^"]+" class="govuk-back-link/)

  await handleAlerts(app, dsl, school, pupilId)
  const page = await dsl.get(url)
  t.match(page.body, 'Already known and being acted on')
  t.match(page.body, 'Known to children’s social care; social worker told the same day')
  t.match(page.body, 'Dana Okafor')
  const words = alert.letter_text.slice(0, 40).replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  t.match(page.body, words, 'the child’s own words are on the page')

  const json = await dsl.get(`${url}/export?format=json`)
  t.equal(json.statusCode, 200)
  t.match(json.headers['content-disposition'], /attachment; filename="lantern-disclosure-/)
  const handoff = JSON.parse(json.body) as Handoff
  t.equal(handoff.notice, NOT_THE_RECORD)
  t.equal(handoff.disclosure.own_words, alert.letter_text, 'the letter exactly as it stood when the alert was raised')
  t.match(handoff.child, { upn: pupil.upn, date_of_birth: pupil.dob })
  t.ok(handoff.disclosure.passages.length > 0)
  t.match(handoff.what_was_done, [{ by: 'Lantern', action: 'Alert raised for the school’s DSLs' }, { by: 'Dana Okafor', action: 'Outcome recorded: Already known and being acted on' }])
  t.match(handoff.current_outcome, { outcome: 'Already known and being acted on', by: 'Dana Okafor' })
  t.match(handoff.prepared, { by: 'Dana Okafor' })

  const pdf = await dsl.get(`${url}/export?format=pdf`)
  t.equal(pdf.statusCode, 200)
  t.equal(pdf.headers['content-type'], 'application/pdf')
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')

  t.equal((await auditRows(app, 'safeguarding_handoff_viewed')).length, 2)
  t.same((await auditRows(app, 'safeguarding_handoff_exported')).map((a) => [a.subject_id, (a.detail as { format: string }).format, a.user_id]), [[String(pupilId), 'json', lead.id], [String(pupilId), 'pdf', lead.id]])

  // DSLs only
  const plainLead = await createUser(app, [{ schoolId: school.id, role: 'lead' }])
  const pastoral = await createUser(app, [{ schoolId: school.id, role: 'pastoral' }])
  const pastoralDsl = await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }])
  const link = await createUser(app, [{ schoolId: school.id, role: 'link' }])
  const otherDsl = await createUser(app, [{ schoolId: other.id, role: 'lead', isDsl: true }])
  for (const user of [plainLead, pastoral, link]) {
    const b = await signedIn(app, user.email)
    t.equal((await b.get(url)).statusCode, 403)
    t.equal((await b.get(`${url}/export?format=pdf`)).statusCode, 403)
  }
  t.notMatch((await (await signedIn(app, plainLead.email)).get(`/s/${school.urn}/pupils/${pupilId}`)).body, '/handoff', 'a lead who is not a DSL is not offered it')
  t.equal((await (await signedIn(app, pastoralDsl.email)).get(url)).statusCode, 200, 'a pastoral DSL may')
  t.equal((await (await signedIn(app, otherDsl.email)).get(url)).statusCode, 404, 'another school’s DSL: no such page')
  t.equal((await (await signedIn(app, otherDsl.email)).get(`/s/${other.urn}/alerts/${alert.id}/handoff`)).statusCode, 404)
  t.equal((await dsl.get(`/s/${school.urn}/alerts/99999999/handoff`)).statusCode, 404)
  t.equal((await auditRows(app, 'safeguarding_handoff_exported')).length, 2, 'refusals file nothing')
})
