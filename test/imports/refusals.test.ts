// Each refusal: the message a school user reads, and nothing written (only the attempt is audited).
import t from 'tap'
import { runImport } from '../../server/imports/service'
import { counts, fixture, setUp, TODAY } from './helpers'

const csv = (text: string) => Buffer.from(text, 'utf8')

t.test('refusals name the row, the column and what to do, and write nothing', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const run = (fileName: string, content: Buffer, kind?: 'ctf' | 'pupils' | 'attendance') => runImport(db, { schoolId, userId, fileName, content, kind, today: TODAY })
  // A cohort to refer to, so that later refusals are about the row, not an unknown pupil.
  t.same((await run('ctf-sample.xml', fixture('ctf-sample.xml'))).errors, [])
  const before = await counts(db)

  const cases: [string, Buffer, RegExp, string | null][] = [
    ['bad UPN check letter', csv('upn,surname,forename,dob\nA123456789001,Smith,Jo,2015-01-01\n'),
      /^Row 2, UPN 'A123456789001': the check letter should be Y — check the UPN in your MIS$/, 'upn'],
    ['unknown UPN', csv('upn,ks2_reading\nB801200005001,104\n'),
      /^Row 2, UPN 'B801200005001': no pupil with this UPN is in Lantern for this school — import the pupils first/, 'upn'],
    ['absent more than possible', csv('upn,sessions_possible,sessions_absent\nQ380209324001,372,12\nE380209324002,372,400\n'),
      /^Row 3, sessions_absent '400': is more than the 372 possible sessions — check both figures in your MIS$/, 'sessions_absent'],
    ['scaled score 130', csv('UPN,KS2 Reading,KS2 Maths\nQ380209324001,130,104\n'),
      /^Row 2, KS2 Reading '130': is outside the KS2 scaled-score range 80–120/, 'ks2_reading'],
    ['SDQ item 3', csv(`upn,informant,completed_on,${Array.from({ length: 25 }, (_, i) => `item_${i + 1}`).join(',')}\nQ380209324001,self,2026-09-15,0,0,3${',0'.repeat(22)}\n`),
      /^Row 2, item_3 '3': should be 0, 1 or 2 \(or Not True, Somewhat True, Certainly True\)/, 'item_3'],
    ['bad date', csv('UPN,Surname,Forename,Date of Birth\nQ380209324001,Okafor,Amara,31/02/2015\n'),
      /^Row 2, Date of Birth '31\/02\/2015': is not a real date/, 'dob'],
    ['DOCTYPE in a CTF', fixture('ctf-doctype.xml'), /refused because it contains a DOCTYPE declaration/, null],
    ['Windows-1252 file with a bad date still reads Zoë', fixture('pupils-windows-1252-bad-date.csv'),
      /^Row 2, Date of Birth '31\/02\/2015': is not a real date/, 'dob'],
    ['empty file', Buffer.alloc(0), /is empty/, null],
    ['a date of birth no Year 7 pupil has', csv('upn,surname,forename,dob\nQ380209324001,Okafor,Amara,04/11/2019\n'),
      /not a plausible date of birth for a Year 7 pupil/, 'dob']
  ]
  for (const [name, content, message, field] of cases) {
    const result = await run(`${name}.csv`, content)
    t.equal(result.errors.length, 1, `${name}: one error`)
    t.match(result.errors[0]?.message, message, name)
    t.equal(result.errors[0]?.field, field, `${name}: field`)
    t.match(result, { created: 0, updated: 0, importId: null }, name)
    t.same(await counts(db), before, `${name}: nothing written`)
  }
  const refused = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'import').execute()
  t.equal(refused.filter((a) => (a.detail as { status: string }).status === 'refused').length, cases.length, 'every refusal is audited')
})

t.test('one bad row refuses the whole file', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const result = await runImport(db, {
    schoolId, userId, fileName: 'pupils.csv', today: TODAY,
    content: csv('upn,surname,forename,dob\nQ380209324001,Okafor,Amara,2014-11-04\nE380209324002,Hughes,Callum,2015-02-19\nA123456789001,Smith,Jo,2015-01-01\n')
  })
  t.equal(result.errors.length, 1)
  t.equal(result.errors[0]?.row, 4)
  t.equal((await counts(db)).pupils, 0)
})

t.test('a Windows-1252 file is read as such: Zoë stays Zoë', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const result = await runImport(db, { schoolId, userId, fileName: 'pupils-windows-1252.csv', content: fixture('pupils-windows-1252.csv'), today: TODAY })
  t.same(result.errors, [])
  const pupil = await db.selectFrom('pupils').select(['forename', 'surname']).executeTakeFirstOrThrow()
  t.same(pupil, { forename: 'Zoë', surname: 'Kowalská' })
})

t.test('a data file that carries identity columns adds the pupils it names', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const result = await runImport(db, {
    schoolId, userId, fileName: 'attainment.csv', today: TODAY,
    content: csv('UPN,Legal Surname,First Name,DOB,KS2 Reading,KS2 Writing,Tutor Notes\nB801200005001,Adebayo,Tobi,12/03/2015,B,WTS,ignored\n')
  })
  t.same(result.errors, [])
  t.match(result, { kind: 'attainment', created: 1, ignoredColumns: ['Tutor Notes'] })
  t.match(await db.selectFrom('attainment').selectAll().executeTakeFirstOrThrow(), { ks2_reading: 'B', ks2_reading_scaled: null, ks2_writing: 'WTS' })
  const mismatch = await runImport(db, {
    schoolId, userId, fileName: 'attainment.csv', today: TODAY,
    content: csv('UPN,Surname,Forename,DOB,KS2 Reading\nB801200005001,Adebayo,Tobi,13/03/2015,100\n')
  })
  t.match(mismatch.errors[0]?.message, /Lantern has this UPN for a pupil born 2015-03-12, but this row says 2015-03-13/)
})
