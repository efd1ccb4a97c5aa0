// Several files in one upload on the import page: one check of the whole set in import order, one
// preview, one confirmation that imports every file or none; each file still one import to roll back.
import t from 'tap'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { counts, fixture } from './helpers'
import { uploadSet } from './web-helpers'

async function pendingRows(app: FastifyInstance) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pending_imports`.execute(app.db)
  return rows[0]?.n ?? 0
}

async function setUp(t: { teardown(fn: () => unknown): void }) {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Set Academy')
  await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@set.test', name: 'Sam Lead' })
  return { app, school, browser: await signedIn(app, 'lead@set.test') }
}

const BAD_LETTERS = Buffer.from('upn,written_on,letter\nNOT-A-UPN,2026-07-01,hello\nQ380209324001,2026-02-30,hi\n')

t.test('a CTF and the letters about its pupils, uploaded letters first: previewed and imported CTF first, as one', async (t) => {
  const { app, school, browser } = await setUp(t)
  const res = await uploadSet(browser, school.urn, [{ name: 'letters.csv', content: fixture('letters.csv') }, { name: 'transfer.xml', content: fixture('ctf-sample.xml') }])
  t.equal(res.statusCode, 303)
  const preview = res.headers.location as string
  t.match(preview, new RegExp(`^/s/${school.urn}/imports/sets/[0-9a-f-]{36}$`))
  t.match(await counts(app.db), { pupils: 0, letters: 0, imports: 0 }, 'nothing written before the lead confirms')
  const waiting = await app.db.selectFrom('pending_imports').select(['file_name', 'position', 'set_id']).orderBy('position').execute()
  t.same(waiting.map((w) => [w.file_name, w.position]), [['transfer.xml', 0], ['letters.csv', 1]], 'one row per file, in import order')
  t.equal(new Set(waiting.map((w) => w.set_id)).size, 1, 'sharing one set id')
  const checked = await auditRows(app, 'import_dry_run')
  t.equal(checked.length, 1, 'the check of the set is audited once')
  t.match(checked[0]?.detail, { status: 'dry_run', set: [{ file_name: 'transfer.xml', kind: 'ctf', rows: 3, errors: 0 }, { file_name: 'letters.csv', kind: 'letters', rows: 3, errors: 0 }] })

  const page = await browser.get(preview)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Check these files before importing')
  t.match(page.body, '2 files, 3 pupils and 3 letters; nothing is written until you confirm.')
  const at = (text: string) => page.body.indexOf(text)
  t.ok(at('id="file-1">1. <span class="lantern-file-name">transfer.xml') > 0 && at('transfer.xml') < at('letters.csv'), 'the CTF comes first')
  t.match(page.body, 'Common Transfer File (CTF, XML)')
  t.match(page.body, 'Letters to self')
  t.match(page.body, '3 new letters, 0 updated letters', 'the letters find the pupils the CTF adds')
  t.match(page.body, /<code class="lantern-column">letter<\/code>/, "the letters' column mapping")
  t.match(page.body, 'Okafor', 'first rows of the CTF')
  t.match(page.body, 'Import all 2 files')
  t.notMatch(page.body, 'Change it', 'no kind control for a set')

  const confirmed = await browser.post(`${preview}/confirm`)
  t.equal(confirmed.statusCode, 303)
  t.equal(confirmed.headers.location, `/s/${school.urn}/imports`)
  t.match(await counts(app.db), { pupils: 3, letters: 3 })
  t.equal(await pendingRows(app), 0, 'the set is deleted once imported')
  const imports = await app.db.selectFrom('imports').select(['file_name', 'kind', 'status', 'user_id']).where('dry_run', '=', false).orderBy('id').execute()
  t.match(imports, [{ file_name: 'transfer.xml', kind: 'ctf', status: 'committed' }, { file_name: 'letters.csv', kind: 'letters', status: 'committed' }], 'one import per file, as today')
  t.equal((await auditRows(app, 'import')).length, 2, 'each file audited as imported')
  const history = await browser.get(`/s/${school.urn}/imports`)
  t.match(history.body, 'Imported 2 files together: 3 pupils and 3 letters. Each file is in the import history below.')
  t.match(history.body, `/s/${school.urn}/imports/rollback/ctf`)
  t.match(history.body, `/s/${school.urn}/imports/rollback/letters`)
  t.equal((await browser.post(`${preview}/confirm`)).statusCode, 404, 'a second confirm finds nothing to import')
  t.equal((await counts(app.db)).imports, 2)

  // undo works per file: the CTF waits for the letters that rest on its pupils
  await browser.get(`/s/${school.urn}/imports/rollback/ctf`)
  t.equal((await browser.post(`/s/${school.urn}/imports/rollback/ctf`)).statusCode, 409)
  await browser.get(`/s/${school.urn}/imports/rollback/letters`)
  t.equal((await browser.post(`/s/${school.urn}/imports/rollback/letters`)).statusCode, 303)
  await browser.get(`/s/${school.urn}/imports/rollback/ctf`)
  t.equal((await browser.post(`/s/${school.urn}/imports/rollback/ctf`)).statusCode, 303)
  t.match(await counts(app.db), { pupils: 0, letters: 0 })
})

t.test('a set with one bad file: every problem shown, and confirming writes nothing from any file', async (t) => {
  const { app, school, browser } = await setUp(t)
  const res = await uploadSet(browser, school.urn, [
    { name: 'ctf.xml', content: fixture('ctf-sample.xml') },
    { name: 'bad-letters.csv', content: BAD_LETTERS },
    { name: 'attendance.csv', content: fixture('attendance.csv') }
  ])
  t.equal(res.statusCode, 303)
  const preview = res.headers.location as string
  const page = await browser.get(preview)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'These files cannot be imported yet')
  t.match(page.body, '3 files: nothing from any of them will be imported until every problem is fixed.')
  t.match(page.body, 'This file has problems: &#x27;bad-letters.csv&#x27;.')
  t.match(page.body, /href="#file-3-problems">2 problems in &#x27;bad-letters.csv&#x27;/, 'the summary links to the file with problems (third: letters come after attendance)')
  t.match(page.body, /<td class="govuk-table__cell">2<\/td>\s*<td class="govuk-table__cell">upn<\/td>/)
  t.match(page.body, /<td class="govuk-table__cell">3<\/td>\s*<td class="govuk-table__cell">written_on<\/td>/)
  t.match(page.body, '3 new pupils, 0 updated pupils', 'the good files still show what they would do')
  t.notMatch(page.body, '/confirm"', 'no import button')

  const forced = await browser.post(`${preview}/confirm`)
  t.equal(forced.statusCode, 303)
  t.equal(forced.headers.location, preview, 'back to the report')
  t.match(await counts(app.db), { pupils: 0, attendance: 0, letters: 0, imports: 0 }, 'all or nothing')
  t.equal(await pendingRows(app), 3, 'the set still waits, with its report')
  t.match((await browser.get(preview)).body, '2 problems in &#x27;bad-letters.csv&#x27;')
  t.match((await auditRows(app, 'import')).at(-1)?.detail, { status: 'refused' }, 'the refused confirm is audited')
})

t.test('only the lead who uploaded sees, confirms or cancels the set; it expires; cancel deletes it', async (t) => {
  const { app, school, browser } = await setUp(t)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'other-lead@set.test' })
  const files = [{ name: 'letters.csv', content: fixture('letters.csv') }, { name: 'ctf.xml', content: fixture('ctf-sample.xml') }]
  const preview = (await uploadSet(browser, school.urn, files)).headers.location as string

  const other = await signedIn(app, 'other-lead@set.test')
  t.equal((await other.get(preview)).statusCode, 404, 'another lead cannot see it')
  t.match((await other.get(preview)).body, 'That upload is not waiting for you')
  await other.get(`/s/${school.urn}/imports`)
  t.equal((await other.post(`${preview}/confirm`)).statusCode, 404, 'nor confirm it')
  t.equal((await other.post(`${preview}/cancel`)).statusCode, 404, 'nor cancel it')
  t.equal(await pendingRows(app), 2, "the lead's set is untouched")
  t.equal((await counts(app.db)).pupils, 0)
  const oneFile = await app.db.selectFrom('pending_imports').select('id').where('position', '=', 0).executeTakeFirstOrThrow()
  t.equal((await browser.get(`/s/${school.urn}/imports/pending/${oneFile.id}`)).statusCode, 303, 'a file of a set cannot be previewed or confirmed on its own')
  await browser.get(`/s/${school.urn}/imports`)
  await browser.post(`/s/${school.urn}/imports/pending/${oneFile.id}/confirm`)
  t.equal((await counts(app.db)).pupils, 0)

  await sql`update pending_imports set expires_at = now() - interval '1 minute'`.execute(app.db)
  t.equal((await browser.get(preview)).statusCode, 404, 'an hour on, the set has expired')
  await browser.get(`/s/${school.urn}/imports`)
  t.equal((await browser.post(`${preview}/confirm`)).statusCode, 404)
  t.equal((await counts(app.db)).pupils, 0, 'an expired set is never imported')
  const fresh = (await uploadSet(browser, school.urn, files)).headers.location as string
  t.equal(await pendingRows(app), 2, 'the expired set is deleted when a new upload arrives')

  await browser.get(fresh)
  const cancelled = await browser.post(`${fresh}/cancel`)
  t.equal(cancelled.statusCode, 303)
  t.equal(await pendingRows(app), 0, 'cancel deletes every file of the set')
  t.match((await browser.get(`/s/${school.urn}/imports`)).body, 'Upload cancelled. Nothing from any of the 2 files was imported.')
  t.match(await auditRows(app, 'import_cancelled'), [{ subject_type: 'pending_import_set', detail: { files: 2 } }])
  t.equal((await browser.get(fresh)).statusCode, 404)
  t.equal((await browser.get(`/s/${school.urn}/imports/sets/not-a-uuid`)).statusCode, 404)
})
