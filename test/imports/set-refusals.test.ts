// Who may use the set pages, and uploads of several files that are refused whole, keeping nothing:
// an unreadable file, too many files, a kind chosen for several, files too large together.
import t from 'tap'
import { Browser, auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { counts, fixture } from './helpers'
import { uploadSet } from './web-helpers'

async function pendingRows(app: Awaited<ReturnType<typeof buildTestApp>>) {
  return (await app.db.selectFrom('pending_imports').select('id').execute()).length
}

t.test('signed out, pastoral staff, link workers and another school cannot reach a set', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Set Access Academy')
  const elsewhere = await createSchool(app, 'Other School')
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@access.test' })
  await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }], { email: 'pastoral@access.test' })
  await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@access.test' })
  await createUser(app, [{ schoolId: elsewhere.id, role: 'lead' }], { email: 'lead@elsewhere.test' })
  const lead = await signedIn(app, 'lead@access.test')
  const files = [{ name: 'ctf.xml', content: fixture('ctf-sample.xml') }, { name: 'letters.csv', content: fixture('letters.csv') }]
  const preview = (await uploadSet(lead, school.urn, files)).headers.location as string

  const anonymous = new Browser(app)
  const signedOut = await anonymous.get(preview)
  t.equal(signedOut.statusCode, 303)
  t.match(signedOut.headers.location, /^\/login\?next=/, 'signed out: to the sign-in page')
  t.equal((await anonymous.request({ method: 'POST', url: `${preview}/confirm` })).statusCode, 403, 'signed out, no CSRF token: refused')

  for (const [email, status] of [['pastoral@access.test', 403], ['link@access.test', 403], ['lead@elsewhere.test', 404]] as const) {
    const browser = await signedIn(app, email)
    t.equal((await browser.get(preview)).statusCode, status, `${email}: GET the set`)
    for (const action of ['confirm', 'cancel']) {
      await browser.get('/')
      t.equal((await browser.post(`${preview}/${action}`)).statusCode, status, `${email}: POST ${action}`)
    }
    t.equal((await uploadSet(browser, school.urn, files)).statusCode, status, `${email}: upload a set`)
  }
  await lead.get(`/s/${school.urn}/imports`)
  t.equal((await lead.request({ method: 'POST', url: `${preview}/confirm`, form: { _csrf: 'forged' } })).statusCode, 403, 'a confirm without the right CSRF token is refused')
  t.equal(await pendingRows(app), 2, "the lead's set is untouched")
  t.match(await counts(app.db), { pupils: 0, letters: 0, imports: 0 })
})

t.test('bad uploads of several files get a clear message and keep nothing', async (t) => {
  const app = await buildTestApp(t, { uploadLimitBytes: 4096 })
  const school = await createSchool(app, 'Refusal Academy')
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@refuse.test' })
  const browser = await signedIn(app, 'lead@refuse.test')
  const pupils = { name: 'pupils.csv', content: fixture('pupils.csv') }

  const unreadable = await uploadSet(browser, school.urn, [pupils, { name: 'marks.xlsx', content: Buffer.from('PK\u0003\u0004 a spreadsheet') }, { name: 'blank.csv', content: Buffer.alloc(0) }])
  t.equal(unreadable.statusCode, 422)
  t.match(unreadable.body, 'The file &#x27;marks.xlsx&#x27; is not a text file (')
  t.match(unreadable.body, 'The file &#x27;blank.csv&#x27; is empty.')
  t.match(unreadable.body, 'Nothing from any of the 3 files was uploaded. Fix or leave out those files and upload the set again.')
  t.match(unreadable.body, 'href="#file"')

  const many = await uploadSet(browser, school.urn, Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.csv`, content: Buffer.from('upn\n') })))
  t.equal(many.statusCode, 422)
  t.match(many.body, 'Upload at most 20 files at once. Nothing was uploaded.')

  const kind = await uploadSet(browser, school.urn, [pupils, { name: 'letters.csv', content: fixture('letters.csv') }], 'letters')
  t.equal(kind.statusCode, 422)
  t.match(kind.body, 'Lantern works out the kind of each file when you upload several.')
  t.match(kind.body, 'href="#kind"')

  // each under the limit, together over it
  const half = Buffer.from(`upn,surname,forename,dob\n${'Q380209324001,Okafor,Amara,04/11/2014\n'.repeat(60)}`)
  t.ok(half.length < 4096 && half.length * 2 > 4096)
  const big = await uploadSet(browser, school.urn, [{ name: 'a.csv', content: half }, { name: 'b.csv', content: half }])
  t.equal(big.statusCode, 413)
  t.match(big.body, 'The files together are larger than 4 KB, the most Lantern accepts in one upload. Nothing was uploaded.')

  const empty = await uploadSet(browser, school.urn, [{ name: '', content: Buffer.alloc(0) }, { name: '', content: Buffer.alloc(0) }])
  t.equal(empty.statusCode, 422)
  t.match(empty.body, 'Choose a file to upload')

  t.equal(await pendingRows(app), 0, 'no upload kept')
  t.match(await counts(app.db), { pupils: 0, imports: 0 })
  t.equal((await auditRows(app, 'import_dry_run')).length, 0, 'never checked, as never kept')
})
