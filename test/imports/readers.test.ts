import t from 'tap'
import { canonicalColumn, detectKind } from '../../server/imports/columns'
import { readCsv } from '../../server/imports/csv'
import { readCtf, unsafeXml } from '../../server/imports/ctf'
import { decodeText } from '../../server/imports/text'
import { checkUpn } from '../../server/imports/upn'
import { parseDate, parseYesNo, parseKs2Test, parseKs2Writing, parseSdqResponse, parseImpactAnswer } from '../../server/imports/values'
import { fixture, TODAY } from './helpers'

t.test('UPN check letters from DOMAIN.md', async (t) => {
  for (const upn of ['B801200005001', 'Q380209324001', 'E380209324002']) t.match(checkUpn(upn), { valid: true, temporary: false }, upn)
  t.match(checkUpn('P38020932401A'), { valid: true, temporary: true }, 'temporary UPN accepted and flagged')
  t.match(checkUpn('A801200005001'), { valid: false, expectedCheckLetter: 'B', problem: 'the check letter should be B' })
  t.match(checkUpn('A123456789001'), { valid: false, expectedCheckLetter: 'Y', problem: 'the check letter should be Y' })
  t.match(checkUpn('B80120000500'), { valid: false, problem: /13 characters/ })
  t.match(checkUpn('B80120000500I'), { valid: false, problem: /cannot end in I/ })
  t.match(checkUpn(' q380209324001 '), { valid: true }, 'case and spaces forgiven')
})

t.test('text: UTF-8 with or without BOM, else Windows-1252', async (t) => {
  t.same(decodeText(Buffer.from('\uFEFFZoë', 'utf8')), { text: 'Zoë', encoding: 'utf-8' })
  t.same(decodeText(Buffer.from('Zoë', 'utf8')), { text: 'Zoë', encoding: 'utf-8' })
  t.same(decodeText(Buffer.from([0x5a, 0x6f, 0xeb, 0x20, 0x80, 0x93])), { text: 'Zoë €“', encoding: 'windows-1252' })
})

t.test('values', async (t) => {
  t.equal(parseDate('2014-11-04'), '2014-11-04')
  t.equal(parseDate('04/11/2014'), '2014-11-04', 'day first')
  t.equal(parseDate('4/1/2015'), '2015-01-04')
  t.throws(() => parseDate('2015-02-29'), /not a real date/)
  t.throws(() => parseDate('11-04-2014'), /DD\/MM\/YYYY or YYYY-MM-DD/)
  for (const y of ['Y', 'yes', 'TRUE', '1']) t.equal(parseYesNo(y), true, y)
  for (const n of ['N', 'No', 'false', '0']) t.equal(parseYesNo(n), false, n)
  t.throws(() => parseYesNo('maybe'))
  t.same(parseKs2Test('80'), { result: '80', scaled: 80 })
  t.same(parseKs2Test('120'), { result: '120', scaled: 120 })
  t.throws(() => parseKs2Test('79'))
  t.throws(() => parseKs2Test('130'), /80–120/)
  t.same(parseKs2Test('b'), { result: 'B', scaled: null })
  t.same(parseKs2Writing('pk3'), { result: 'PK3', scaled: null })
  t.throws(() => parseKs2Writing('104'), /teacher-assessment code/)
  t.equal(parseSdqResponse('Somewhat  True'), 1)
  t.equal(parseSdqResponse('certainly true'), 2)
  t.throws(() => parseSdqResponse('3'))
  t.equal(parseImpactAnswer('A great deal'), 3)
  t.equal(parseImpactAnswer('only a little'), 1)
})

t.test('CSV headers: MIS aliases, case and spaces; unknown columns listed; kind detected', async (t) => {
  for (const [header, column] of <[string, string][]>[['Legal Surname', 'surname'], ['FIRST NAME', 'forename'], ['Date of Birth', 'dob'], ['Gender', 'sex'], ['Reg Group', 'form'], ['Tutor Group', 'form'], ['SEN Status', 'sen'], ['FSM Eligible', 'fsm'], ['In Care', 'looked_after'], ['CLA', 'looked_after'], ['CIN/CP', 'social_care'], ['sessions possible', 'sessions_possible'], ['Item 7', 'item_7']]) {
    t.equal(canonicalColumn(header), column, header)
  }
  const file = readCsv(fixture('pupils.csv'))
  t.equal(file.kind, 'pupils')
  t.equal(file.rows.length, 3)
  t.equal(file.rows[0]?.row, 2, 'header is row 1')
  const extra = readCsv(Buffer.from('\uFEFFUPN,Surname,Forename,DOB,Ethnicity,Home Postcode\nQ380209324001,Okafor,Amara,2014-11-04,X,Y\n'))
  t.same(extra.ignoredColumns, ['Ethnicity', 'Home Postcode'])
  t.equal(extra.headers.upn, 'UPN', 'BOM stripped from the first header')
  for (const [name, kind] of <[string, string][]>[['attainment.csv', 'attainment'], ['attendance.csv', 'attendance'], ['sdq.csv', 'sdq'], ['sdq-prescored.csv', 'sdq'], ['letters.csv', 'letters'], ['opportunities.csv', 'opportunities']]) {
    t.equal(readCsv(fixture(name)).kind, kind, name)
  }
  t.equal(detectKind(new Set(['surname'])), undefined)
  const twice = readCsv(Buffer.from('UPN,Surname,Legal Surname\n'))
  t.match(twice.errors[0]?.message, /'Surname' and 'Legal Surname' are the same thing/)
})

t.test('CTF: refuses DOCTYPE and entities before parsing; reads both name layouts', async (t) => {
  t.equal(unsafeXml('<?xml version="1.0"?><!-- a comment --><CTfile/>'), null)
  t.match(unsafeXml('<!DOCTYPE x [<!ENTITY a "b">]><x/>'), /DOCTYPE/)
  t.match(unsafeXml('<!ENTITY a SYSTEM "http://example.org/">'), /entities/)
  t.match(readCtf(fixture('ctf-doctype.xml'), TODAY).errors[0]?.message, /refused because it contains a DOCTYPE/)
  t.match(readCtf(Buffer.from('<CTfile><CTFpupilData><Pupil>'), TODAY).errors[0]?.message, /not well-formed XML/)
  const ctf = readCtf(fixture('ctf-sample.xml'), TODAY)
  t.same(ctf.errors, [])
  t.match(ctf.sourceSchool, { name: 'Meadowbank Primary School', lea: '380', estab: '2093' })
  t.match(ctf.pupils[0], { pupil: { upn: 'Q380209324001', sex: 'F', fsm: true, lookedAfter: false, sen: 'N' }, attendance: { possible: 372, absent: 12 } })
  t.match(ctf.pupils[1], { pupil: { surname: 'Hughes', forename: 'Callum', preferredForename: 'Cal', sex: 'M', sen: 'K', senNeed: 'SEMH', lookedAfter: true } })
  t.match(ctf.pupils[1]?.attainment, { reading: { scaled: 96 }, maths: { scaled: 99 }, gps: { scaled: 93 }, writing: { result: 'WTS' } })
  t.match(ctf.pupils[2], { pupil: { temporaryUpn: true }, attainment: { reading: { scaled: 115 }, writing: { result: 'GDS' } } })
  t.equal(ctf.pupils[2]?.attainment?.gps, undefined)
  const older = readCtf(fixture('ctf-second-primary.xml'), TODAY)
  t.match(older.pupils[0], { pupil: { surname: 'Adebayo', sex: 'M', fsm: false }, attainment: { reading: { result: 'B' }, maths: { scaled: 101 } } })
  const bad = readCtf(Buffer.from('<CTfile><CTFpupilData><Pupil><UPN>A123456789001</UPN><Surname>X</Surname><Forename>Y</Forename><DOB>2015-01-01</DOB>' +
    '<Attendance><YearData><Year>2025</Year><SessionsPossible>100</SessionsPossible><SessionsAuthorised>90</SessionsAuthorised><SessionsUnauthorised>20</SessionsUnauthorised></YearData></Attendance></Pupil></CTFpupilData></CTfile>'), TODAY)
  t.same(bad.errors.map((e) => e.message), [
    "Pupil 1 (UPN 'A123456789001'), UPN 'A123456789001': the check letter should be Y — check the UPN with the primary school",
    "Pupil 1 (UPN 'A123456789001'), Attendance '110': 110 sessions absent is more than the 100 possible sessions — ask the primary school to check its attendance figures"
  ])
})
