import t from 'tap'
import { csvCell, csvRow, neutraliseFormula, recordsToCsv, toCsv } from '../../server/reports/csv'

t.test('cells are quoted only when they must be, with quotes doubled', async (t) => {
  t.equal(csvCell('plain'), 'plain')
  t.equal(csvCell('Smith, Jo'), '"Smith, Jo"')
  t.equal(csvCell('She said "hi"'), '"She said ""hi"""')
  t.equal(csvCell('line one\nline two'), '"line one\nline two"')
  t.equal(csvCell('a\r\nb'), '"a\r\nb"')
  t.equal(csvCell(''), '')
  t.equal(csvCell('Zoë Ó Briain'), 'Zoë Ó Briain')
})

t.test('values of every kind', async (t) => {
  t.equal(csvCell(null), '')
  t.equal(csvCell(undefined), '')
  t.equal(csvCell(86.4), '86.4')
  t.equal(csvCell(-3), '-3', 'a number is data, not a formula')
  t.equal(csvCell(Number.NaN), '')
  t.equal(csvCell(true), 'true')
  t.equal(csvCell(false), 'false')
  t.equal(csvCell(['KS2_READING_BELOW_EXPECTED', 'LETTER_WORRY']), 'KS2_READING_BELOW_EXPECTED;LETTER_WORRY')
  t.equal(csvCell([]), '')
})

t.test('text a spreadsheet would run as a formula is neutralised', async (t) => {
  for (const text of ['=1+1', '+44 121 000', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '=HYPERLINK("http://x","y")']) {
    t.ok(csvCell(text).replace(/^"/, '').startsWith("'"), JSON.stringify(text))
  }
  t.equal(csvCell('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"')
  t.equal(csvCell('=1,2'), '"\'=1,2"')
  t.equal(csvCell(['=cmd', 'B']), "'=cmd;B")
  t.equal(neutraliseFormula('O\'Neill'), "O'Neill")
  t.equal(neutraliseFormula('a=b'), 'a=b', 'only the first character matters')
  t.equal(neutraliseFormula('B801200005001'), 'B801200005001')
})

t.test('rows and files', async (t) => {
  t.equal(csvRow(['a', 1, null, 'b,c']), 'a,1,,"b,c"')
  t.equal(toCsv(['upn', 'level'], [['B801200005001', 'thriving'], ['E380209324002', 'getting_help']]), 'upn,level\r\nB801200005001,thriving\r\nE380209324002,getting_help\r\n')
  t.equal(toCsv(['a'], [], { eol: '\n' }), 'a\n')
  t.equal(toCsv(['a'], [['x']], { bom: true }), '\uFEFFa\r\nx\r\n')
  t.throws(() => toCsv(['a', 'b'], [['x']]), RangeError)
  const records = [{ upn: 'B801200005001', surname: '=Evil', reasons: ['SEN_SUPPORT'] }]
  t.equal(
    recordsToCsv([{ header: 'upn', value: (r: (typeof records)[number]) => r.upn }, { header: 'surname', value: (r) => r.surname }, { header: 'reasons', value: (r) => r.reasons }], records),
    "upn,surname,reasons\r\nB801200005001,'=Evil,SEN_SUPPORT\r\n",
  )
})
