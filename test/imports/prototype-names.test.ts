// Headers, cells and XML entities named after what every JavaScript object inherits ("constructor",
// "__proto__", "toString"…) are read as the text they are: an unknown column is ignored, an unknown
// code is refused with the usual message, and nothing odd is ever written.
import t from 'tap'
import { runImport } from '../../server/imports/service'
import { parseXml } from '../../server/imports/xml'
import { counts, fixture, setUp, TODAY } from './helpers'

const csv = (text: string) => Buffer.from(text, 'utf8')
const NAMES = Object.getOwnPropertyNames(Object.prototype)

t.test('headers named constructor, __proto__, toString are ignored columns; the file imports', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const header = ['upn', 'surname', 'forename', 'dob', ...NAMES].join(',')
  const row = ['Q380209324001', 'Okafor', 'Amara', '2014-11-04', ...NAMES.map(() => 'x')].join(',')
  const result = await runImport(db, { schoolId, userId, fileName: 'pupils.csv', content: csv(`${header}\n${row}\n`), today: TODAY })
  t.same(result.errors, [])
  t.match(result, { kind: 'pupils', rows: 1, created: 1 })
  t.same([...result.ignoredColumns].sort(), [...NAMES].sort(), 'each is listed as a column Lantern does not use')
  t.same(Object.keys(result.columns).sort(), ['dob', 'forename', 'surname', 'upn'])
  t.equal(({} as Record<string, unknown>).polluted, undefined)
})

t.test('a pupil called Constructor, from a primary called __proto__, is stored as written', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const result = await runImport(db, {
    schoolId, userId, fileName: 'pupils.csv', today: TODAY,
    content: csv('upn,surname,forename,dob,form,primary_school\nQ380209324001,constructor,toString,2014-11-04,__proto__,hasOwnProperty\n')
  })
  t.same(result.errors, [])
  const pupil = await db.selectFrom('pupils').select(['surname', 'forename', 'form', 'primary_school']).executeTakeFirstOrThrow()
  t.same(pupil, { surname: 'constructor', forename: 'toString', form: '__proto__', primary_school: 'hasOwnProperty' })
})

t.test('a code cell saying constructor or __proto__ is refused like any unknown code', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  t.same((await runImport(db, { schoolId, userId, fileName: 'ctf.xml', content: fixture('ctf-sample.xml'), today: TODAY })).errors, [])
  const before = await counts(db)
  const items = Array.from({ length: 25 }, (_, i) => `item_${i + 1}`).join(',')
  for (const word of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
    const cases: [string, Buffer, string, RegExp][] = [
      ['sex', csv(`upn,surname,forename,dob,sex\nQ380209324001,Okafor,Amara,2014-11-04,${word}\n`), 'sex', /should be F or M/],
      ['SEN', csv(`upn,surname,forename,dob,sen\nQ380209324001,Okafor,Amara,2014-11-04,${word}\n`), 'sen', /should be N \(no SEN\)/],
      ['social care', csv(`upn,surname,forename,dob,social_care\nQ380209324001,Okafor,Amara,2014-11-04,${word}\n`), 'social_care', /should be none, CIN/],
      ['informant', csv(`upn,informant,completed_on,${items}\nQ380209324001,${word},2026-09-15${',0'.repeat(25)}\n`), 'informant', /should be self, parent or teacher/],
      ['SDQ answer', csv(`upn,informant,completed_on,${items}\nQ380209324001,self,2026-09-15,${word}${',0'.repeat(24)}\n`), 'item_1', /should be 0, 1 or 2/],
      ['impact answer', csv(`upn,informant,completed_on,${items},impact_difficulties,impact_distress\nQ380209324001,self,2026-09-15${',0'.repeat(25)},yes,${word}\n`), 'impact_distress', /should be 0–3/]
    ]
    for (const [name, content, field, message] of cases) {
      const result = await runImport(db, { schoolId, userId, fileName: `${name}.csv`, content, today: TODAY })
      t.equal(result.errors.length, 1, `${name} '${word}': one error`)
      t.equal(result.errors[0]?.field, field, `${name} '${word}': the field`)
      t.match(result.errors[0]?.message, message, `${name} '${word}': the usual message`)
      t.match(result.errors[0]?.message, `'${word}'`, `${name} '${word}': the value is quoted back`)
    }
  }
  t.same(await counts(db), before, 'nothing written')
})

t.test('&constructor; and &__proto__; in a CTF are not entities', async (t) => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const result = parseXml(`<CTfile><A>x &${name}; y</A></CTfile>`)
    t.match(result, { ok: false, line: 1, message: /is not a character reference \(write & as &amp;\)/ }, name)
  }
  t.same(parseXml('<a><b>&lt;&amp;&gt;&quot;&apos;</b></a>'), { ok: true, root: Object.assign(Object.create(null), { a: Object.assign(Object.create(null), { b: '<&>"\'' }) }) }, 'the five predefined entities still work')
  const { db, schoolId, userId } = await setUp(t)
  const ctf = fixture('ctf-sample.xml').toString('utf8').replace('<Surname>Okafor</Surname>', '<Surname>Okafor&constructor;</Surname>')
  const result = await runImport(db, { schoolId, userId, fileName: 'ctf.xml', content: Buffer.from(ctf), today: TODAY })
  t.equal(result.errors.length, 1)
  t.match(result.errors[0]?.message, /not well-formed XML \(line \d+: '&constructor;' is not a character reference/)
  t.equal((await counts(db)).pupils, 0)
})
