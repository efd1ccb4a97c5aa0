// Hand-off to the safeguarding record: a DSL prints or exports a disclosure as the child's own words
// with the date, the context and what was done, ready to file in CPOMS or MyConcern; the page says
// plainly that Lantern is not the safeguarding record. DSLs only; every view and file audited.
import t from 'tap'
import { handoffDocument, NOT_THE_RECORD, type Handoff } from '../../server/records/handoff'
import { renderRecordPdf } from '../../server/records/pdf'
import { PDF_FONTS } from '../../server/platform/fonts'
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

t.test('the printed record says plainly what is not known yet', async (t) => {
  const doc = handoffDocument({
    format: 'lantern-disclosure/1',
    notice: NOT_THE_RECORD,
    prepared: { at: '2026-12-01T10:00:00.000Z', by: 'Dee DSL' },
    school: { urn: '123456', name: 'Synthetic Academy' },
    child: { name: 'Ada Example', legal_name: 'Ada Example', date_of_birth: '2015-03-01', upn: 'A123456789012', form: null },
    disclosure: { alert_id: 7, own_words: 'Words', passages: [], written_on: null, raised_at: '2026-11-30T09:00:00.000Z', context: 'Context' },
    what_was_done: [],
    current_outcome: null
  })
  t.equal(doc.notice, NOT_THE_RECORD)
  const section = (heading: string) => doc.sections.find((s) => s.heading === heading)!
  t.match(section('The child').entries, [[['Name', 'Ada Example'], ['Legal name', 'Ada Example'], ['Date of birth', '1 Mar 2015'], ['UPN', 'A123456789012'], ['Form', '—']]])
  t.match(section('Date and context').entries, [[['Letter written', 'Date not recorded'], ['Alert raised', '30 Nov 2026, 09:00']]])
  t.match(section('What was done'), { empty: 'Nothing recorded yet: the alert is open.', entries: [] })
  t.match(section('Outcome now'), { empty: 'No outcome recorded yet.', entries: [] })
  const pdf = await renderRecordPdf(doc, PDF_FONTS)
  t.equal(pdf.subarray(0, 5).toString(), '%PDF-')
})

t.test('an open alert exports with nothing done yet', async (t) => {
  const { app, school, login, signIn } = await demoSchool(t)
  const alert = await app.db.selectFrom('safeguarding_alerts').select('id').where('school_id', '=', school.id).where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow()
  const dsl = await signIn(login.email)
  const handoff = JSON.parse((await dsl.get(`/s/${school.urn}/alerts/${alert.id}/handoff/export?format=json`)).body) as Handoff
  t.equal(handoff.current_outcome, null)
  t.match(handoff.what_was_done, [{ action: 'Alert raised for the school’s DSLs' }])
  t.equal(handoff.what_was_done.length, 1)
})
