// The import page as a lead uses it: upload → check → confirm, the problem report, the kind
// correction, the size cap, history and rollback; and who may not use it.
import t from 'tap'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { fixture } from './helpers'
import { upload } from './web-helpers'

async function rowCount(app: FastifyInstance, table: string) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(app.db)
  return rows[0]?.n ?? 0
}

async function setUp(t: { teardown(fn: () => unknown): void }, overrides = {}) {
  const app = await buildTestApp(t, overrides)
  const school = await createSchool(app, 'Upload Academy')
  await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@upload.test', name: 'Lee Lead' })
  await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'pastoral@upload.test' })
  return { app, school, browser: await signedIn(app, 'lead@upload.test') }
}

t.test('upload, check, confirm: the whole file goes in, with history and audit', async (t) => {
  const { app, school, browser } = await setUp(t)
  const page = await browser.get(`/s/${school.urn}/imports`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'enctype="multipart/form-data"')
  t.match(page.body, /action="\/s\/\d+\/imports\?_csrf=[^"]+"/, 'the CSRF token travels in the query string')
  t.match(page.body, '<script src="/public/js/imports.js" defer></script>')
  t.match(page.body, 'Nothing has been imported')

  const res = await upload(browser, school.urn, { name: 'C:\\fakepath\\ctf-sample.xml', content: fixture('ctf-sample.xml') })
  t.equal(res.statusCode, 303)
  const preview = res.headers.location as string
  t.match(preview, new RegExp(`^/s/${school.urn}/imports/pending/[0-9a-f-]{36}$`))
  t.equal(await rowCount(app, 'pupils'), 0, 'nothing written before the lead confirms')
  t.equal(await rowCount(app, 'pending_imports'), 1, 'the upload waits in PostgreSQL')
  t.equal((await auditRows(app, 'import_dry_run')).length, 1, 'the check is audited')

  const check = await browser.get(preview)
  t.equal(check.statusCode, 200)
  t.match(check.body, 'Check before importing')
  t.match(check.body, 'ctf-sample.xml')
  t.notMatch(check.body, 'fakepath', 'only the file name is kept, never a path')
  t.match(check.body, 'Common Transfer File (CTF, XML)')
  t.match(check.body, '3 new pupils, 0 updated pupils')
  t.match(check.body, 'Okafor', 'first rows are shown')
  t.match(check.body, 'Import 3 pupils')

  const confirmed = await browser.post(`${preview}/confirm`)
  t.equal(confirmed.statusCode, 303)
  t.equal(confirmed.headers.location, `/s/${school.urn}/imports`)
  t.equal(await rowCount(app, 'pupils'), 3)
  t.equal(await rowCount(app, 'pending_imports'), 0, 'the upload is deleted once imported')
  const audit = await auditRows(app, 'import')
  t.equal(audit.length, 1)
  t.match(audit[0], { school_id: school.id, subject_type: 'import' })
  t.ok(audit[0]?.user_id, 'audited as the lead')

  const history = await browser.get(`/s/${school.urn}/imports`)
  t.match(history.body, 'Imported &#x27;ctf-sample.xml&#x27;')
  t.match(history.body, 'Lee Lead')
  t.match(history.body, `/s/${school.urn}/imports/rollback/ctf`)
  t.equal((await browser.get(preview)).statusCode, 303, 'a confirmed upload is gone')
  await browser.get(`/s/${school.urn}/imports`)
  const twice = await browser.post(`${preview}/confirm`)
  t.equal(twice.statusCode, 303, 'a second confirm (a double click) imports nothing')
  t.equal(await rowCount(app, 'imports'), 2, 'one dry run and one import')

  // A CSV with the column mapping and ignored columns shown.
  const csv = await upload(browser, school.urn, { name: 'pupils.csv', content: Buffer.from('UPN,Legal Surname,Forename,Date of Birth,Reg Group,Locker Number\nQ380209324001,Okafor,Amara,04/11/2014,7KM,12\n') })
  const csvCheck = await browser.get(csv.headers.location as string)
  t.match(csvCheck.body, /Legal Surname<\/td><td class="govuk-table__cell"><code class="lantern-column">surname<\/code>/)
  t.match(csvCheck.body, 'Locker Number')
  const at = (text: string) => csvCheck.body.indexOf(text)
  t.ok(at('>UPN</td>') < at('>Legal Surname</td>') && at('>Legal Surname</td>') < at('>Reg Group</td>'), "columns in the file's order")
  t.match(csvCheck.body, /<th scope="col" class="govuk-table__header">UPN<\/th><th scope="col" class="govuk-table__header">Temporary UPN<\/th><th scope="col" class="govuk-table__header">Surname<\/th>/, 'first rows keep the column order, with readable headings')
  t.match(csvCheck.body, '0 new pupils, 1 updated pupil')
  await browser.post(`${csv.headers.location}/cancel`)
  t.equal(await rowCount(app, 'pending_imports'), 0, 'cancel deletes the upload')
  t.equal((await auditRows(app, 'import_cancelled')).length, 1)
})

t.test('a file with problems lists each by row, field and message, and writes nothing', async (t) => {
  const { app, school, browser } = await setUp(t)
  const content = Buffer.from('upn,surname,forename,dob\nA123456789001,Smith,Jo,2015-01-01\nQ380209324001,Okafor,Amara,31/02/2015\n')
  const res = await upload(browser, school.urn, { name: 'pupils.csv', content })
  const page = await browser.get(res.headers.location as string)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'This file cannot be imported yet')
  t.match(page.body, '2 problems in this file: nothing has been imported')
  t.match(page.body, /<td class="govuk-table__cell">2<\/td>\s*<td class="govuk-table__cell">upn<\/td>\s*<td class="govuk-table__cell">Row 2, UPN &#x27;A123456789001&#x27;: the check letter should be Y/)
  t.match(page.body, /<td class="govuk-table__cell">3<\/td>\s*<td class="govuk-table__cell">dob<\/td>\s*<td class="govuk-table__cell">Row 3, dob &#x27;31\/02\/2015&#x27;: is not a real date/)
  t.notMatch(page.body, '/confirm"', 'no import button')
  const forced = await browser.post(`${res.headers.location}/confirm`)
  t.equal(forced.statusCode, 303)
  t.equal(forced.headers.location, res.headers.location, 'back to the report')
  t.match((await browser.get(res.headers.location as string)).body, '2 problems in this file', 'the upload still waits, with its report')
  t.equal(await rowCount(app, 'pupils'), 0, 'a confirm of a bad file writes nothing')
  t.equal(await rowCount(app, 'imports'), 0)
  t.equal(await rowCount(app, 'pending_imports'), 1)
})

t.test('the lead corrects the kind and Lantern checks again', async (t) => {
  const { app, school, browser } = await setUp(t)
  await upload(browser, school.urn, { name: 'ctf.xml', content: fixture('ctf-sample.xml') }).then((r) => browser.post(`${r.headers.location}/confirm`))
  // A letters file whose headings Lantern cannot place.
  const content = Buffer.from('Pupil UPN,Date Written,Message\nQ380209324001,2026-07-03,"I like art."\n')
  const res = await upload(browser, school.urn, { name: 'mystery.csv', content })
  const first = await browser.get(res.headers.location as string)
  t.match(first.body, 'Not recognised')
  t.match(first.body, 'cannot tell what this file holds')
  const corrected = await browser.post(`${res.headers.location}/kind`, { kind: 'letters' })
  t.equal(corrected.statusCode, 303)
  const again = await browser.get(res.headers.location as string)
  t.match(again.body, 'Letters to self')
  t.match(again.body, 'the file has no letter column', 'checked as letters now')
  t.match(again.body, '<option value="letters" selected>')

  const pupils = await upload(browser, school.urn, { name: 'pupils.csv', content: fixture('pupils.csv') }, 'attendance')
  const asAttendance = await browser.get(pupils.headers.location as string)
  t.match(asAttendance.body, 'sessions possible column', 'the kind chosen at upload is used')
  await browser.post(`${pupils.headers.location}/kind`, { kind: 'pupils' })
  const asPupils = await browser.get(pupils.headers.location as string)
  t.match(asPupils.body, 'Import 3 pupils')
  await browser.post(`${pupils.headers.location}/confirm`)
  t.equal((await app.db.selectFrom('pupils').select('form').where('upn', '=', 'Q380209324001').executeTakeFirstOrThrow()).form, '7KM')
  const bad = await browser.post(`${pupils.headers.location}/kind`, { kind: 'spreadsheet' })
  t.equal(bad.statusCode, 303, 'an unknown kind is refused (the upload has gone anyway)')
})

t.test('uploads over the limit are refused with 413 and nothing is kept', async (t) => {
  const { app, school, browser } = await setUp(t, { uploadLimitBytes: 1024 })
  const big = Buffer.from(`upn,surname,forename,dob\n${'Q380209324001,Okafor,Amara,04/11/2014\n'.repeat(100)}`)
  const res = await upload(browser, school.urn, { name: 'big.csv', content: big })
  t.equal(res.statusCode, 413)
  t.match(res.body, 'The file is larger than 1 KB, the most Lantern accepts. Nothing was uploaded.')
  t.match(res.body, 'govuk-error-summary')
  t.equal(await rowCount(app, 'pending_imports'), 0)
  t.equal(await rowCount(app, 'imports'), 0)
  t.equal(await rowCount(app, 'pupils'), 0)

  const none = await upload(browser, school.urn, { name: '', content: Buffer.alloc(0) })
  t.equal(none.statusCode, 422)
  t.match(none.body, 'Choose a file to upload')
  const noToken = await browser.request({ method: 'POST', url: `/s/${school.urn}/imports`, payload: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x' } })
  t.equal(noToken.statusCode, 403, 'no CSRF token, no upload')
})

t.test('rollback from the page, with a confirm step', async (t) => {
  const { app, school, browser } = await setUp(t)
  for (const file of ['ctf-sample.xml', 'letters.csv']) {
    const r = await upload(browser, school.urn, { name: file, content: fixture(file) })
    await browser.post(`${r.headers.location}/confirm`)
  }
  t.equal(await rowCount(app, 'letters'), 3)
  const blocked = await browser.get(`/s/${school.urn}/imports/rollback/ctf`)
  t.equal(blocked.statusCode, 200)
  const refused = await browser.post(`/s/${school.urn}/imports/rollback/ctf`)
  t.equal(refused.statusCode, 409)
  t.match(refused.body, 'Roll those imports back first')
  t.equal(await rowCount(app, 'pupils'), 3)

  const confirm = await browser.get(`/s/${school.urn}/imports/rollback/letters`)
  t.match(confirm.body, 'Roll back this import?')
  t.match(confirm.body, 'letters.csv')
  const done = await browser.post(`/s/${school.urn}/imports/rollback/letters`)
  t.equal(done.statusCode, 303)
  t.equal(await rowCount(app, 'letters'), 0)
  const page = await browser.get(`/s/${school.urn}/imports`)
  t.match(page.body, 'Rolled back &#x27;letters.csv&#x27;: removed the 3 records it added and put back the 0 records it changed.')
  t.match(page.body, 'govuk-tag--grey">Rolled back')
  t.equal((await browser.get(`/s/${school.urn}/imports/rollback/letters`)).statusCode, 404, 'nothing left to roll back')
  t.equal((await browser.get(`/s/${school.urn}/imports/rollback/nonsense`)).statusCode, 404)
  t.match((await auditRows(app, 'import_rollback')).map((a) => (a.detail as { status: string }).status), ['refused', 'rolled_back'])
})

t.test('pastoral staff get 403 on every import page; the nav link is for leads', async (t) => {
  const { app, school, browser } = await setUp(t)
  const r = await upload(browser, school.urn, { name: 'ctf.xml', content: fixture('ctf-sample.xml') })
  const pendingUrl = r.headers.location as string
  t.match((await browser.get(`/s/${school.urn}`)).body, `href="/s/${school.urn}/imports"`)

  const pastoral = await signedIn(app, 'pastoral@upload.test')
  const home = await pastoral.get(`/s/${school.urn}`)
  t.notMatch(home.body, `/s/${school.urn}/imports`, 'no Imports link or card for pastoral staff')
  for (const url of ['/imports', '/imports/rollback/ctf', pendingUrl.replace(`/s/${school.urn}`, '')]) {
    t.equal((await pastoral.get(`/s/${school.urn}${url}`)).statusCode, 403, `GET ${url}`)
  }
  for (const url of [`${pendingUrl}/confirm`, `${pendingUrl}/cancel`, `${pendingUrl}/kind`, `/s/${school.urn}/imports/rollback/ctf`]) {
    await pastoral.get(`/s/${school.urn}`)
    t.equal((await pastoral.post(url, { kind: 'ctf' })).statusCode, 403, `POST ${url}`)
  }
  const attempt = await upload(pastoral, school.urn, { name: 'ctf.xml', content: fixture('ctf-sample.xml') })
  t.equal(attempt.statusCode, 403)
  t.equal(await rowCount(app, 'pupils'), 0)
  t.equal(await rowCount(app, 'pending_imports'), 1, "the lead's upload is untouched")
})
