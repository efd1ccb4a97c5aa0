// The screening pages as staff use them: who may see them, what they show, and the audit they leave.
import t from 'tap'
import { buildTestApp, createSchool, createUser, signedIn, auditRows } from '../helper'
import { loadPupils, pupilId, upn } from '../screening/cohort'

const CALLUM = 'I am <b>scared</b> of getting lost and I hurt myself sometimes.'
const span = (text: string) => ({ text, start: CALLUM.indexOf(text), end: CALLUM.indexOf(text) + text.length })

async function school(t: { teardown(fn: () => unknown): void }) {
  const app = await buildTestApp(t)
  const s = await createSchool(app, 'Oak Academy')
  const lead = await createUser(app, [{ schoolId: s.id, role: 'lead', isDsl: true }], { email: 'lead@oak.test', name: 'Lee Lead' })
  await createUser(app, [{ schoolId: s.id, role: 'pastoral' }], { email: 'pastoral@oak.test' })
  await createUser(app, [{ schoolId: s.id, role: 'link' }], { email: 'link@nhs.test' })
  await loadPupils(app.db, s.id, lead.id, [
    { n: 1, surname: '=cmd|\' /C calc\'!A0', forename: 'Eve', form: '7B', attendance: { possible: 380, absent: 38 }, letter: { text: 'I like football.', analysis: { concern: 'none', interests: [{ interest: 'football', text: 'football', start: 7, end: 15 }] } } },
    {
      n: 2,
      surname: 'Hughes',
      forename: 'Callum',
      form: '7A',
      ks2: { reading: '104', maths: '101', writing: 'EXS' },
      sdq: { self: [7, 1, 3, 2, 8, 0] },
      letter: {
        text: CALLUM,
        analysis: {
          concern: 'high',
          worries: [{ theme: 'getting_lost', ...span('getting lost') }],
          safeguarding: [{ category: 'self_harm', ...span('I hurt myself') }]
        }
      }
    },
    { n: 3, surname: 'Quiet', forename: 'Quinn', form: '7A', letter: { text: 'I am frightened of everything.', analysis: { concern: 'high' } } }
  ])
  return { app, s }
}

t.test('leads and pastoral staff see the dashboard, list and profile; link workers are refused', async (t) => {
  const { app, s } = await school(t)
  for (const email of ['lead@oak.test', 'pastoral@oak.test']) {
    const b = await signedIn(app, email)
    const home = await b.get(`/s/${s.urn}`)
    t.equal(home.statusCode, 200, `${email} dashboard`)
    t.match(home.body, 'Pupils per level')
    t.match(home.body, /<svg[^>]+role="img"/, 'charts are SVG')
    t.match(home.body, 'Quiet, Quinn', 'hidden pupils are listed')
    const cells = (label: string) => [...new RegExp(`<th scope="row" class="govuk-table__header">${label}</th>(.*?)</tr>`).exec(home.body)![1]!.matchAll(/>(\d+)</g)].map((m) => Number(m[1]))
    t.same(cells('Emotional symptoms'), [0, 0, 0, 1, 2], 'SDQ bands: one pupil very high, two with no SDQ')
    t.match(home.body, /Above 50% to 90%: persistent<\/th><td class="govuk-table__cell govuk-table__cell--numeric">1</, 'attendance bins: 90.0% is persistent')
    t.match(home.body, 'href="/s/' + s.urn + '/pupils"', 'the nav links to pupils')
    const list = await b.get(`/s/${s.urn}/pupils`)
    t.equal(list.statusCode, 200)
    t.match(list.body, '3 pupils.')
    t.match(list.body, 'Getting Risk Support')
  }
  t.equal((await auditRows(app, 'pupil_list_viewed')).length, 2, 'list views are audited')
  t.equal((await auditRows(app, 'dashboard_viewed')).length, 2, 'dashboards naming hidden pupils are audited')
  const link = await signedIn(app, 'link@nhs.test')
  const id = await pupilId(app.db, s.id, 2)
  const dashboard = await link.get(`/s/${s.urn}`)
  t.equal(dashboard.headers.location, `/s/${s.urn}/supervision`, 'link worker: the school’s home is its supervision, never the dashboard')
  for (const path of ['/pupils', `/pupils/${id}`, '/pupils/export.csv', '/pupils/export.json', '/screening/settings']) {
    t.equal((await link.get(`/s/${s.urn}${path}`)).statusCode, 403, `link worker: ${path}`)
  }
  const pastoral = await signedIn(app, 'pastoral@oak.test')
  t.equal((await pastoral.get(`/s/${s.urn}/screening/settings`)).statusCode, 403, 'settings are for leads')
  t.equal((await pastoral.get(`/s/${s.urn}/pupils/999999`)).statusCode, 404)
  t.equal((await pastoral.get(`/s/${s.urn}/pupils/abc`)).statusCode, 404)
})

t.test('the list filters, searches and sorts', async (t) => {
  const { app, s } = await school(t)
  const b = await signedIn(app, 'lead@oak.test')
  const hidden = await b.get(`/s/${s.urn}/pupils?hidden=yes`)
  t.match(hidden.body, 'Showing 1 of 3 pupils')
  t.match(hidden.body, 'Quiet, Quinn')
  const search = await b.get(`/s/${s.urn}/pupils?q=${upn(2)}`)
  t.match(search.body, 'Hughes, Callum')
  t.notMatch(search.body, 'Quiet, Quinn')
  const reason = await b.get(`/s/${s.urn}/pupils?reason=ATTENDANCE_PERSISTENT_ABSENCE`)
  t.match(reason.body, 'Showing 1 of 3')
  t.match(reason.body, '&#x3D;cmd', 'names are escaped')
  const byLevel = await b.get(`/s/${s.urn}/pupils?sort=level&dir=desc`)
  t.ok(byLevel.body.indexOf('Hughes, Callum') < byLevel.body.indexOf('Quiet, Quinn'), 'risk support first')
  t.match(byLevel.body, 'aria-sort="descending"')
  t.match((await b.get(`/s/${s.urn}/pupils?form=7B&level=nonsense`)).body, 'Showing 1 of 3')
})

t.test('the profile shows the marked letter, reasons and history, and each view is audited', async (t) => {
  const { app, s } = await school(t)
  const b = await signedIn(app, 'pastoral@oak.test')
  const id = await pupilId(app.db, s.id, 2)
  const page = await b.get(`/s/${s.urn}/pupils/${id}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, '&lt;b&gt;scared&lt;/b&gt;', 'the letter is escaped')
  t.notMatch(page.body, '<b>scared</b>')
  t.match(page.body, /<mark class="lantern-mark lantern-mark--worry">getting lost<span class="lantern-mark__label"> \[Worry: getting lost\]<\/span><\/mark>/)
  t.match(page.body, /<mark class="lantern-mark lantern-mark--safeguarding">I hurt myself<span class="lantern-mark__label"> \[Safeguarding: self-harm\]<\/span><\/mark>/)
  t.match(page.body, 'Tell your designated safeguarding lead')
  t.match(page.body, 'LETTER_SAFEGUARDING')
  t.match(page.body, 'SDQ_EMOTIONAL_VERY_HIGH')
  t.match(page.body, 'SDQ profile for Hughes, Callum')
  const views = await auditRows(app, 'pupil_viewed')
  t.equal(views.length, 1)
  t.equal(views[0]!.subject_id, String(id))

  const bad = await b.post(`/s/${s.urn}/pupils/${id}/level`, { level: 'getting_help', reason: '  ' })
  t.equal(bad.statusCode, 422)
  t.match(bad.body, 'govuk-error-summary')
  t.match(bad.body, 'Say why you chose this level')
  t.match(bad.body, /value="getting_help" checked/, 'the choice is kept')
  const noLevel = await b.post(`/s/${s.urn}/pupils/${id}/level`, { reason: 'x' })
  t.equal(noLevel.statusCode, 422)
  t.match(noLevel.body, 'href="#level-thriving"')

  const ok = await b.post(`/s/${s.urn}/pupils/${id}/level`, { level: 'getting_more_help', reason: 'Known to CAMHS <already>.' })
  t.equal(ok.statusCode, 303)
  const after = await b.get(`/s/${s.urn}/pupils/${id}`)
  t.match(after.body, 'Level set to Getting More Help')
  t.match(after.body, 'Known to CAMHS &lt;already&gt;.')
  t.match(after.body, '(Lantern suggested Getting Risk Support)')
  t.equal((await auditRows(app, 'level_decided')).length, 1)
})

t.test('exports: contract columns, formulas neutralised, audited', async (t) => {
  const { app, s } = await school(t)
  const b = await signedIn(app, 'lead@oak.test')
  const csv = await b.get(`/s/${s.urn}/pupils/export.csv`)
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], 'text/csv')
  t.match(csv.headers['content-disposition'], /attachment; filename="lantern-screen-\d{6}-\d{4}-\d{2}-\d{2}\.csv"/)
  const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n')
  t.equal(lines[0], 'upn,surname,forename,form,level,score,hidden,safeguarding,reasons,opportunity,suggested_level')
  const eve = lines.find((l) => l.includes('Eve'))!
  t.equal(eve, `${upn(1)},'=cmd|' /C calc'!A0,Eve,7B,getting_advice,2,false,false,ATTENDANCE_PERSISTENT_ABSENCE,,getting_advice`, 'a formula in a name is neutralised')
  const json = await b.get(`/s/${s.urn}/pupils/export.json`)
  const rows = JSON.parse(json.body) as Array<Record<string, unknown>>
  t.equal(rows.length, 3)
  t.match(rows.find((r) => r.upn === upn(2)), { level: 'getting_risk_support', safeguarding: true, hidden: false, letter_concern: 'high', opportunity: null, sdq: { self: { emotional: 7, bands: { emotional: 'very_high' } } } })
  const audit = await auditRows(app, 'screen_exported')
  t.equal(audit.length, 2)
  t.match(audit[0]!.detail, { via: 'web', format: 'csv', pupils: 3 })
})

t.test('settings: defaults with reasons, validation, save re-screens and is audited', async (t) => {
  const { app, s } = await school(t)
  const b = await signedIn(app, 'lead@oak.test')
  const page = await b.get(`/s/${s.urn}/screening/settings`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Default 10%. The DfE counts a pupil as persistently absent')
  const bad = await b.post(`/s/${s.urn}/screening/settings`, { 'attendance.persistentAbsencePercent': 'ten', 'levels.getting_help': '0.5' })
  t.equal(bad.statusCode, 422)
  t.match(bad.body, 'Persistent absence: absent for at least this % of sessions: enter a number, like 10')
  t.match(bad.body, 'href="#attendance-persistentAbsencePercent"')
  const order = await b.post(`/s/${s.urn}/screening/settings`, { 'levels.getting_help': '0.5' })
  t.equal(order.statusCode, 422)
  t.match(order.body, 'must be higher than')
  t.match(order.body, 'href="#levels-getting_help"')
  t.equal((await auditRows(app, 'screening_settings_changed')).length, 0, 'refusals change nothing')

  const ok = await b.post(`/s/${s.urn}/screening/settings`, { 'attendance.persistentAbsencePercent': '11', 'weights.LETTER_WORRY': '3' })
  t.equal(ok.statusCode, 303)
  const audit = await auditRows(app, 'screening_settings_changed')
  t.equal(audit.length, 1)
  t.match(audit[0]!.detail, { changes: { 'attendance.persistentAbsencePercent': { from: 10, to: 11 } } })
  const stored = await app.db.selectFrom('screening_settings').select('overrides').where('school_id', '=', s.id).executeTakeFirstOrThrow()
  t.same(stored.overrides, { attendance: { persistentAbsencePercent: 11 } }, 'only what differs from the default is stored')
  t.match((await b.get(`/s/${s.urn}/screening/settings`)).body, 'Default 10% (changed)')
})

t.test('an empty school shows how to start', async (t) => {
  const app = await buildTestApp(t)
  const s = await createSchool(app, 'Empty')
  await createUser(app, [{ schoolId: s.id, role: 'lead' }], { email: 'lead@empty.test' })
  const b = await signedIn(app, 'lead@empty.test')
  const home = await b.get(`/s/${s.urn}`)
  t.equal(home.statusCode, 200)
  t.match(home.body, 'No pupils yet')
  t.match((await b.get(`/s/${s.urn}/pupils`)).body, 'No pupils yet')
})

t.test('pages only read: a pupil list over stale results writes nothing and takes no lock', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  // a pupil written outside every service: its school's results are stale
  await app.db.insertInto('pupils').values({ school_id: school.id, upn: 'A123456789012', surname: 'Outside', forename: 'Written', dob: '2014-10-01' }).execute()
  const lead = await signedIn(app, 'lead@school.test')
  t.equal((await lead.get(`/s/${school.urn}/pupils`)).statusCode, 200)
  t.equal((await lead.get(`/s/${school.urn}`)).statusCode, 200)
  t.equal((await app.db.selectFrom('screening_results').select('pupil_id').execute()).length, 0, 'no results written by a GET')
})
