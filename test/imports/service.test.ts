import { sql } from 'kysely'
import t from 'tap'
import { runImport } from '../../server/imports/service'
import { counts, fixture, setUp, TODAY } from './helpers'

t.test('every sample imports, in the order a school would', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const run = (file: string) => runImport(db, { schoolId, userId, fileName: file, content: fixture(file), today: TODAY })
  const ctf = await run('ctf-sample.xml')
  t.same(ctf.errors, [])
  t.match(ctf, { kind: 'ctf', rows: 3, created: 3, updated: 0 })
  for (const [file, kind] of [['pupils.csv', 'pupils'], ['attainment.csv', 'attainment'], ['attendance.csv', 'attendance']] as const) {
    const r = await run(file)
    t.same(r.errors, [], file)
    t.match(r, { kind, rows: 3, created: 0, updated: 3 }, file)
  }
  for (const [file, kind, rows] of [['sdq.csv', 'sdq', 3], ['sdq-prescored.csv', 'sdq', 2], ['letters.csv', 'letters', 3], ['opportunities.csv', 'opportunities', 6]] as const) {
    const r = await run(file)
    t.same(r.errors, [], file)
    t.match(r, { kind, rows, created: rows, updated: 0 }, file)
  }
  t.match(await counts(db), { pupils: 3, attainment: 3, attendance: 3, sdq_administrations: 5, letters: 3, opportunities: 6, imports: 8 })
  const sdq = await sql<{ prescored: boolean; items: boolean; impact: string | null; scores: string; bands: string }>`
    select prescored, items is not null as items, jsonb_typeof(impact_answers) as impact, jsonb_typeof(scores) as scores, jsonb_typeof(bands) as bands
    from sdq_administrations order by prescored, informant, pupil_id`.execute(db)
  t.same(sdq.rows.map((r) => [r.prescored, r.items, r.impact, r.scores, r.bands]), [
    [false, true, 'object', 'object', 'object'], [false, true, 'object', 'object', 'object'], [false, true, 'object', 'object', 'object'],
    [true, false, null, 'object', 'object'], [true, false, null, 'object', 'object']
  ], 'SDQ answers, scores and bands stored as JSON objects; no impact answers is SQL null, not JSON null')
  const amara = await db.selectFrom('pupils').selectAll().where('upn', '=', 'Q380209324001').executeTakeFirstOrThrow()
  t.match(amara, { surname: 'Okafor', forename: 'Amara', dob: '2014-11-04', sex: 'F', form: '7KM', sen: 'N', fsm: true, eal: false, looked_after: false, social_care: 'none' })
  const callum = await db.selectFrom('pupils').selectAll().where('upn', '=', 'E380209324002').executeTakeFirstOrThrow()
  t.match(callum, { preferred_forename: 'Cal', sen: 'K', sen_need: 'SEMH', looked_after: true, form: '7RB' })
  const audit = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'import').execute()
  t.equal(audit.length, 8)
  t.notMatch(JSON.stringify(audit), /Okafor|Amara/, 'the audit log carries no pupil data')
})
