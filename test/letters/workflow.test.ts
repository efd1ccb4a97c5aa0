// The letters workflow through the real app: letters arrive by import or by hand, are read at once,
// a disclosure alerts every DSL of the school until one records what was done, staff review the reading.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { projectRoot } from '../../server/paths'
import { runImport } from '../../server/imports/service'
import { afterImport, letterAnalyserForImport } from '../../server/letters/analyse-on-import'
import { analysePendingLetters } from '../../server/letters/service'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'

const fixture = (name: string) => readFileSync(join(projectRoot, 'test', 'imports', 'fixtures', name))
const DISCLOSURE = 'Dear me, I like art. My step dad hits me when mum is at work and I am scared to go home.'

async function setUp(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Letters Academy')
  const dsl = await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }], { email: 'dsl@school.test', name: 'Dee DSL' })
  const lead = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test', name: 'Lee Lead' })
  await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@nhs.test' })
  const imported = await runImport(app.db, { schoolId: school.id, userId: lead.id, fileName: 'pupils.csv', content: fixture('pupils.csv'), today: '2026-11-23' })
  if (imported.errors.length) throw new Error(`pupils fixture did not import: ${JSON.stringify(imported.errors)}`)
  const pupils = await app.db.selectFrom('pupils').select(['id', 'upn', 'forename']).where('school_id', '=', school.id).orderBy('id').execute()
  return { app, school, dsl, lead, pupils }
}

async function importLetters(app: FastifyInstance, schoolId: number, userId: number, csv: string) {
  return runImport(app.db, { schoolId, userId, fileName: 'letters.csv', content: Buffer.from(csv), kind: 'letters', analyseLetter: letterAnalyserForImport(), afterWrite: afterImport, today: '2026-11-23' })
}

t.test('an imported disclosure alerts the DSLs at once, on every page, until one records what was done', async (t) => {
  const { app, school, dsl, lead, pupils } = await setUp(t)
  const upn = pupils[0]!.upn
  const result = await importLetters(app, school.id, lead.id, `upn,letter,written_on\n${upn},"${DISCLOSURE}",2026-07-03\n${pupils[1]!.upn},"I love football and I'm a bit nervous about getting lost",2026-07-03\n`)
  t.same(result.errors, [])
  const alerts = await app.db.selectFrom('safeguarding_alerts').selectAll().execute()
  t.equal(alerts.length, 1, 'one alert, for the letter with the disclosure')
  t.ok(alerts[0]!.categories.includes('physical_abuse'))
  t.equal(alerts[0]!.status, 'open')
  t.equal((await auditRows(app, 'safeguarding_alert_raised')).length, 1)

  const dslBrowser = await signedIn(app, 'dsl@school.test')
  for (const path of ['', '/letters', '/alerts']) {
    const page = await dslBrowser.get(`/s/${school.urn}${path}`)
    t.match(page.body, 'A safeguarding alert from a pupil’s letter is waiting for you.', `banner on ${path || 'home'}`)
  }
  const leadBrowser = await signedIn(app, 'lead@school.test')
  t.notMatch((await leadBrowser.get(`/s/${school.urn}`)).body, 'safeguarding alert', 'a lead who is not a DSL gets no banner')
  t.equal((await leadBrowser.get(`/s/${school.urn}/alerts`)).statusCode, 403, 'alerts are for DSLs')
  t.equal((await leadBrowser.get(`/s/${school.urn}/alerts/${alerts[0]!.id}`)).statusCode, 403)

  const alertPage = await dslBrowser.get(`/s/${school.urn}/alerts/${alerts[0]!.id}`)
  t.equal(alertPage.statusCode, 200)
  t.match(alertPage.body, /<mark class="lantern-mark lantern-mark--safeguarding">[^<]*hits me/, "the child's own words are marked")
  t.match(alertPage.body, '[Safeguarding: physical abuse]', 'the mark says what it is, not by colour alone')
  t.equal((await auditRows(app, 'safeguarding_alert_viewed')).length, 1)

  const blank = await dslBrowser.post(`/s/${school.urn}/alerts/${alerts[0]!.id}`, { outcome: 'not_a_concern', reason: '' })
  t.equal(blank.statusCode, 422)
  t.match(blank.body, 'Say why this is not a safeguarding concern')
  t.equal((await app.db.selectFrom('safeguarding_alerts').select('status').executeTakeFirstOrThrow()).status, 'open', 'nothing recorded')

  const done = await dslBrowser.post(`/s/${school.urn}/alerts/${alerts[0]!.id}`, { outcome: 'referral_made', reason: 'Referred to MASH by phone 10:40, ref 1234; mum informed by social worker.' })
  t.equal(done.statusCode, 303)
  const handled = await app.db.selectFrom('safeguarding_alerts').selectAll().executeTakeFirstOrThrow()
  t.equal(handled.status, 'handled')
  t.equal(handled.outcome, 'referral_made')
  t.equal(handled.handled_by, dsl.id)
  t.notMatch((await dslBrowser.get(`/s/${school.urn}`)).body, 'waiting for you', 'the banner goes once handled')
  const list = await dslBrowser.get(`/s/${school.urn}/alerts`)
  t.match(list.body, 'Referral made', 'a handled alert stays listed')
  const events = await app.db.selectFrom('safeguarding_alert_events').select('action').orderBy('id').execute()
  t.same(events.map((e) => e.action), ['raised', 'referral_made'])
  t.equal((await auditRows(app, 'safeguarding_alert_handled')).length, 1)

  // re-importing the same file raises nothing new
  await importLetters(app, school.id, lead.id, `upn,letter,written_on\n${upn},"${DISCLOSURE}",2026-07-03\n`)
  t.equal((await app.db.selectFrom('safeguarding_alerts').select('id').execute()).length, 1)
})

t.test('staff review what Lantern read; the decision and its history are kept beside the reading', async (t) => {
  const { app, school, pupils, lead } = await setUp(t)
  await importLetters(app, school.id, lead.id, `upn,letter,written_on\n${pupils[0]!.upn},"I like <b>drama</b> and I'm a bit nervous about homework",2026-07-03\n`)
  const letter = await app.db.selectFrom('letters').selectAll().executeTakeFirstOrThrow()
  t.equal(letter.concern, 'some')
  const b = await signedIn(app, 'lead@school.test')
  const awaiting = await b.get(`/s/${school.urn}/letters`)
  t.match(awaiting.body, `/s/${school.urn}/letters/${letter.id}`)
  const page = await b.get(`/s/${school.urn}/letters/${letter.id}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, '&lt;b&gt;', 'letter text is escaped')
  t.notMatch(page.body, '<b>drama</b>')
  t.match(page.body, '[Interest: drama]')
  t.match(page.body, /value="drama" checked/)
  t.equal((await auditRows(app, 'letter_viewed')).length, 1)

  const bad = await b.post(`/s/${school.urn}/letters/${letter.id}/review`, { concern: 'extreme' })
  t.equal(bad.statusCode, 422)
  const ok = await b.request({ method: 'POST', url: `/s/${school.urn}/letters/${letter.id}/review`, payload: `_csrf=${encodeURIComponent(b.csrf!)}&concern=high&worries=workload&worries=friendships&interests=drama&note=Talked+to+her`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  t.equal(ok.statusCode, 303)
  const reviewed = await app.db.selectFrom('letters').selectAll().executeTakeFirstOrThrow()
  t.equal(reviewed.concern, 'some', "Lantern's reading is kept")
  t.equal(reviewed.review_concern, 'high', 'and the staff decision beside it')
  t.same(reviewed.review_worries, ['workload', 'friendships'])
  t.same(reviewed.review_interests, ['drama'])
  const history = await app.db.selectFrom('letter_reviews').selectAll().execute()
  t.equal(history.length, 1)
  t.equal(history[0]!.analyser_concern, 'some')
  t.equal((await auditRows(app, 'letter_reviewed')).length, 1)
  const screened = await app.db.selectFrom('screening_results').selectAll().where('pupil_id', '=', reviewed.pupil_id).executeTakeFirstOrThrow()
  t.ok(JSON.stringify(screened.reasons).includes('LETTER_WORRY'), 'screening now uses the staff decision (high concern)')
  t.notMatch((await b.get(`/s/${school.urn}/letters`)).body, `/letters/${letter.id}"`, 'no longer awaiting review')
})

t.test('a letter typed on the pupil’s page is read at once; a disclosure alerts the DSL', async (t) => {
  const { app, school, pupils } = await setUp(t)
  const b = await signedIn(app, 'lead@school.test')
  const form = await b.get(`/s/${school.urn}/pupils/${pupils[2]!.id}/letters/new`)
  t.equal(form.statusCode, 200)
  const empty = await b.post(`/s/${school.urn}/pupils/${pupils[2]!.id}/letters`, { text: '  ', written_on: '03/07/2026' })
  t.equal(empty.statusCode, 422)
  t.match(empty.body, 'Enter the letter as the pupil wrote it')
  t.match(empty.body, 'Enter the date as YYYY-MM-DD')
  const saved = await b.post(`/s/${school.urn}/pupils/${pupils[2]!.id}/letters`, { text: 'sumtimes i cut my arm so i feel better', written_on: '2026-07-04' })
  t.equal(saved.statusCode, 303)
  const alert = await app.db.selectFrom('safeguarding_alerts').selectAll().executeTakeFirstOrThrow()
  t.ok(alert.categories.includes('self_harm'))
  t.equal(alert.pupil_id, pupils[2]!.id)
  await b.get(`/s/${school.urn}/pupils/${pupils[2]!.id}/letters/new`)
  const clash = await b.post(`/s/${school.urn}/pupils/${pupils[2]!.id}/letters`, { text: 'another', written_on: '2026-07-04' })
  t.equal(clash.statusCode, 409)
  t.match(clash.body, 'already has a letter dated 2026-07-04')
  t.equal((await auditRows(app, 'letter_added')).length, 1)
})

t.test('letters are read again when the analyser changes, and a new reading can raise an alert', async (t) => {
  const { app, school, pupils, lead } = await setUp(t)
  await runImport(app.db, { schoolId: school.id, userId: lead.id, fileName: 'l.csv', content: Buffer.from(`upn,letter\n${pupils[0]!.upn},"my uncle touches me and says its our secret"\n`), kind: 'letters', today: '2026-11-23' })
  t.equal((await app.db.selectFrom('letters').select('analyser_version').executeTakeFirstOrThrow()).analyser_version, null, 'stored unread without an analyser')
  const first = await analysePendingLetters(app.db)
  t.equal(first.analysed, 1)
  t.equal(first.alerts, 1)
  await app.db.updateTable('letters').set({ analyser_version: '0.0.1' }).execute()
  const again = await analysePendingLetters(app.db)
  t.equal(again.analysed, 1, 'read again by the new version')
  t.equal(again.alerts, 0, 'the same text raises no second alert')
})

t.test('link workers and other schools see no letters or alerts', async (t) => {
  const { app, school } = await setUp(t)
  const link = await signedIn(app, 'link@nhs.test')
  t.equal((await link.get(`/s/${school.urn}/letters`)).statusCode, 403)
  t.equal((await link.get(`/s/${school.urn}/alerts`)).statusCode, 403)
})

t.test('letters awaiting review come in priority order, with the signs of distress in the pupil’s words; older analyses still sort', async (t) => {
  const { app, school, pupils, lead } = await setUp(t)
  const quiet = 'I like art. My dad left us and I keep my head down <now>.'
  await importLetters(app, school.id, lead.id, `upn,letter,written_on\n${pupils[0]!.upn},"I like football and I'm a bit nervous about getting lost",2026-07-03\n${pupils[1]!.upn},"${quiet}",2026-07-03\n${pupils[2]!.upn},"I like art and drama.",2026-07-03\n`)
  const letters = await app.db.selectFrom('letters').select(['id', 'pupil_id', 'analysis']).orderBy('id').execute()
  t.ok(letters.every((l) => typeof (l.analysis as { priority?: unknown }).priority === 'number'), 'priority stored with the analysis')
  // a letter read by 1.3.0 has no priority: it sorts by its concern
  await app.db.updateTable('letters').set({ analysis: JSON.stringify({ concern: 'high', worries: [], interests: [], strengths: [], safeguarding: [] }), concern: 'high', analyser_version: '1.3.0' }).where('id', '=', letters[2]!.id).execute()
  const b = await signedIn(app, 'lead@school.test')
  const body = (await b.get(`/s/${school.urn}/letters`)).body
  const at = (id: number) => body.indexOf(`/letters/${id}"`)
  t.ok(at(letters[1]!.id) > 0 && at(letters[1]!.id) < at(letters[2]!.id) && at(letters[2]!.id) < at(letters[0]!.id), 'high with families, then an old high (the foot of the high band), then ordinary nerves')
  t.match(body, 'loss and grief')
  t.notMatch(body, 'Possible safeguarding disclosure', 'no disclosure in these letters')
  t.match(body, '“My dad left us”')
  const page = (await b.get(`/s/${school.urn}/letters/${letters[1]!.id}`)).body
  t.match(page, 'lantern-mark--family')
  t.match(page, '[Distress: avoidance')
  t.match(page, '&lt;now&gt;', 'the letter stays escaped')
  t.match(page, 'Read as a whole', 'the whole-letter reading is shown with the words that weighed most')
  t.match(page, 'Words that weighed most: “')
  const old = (await b.get(`/s/${school.urn}/letters/${letters[2]!.id}`)).body
  t.notMatch(old, 'Read as a whole', 'an analysis from before 1.7.0 shows no whole-letter reading')
})

t.test('a disclosure only the whole-letter reading finds reaches the DSL as an alert that says so', async (t) => {
  const { app, school, lead, pupils } = await setUp(t)
  // a development letter (blind5 p024) that no phrase rule matches and the disclosure reading does
  const row = readFileSync(join(projectRoot, 'test', 'fixtures', 'letters', 'blind5-disclosures.jsonl'), 'utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; letter: string }).find((r) => r.id === 'p024')!
  const csv = `upn,letter,written_on\n${pupils[0]!.upn},"${row.letter.replace(/"/g, '""')}",2026-07-03\n`
  t.same((await importLetters(app, school.id, lead.id, csv)).errors, [])
  const alert = await app.db.selectFrom('safeguarding_alerts').selectAll().executeTakeFirstOrThrow()
  const passages = alert.passages as Array<{ category: string; learned?: boolean }>
  t.ok(passages.length > 0 && passages.every((p) => p.learned === true), 'the alert keeps that its passage was read, not matched')
  await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'dsl-lead@school.test' })
  const dsl = await signedIn(app, 'dsl-lead@school.test')
  const page = await dsl.get(`/s/${school.urn}/alerts/${alert.id}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, /id="read-as-whole">[^<]*no phrase Lantern knows says this/, 'the alert page tells the DSL how it was found')
  const letter = await app.db.selectFrom('letters').select('id').where('pupil_id', '=', pupils[0]!.id).executeTakeFirstOrThrow()
  t.match((await dsl.get(`/s/${school.urn}/letters/${letter.id}`)).body, 'id="read-as-whole"', 'and so does the letter page')
  // an alert matched by a phrase says nothing of the kind
  await importLetters(app, school.id, lead.id, `upn,letter,written_on\n${pupils[1]!.upn},"${DISCLOSURE}",2026-07-03\n`)
  const phrase = await app.db.selectFrom('safeguarding_alerts').select('id').where('pupil_id', '=', pupils[1]!.id).executeTakeFirstOrThrow()
  t.notMatch((await dsl.get(`/s/${school.urn}/alerts/${phrase.id}`)).body, 'read-as-whole')
  // the DSL's list marks the one the reading found, and only that one
  const list = (await dsl.get(`/s/${school.urn}/alerts`)).body
  t.equal(list.match(/Read as a whole: no known phrase/g)?.length, 1, 'one alert in the list is marked as read as a whole')
  const rows = list.split('<tr class="govuk-table__row">')
  t.match(rows.find((r) => r.includes(`/alerts/${alert.id}"`)), 'Read as a whole', 'the reading’s alert')
  t.notMatch(rows.find((r) => r.includes(`/alerts/${phrase.id}"`)), 'Read as a whole', 'not the phrase’s')
})
