// Bytes that are not the UTF-8 or Windows-1252 text most files are: UTF-16 with a byte-order mark is
// read; NUL bytes and binary files (a spreadsheet, an archive, an image, a PDF) are refused with one
// message naming the file and saying what to do — by the runner, the command line and the upload page,
// with nothing written and no upload left waiting.
import t from 'tap'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { runImport } from '../../server/imports/service'
import { readCsv } from '../../server/imports/csv'
import { decodeText, notTextReason } from '../../server/imports/text'
import { connect } from '../../server/db/connect'
import { createTestDatabase } from '../db'
import { runCli } from '../cli/run'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { counts, fixture, setUp, TODAY } from './helpers'
import { upload } from './web-helpers'

const PUPILS = 'upn,surname,forename,dob\nQ380209324001,Okafor,Zoë,2014-11-04\nE380209324002,Hughes,Callum,2015-02-19\n'
const utf16le = (text: string) => Buffer.from('\uFEFF' + text, 'utf16le')
const utf16be = (text: string) => Buffer.from('\uFEFF' + text, 'utf16le').swap16()
const withNul = Buffer.from(PUPILS.replace('Hughes', 'Hug\u0000hes'), 'utf8')

// What schools upload by mistake: the first bytes of each, then something binary-looking.
const BINARY: Array<[string, Buffer, RegExp]> = [
  ['pupils.csv', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml'), Buffer.alloc(64)]), /it looks like a ZIP archive, such as an Excel \.xlsx/],
  ['pupils.csv', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]), /it looks like an old Excel \.xls/],
  ['logo.csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR'), Buffer.alloc(32, 1)]), /it looks like a PNG image/],
  ['report.csv', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /it looks like a PDF/],
  ['pupils.csv', withNul, /it contains NUL bytes/],
  ['pupils.csv', Buffer.from(PUPILS, 'utf16le'), /it looks like UTF-16 text without a byte-order mark/],
  ['pupils.csv', Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 32 || 1)), /it contains binary data/]
]

t.test('decodeText reads UTF-16 LE and BE with a BOM and names the encoding', async (t) => {
  t.same(decodeText(utf16le(PUPILS)), { text: PUPILS, encoding: 'utf-16le' })
  t.same(decodeText(utf16be(PUPILS)), { text: PUPILS, encoding: 'utf-16be' })
  t.same(decodeText(Buffer.from('\uFEFF' + PUPILS)), { text: PUPILS, encoding: 'utf-8' })
  t.equal(readCsv(utf16le(PUPILS)).encoding, 'utf-16le')
  t.same(readCsv(utf16be(PUPILS)).rows, readCsv(Buffer.from(PUPILS)).rows, 'the same rows as the UTF-8 file')
  for (const [name, bytes, reason] of BINARY) t.match(notTextReason(bytes), reason, `${name}: ${reason}`)
  for (const ok of [Buffer.from(PUPILS), utf16le(PUPILS), utf16be(PUPILS), fixture('pupils-windows-1252.csv'), fixture('ctf-sample.xml'), Buffer.from('upn,letter\nQ380209324001,"a tab\there and a stray \u0007 bell"\n')]) {
    t.equal(notTextReason(ok), null, 'text files are text')
  }
})

t.test('the runner imports UTF-16 files and refuses files that are not text, writing nothing', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const be = await runImport(db, { schoolId, userId, fileName: 'pupils.csv', content: utf16be(PUPILS), today: TODAY })
  t.same(be.errors, [])
  t.match(be, { kind: 'pupils', rows: 2, created: 2 })
  const le = await runImport(db, { schoolId, userId, fileName: 'pupils.csv', content: utf16le(PUPILS), today: TODAY })
  t.match(le, { kind: 'pupils', rows: 2, created: 0, updated: 2 })
  t.same((await db.selectFrom('pupils').select('forename').orderBy('id').execute()).map((p) => p.forename), ['Zoë', 'Callum'])
  const ctf = await runImport(db, { schoolId, userId, fileName: 'ctf.xml', content: utf16le(fixture('ctf-sample.xml').toString('utf8')), today: TODAY })
  t.same(ctf.errors, [], 'a UTF-16 CTF imports')

  const before = await counts(db)
  for (const [name, content, reason] of BINARY) {
    const result = await runImport(db, { schoolId, userId, fileName: name, content, today: TODAY })
    t.equal(result.errors.length, 1, `${reason}: one message`)
    t.match(result.errors[0], { row: null, field: null })
    t.match(result.errors[0]?.message, new RegExp(`^The file '${name.replace('.', '\\.')}' is not a text file \\(${reason.source}.*\\), so nothing was imported\\. Save it from your spreadsheet as "CSV UTF-8" and upload that\\.$`))
    t.notMatch(result.errors[0]?.message, '\u0000', 'no NUL is echoed back')
  }
  const nulCtf = Buffer.from(fixture('ctf-sample.xml').toString('utf8').replace('<Surname>Okafor', '<Surname>Oka\u0000for'))
  for (const kind of ['ctf', undefined] as const) {
    const result = await runImport(db, { schoolId, userId, fileName: 'ctf.xml', content: nulCtf, kind, today: TODAY })
    t.match(result.errors[0]?.message, /^The file 'ctf\.xml' is not a text file \(it contains NUL bytes\), so nothing was imported\. Export the CTF again from your MIS/)
  }
  t.same(await counts(db), before, 'nothing written')
  const refused = (await db.selectFrom('audit_log').select('detail').where('action', '=', 'import').execute()).filter((a) => (a.detail as { status: string }).status === 'refused')
  t.equal(refused.length, BINARY.length + 2, 'each refusal is audited')
})

t.test('cli import: a CSV with a NUL byte gets its JSON summary and exit 1; UTF-16 imports', async (t) => {
  const url = await createTestDatabase(t)
  const db = connect(url)
  t.teardown(() => db.destroy())
  t.equal((await runCli(url, ['school', 'add', '--urn', '654322', '--name', 'Bytes High'])).code, 0)
  const dir = mkdtempSync(join(tmpdir(), 'lantern-bytes-'))
  const nul = join(dir, 'pupils.csv')
  writeFileSync(nul, withNul)
  const refused = await runCli(url, ['import', nul, '--school', '654322'])
  t.equal(refused.code, 1, refused.stderr)
  const out = JSON.parse(refused.stdout)
  t.same(Object.keys(out).sort(), ['created', 'errors', 'kind', 'rows', 'updated'])
  t.match(out, { rows: 0, created: 0, updated: 0, errors: [{ row: null, field: null, message: /^The file 'pupils\.csv' is not a text file \(it contains NUL bytes\)/ }] })
  t.notMatch(refused.stderr, /error:|at .*\.js/i, 'no stack trace')
  t.match(refused.stderr, 'nothing was imported')
  const zip = join(dir, 'pupils.xlsx.csv')
  writeFileSync(zip, BINARY[0]![1])
  t.match(JSON.parse((await runCli(url, ['import', zip, '--school', '654322', '--kind', 'pupils'])).stdout).errors[0].message, 'ZIP archive')
  t.equal((await counts(db)).pupils, 0)

  const wide = join(dir, 'pupils-utf16.csv')
  writeFileSync(wide, utf16le(PUPILS))
  const ok = await runCli(url, ['import', wide, '--school', '654322'])
  t.equal(ok.code, 0, ok.stderr)
  t.same(JSON.parse(ok.stdout), { kind: 'pupils', rows: 2, created: 2, updated: 0, errors: [] })
})

async function rowCount(app: FastifyInstance, table: string) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(app.db)
  return rows[0]?.n ?? 0
}

t.test('the upload page refuses a file that is not text with 422, keeping nothing', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Bytes Academy')
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@bytes.test' })
  const browser = await signedIn(app, 'lead@bytes.test')
  for (const [name, content, reason] of [...BINARY, ['ctf.xml', Buffer.from('<CTfile>\u0000</CTfile>'), /it contains NUL bytes/] as const]) {
    const res = await upload(browser, school.urn, { name, content })
    t.equal(res.statusCode, 422, `${reason}: refused on the page`)
    t.match(res.body, `The file &#x27;${name}&#x27; is not a text file (`)
    t.match(res.body, reason)
    t.match(res.body, 'href="#file"', 'the error summary links to the file field')
    t.equal(await rowCount(app, 'pending_imports'), 0, `${reason}: no pending upload left behind`)
  }
  t.equal(await rowCount(app, 'pupils'), 0)
  t.equal((await auditRows(app, 'import_dry_run')).length, 0, 'never checked, as never kept')

  const wide = await upload(browser, school.urn, { name: 'pupils.csv', content: utf16be(PUPILS) })
  t.equal(wide.statusCode, 303, 'a UTF-16 file is read')
  const check = await browser.get(wide.headers.location as string)
  t.match(check.body, 'Zoë')
  t.equal(await rowCount(app, 'pending_imports'), 1)
})
