// Screening through the database: indicators as imports store them, results stored, decisions kept.
import t from 'tap'
import { rollbackImport } from '../../server/imports/service'
import { decideLevel, rescreenSchool, updateScreeningSettings } from '../../server/screening/service'
import { loadScreenRows } from '../../server/screening/screen-rows'
import { setUp } from '../imports/helpers'
import { loadPupils, pupilId, upn, type TestPupil } from './cohort'

const safeguardingLetter = {
  text: 'I am scared to go home.',
  analysis: { concern: 'some' as const, worries: [], interests: [], safeguarding: [{ category: 'physical_abuse', text: 'scared to go home', start: 5, end: 22 }] }
}

const COHORT: TestPupil[] = [
  { n: 1, attendance: { possible: 1000, absent: 100 }, letter: { text: 'one', analysis: { concern: 'none' } } }, // 90.0%: persistent
  { n: 2, attendance: { possible: 1000, absent: 99 }, letter: { text: 'two', analysis: { concern: 'none' } } }, // 90.1%: not
  { n: 3, ks2: { reading: '99', maths: '100', writing: 'EXS' }, letter: { text: 'three', analysis: { concern: 'none' } } },
  { n: 4, ks2: { reading: '100', maths: '100', writing: 'EXS' }, attendance: { possible: 380, absent: 4 }, letter: { text: 'I am so frightened of everything.', analysis: { concern: 'high' } } },
  { n: 5, ks2: { reading: '110', maths: '110', writing: 'GDS' }, attendance: { possible: 380, absent: 0 }, letter: safeguardingLetter },
  { n: 6 },
  { n: 7, letter: { text: 'a letter nobody has read yet' } },
  { n: 8, socialCare: 'CP', sen: 'E', sdq: { self: [8, 5, 9, 6, 3, 4] }, letter: { text: 'eight', analysis: { concern: 'some' } } }
]

async function screened(t: { teardown(fn: () => unknown): void }) {
  const ctx = await setUp(t)
  await loadPupils(ctx.db, ctx.schoolId, ctx.userId, COHORT)
  await rescreenSchool(ctx.db, ctx.schoolId)
  const { rows } = await loadScreenRows(ctx.db, ctx.schoolId)
  const byN = (n: number) => rows.find((r) => r.upn === upn(n))!
  return { ...ctx, rows, byN }
}

t.test('threshold edges, hidden, safeguarding and missing data through the database', async (t) => {
  const { db, schoolId, rows, byN } = await screened(t)
  t.equal(rows.length, COHORT.length)
  t.ok(byN(1).reasons.includes('ATTENDANCE_PERSISTENT_ABSENCE'), '90.0% attendance is persistent absence')
  t.equal(byN(1).attendance_pct, 90)
  t.notOk(byN(2).reasons.includes('ATTENDANCE_PERSISTENT_ABSENCE'), '90.1% is not')
  t.equal(byN(2).attendance_pct, 90.1)
  t.ok(byN(3).reasons.includes('KS2_READING_BELOW_EXPECTED'), 'scaled score 99 is below expected')
  t.notOk(byN(3).reasons.includes('KS2_MATHS_BELOW_EXPECTED'), '100 is not')
  t.same(byN(3).ks2, { reading: 99, maths: 100, gps: null, writing: 'EXS' })

  t.match(byN(4), { hidden: true, safeguarding: false, level: 'getting_help', letter_concern: 'high', reasons: ['LETTER_WORRY'] }, 'a frightened letter with quiet data is hidden')
  t.match(byN(5), { safeguarding: true, level: 'getting_risk_support', suggested_level: 'getting_risk_support' }, 'a safeguarding match suggests risk support')
  t.ok(byN(5).reasons.includes('LETTER_SAFEGUARDING'))

  t.match(byN(6), { level: 'thriving', reasons: ['LETTER_MISSING'], score: 0, attendance_pct: null, sdq: {}, letter_concern: null }, 'no data: screened on what exists')
  t.match(byN(7), { level: 'thriving', reasons: ['LETTER_MISSING'], letter_concern: null }, 'an unread letter raises nothing yet')
  const unread = await db.selectFrom('screening_results').select(['reasons', 'missing']).where('pupil_id', '=', await pupilId(db, schoolId, 7)).executeTakeFirstOrThrow()
  t.match(unread.reasons[0]!.evidence, /nobody has read it yet/, 'and says so rather than claiming no letter')
  t.ok(unread.missing.includes('attendance'))

  t.match(byN(8), { level: 'getting_risk_support', safeguarding: false, sen: 'E', social_care: 'CP' }, 'by score alone')
  t.match(byN(8).sdq.self, { emotional: 8, conduct: 5, hyperactivity: 9, peer: 6, prosocial: 3, impact: 4, total: 28, bands: { total: 'very_high', emotional: 'very_high' } })
  t.ok(byN(8).reasons.includes('SDQ_TOTAL_VERY_HIGH'))
})

t.test('staff decisions are kept with their history; suggestions keep theirs', async (t) => {
  const { db, schoolId, userId, byN } = await screened(t)
  const id = await pupilId(db, schoolId, 4)
  t.equal(byN(4).level, 'getting_help')
  await decideLevel(db, schoolId, { userId }, id, 'getting_more_help', 'Spoke with her mum: anxious at home too.')
  await decideLevel(db, schoolId, { userId }, id, 'getting_advice', 'Settled well after a term.')
  const { rows } = await loadScreenRows(db, schoolId)
  const row = rows.find((r) => r.upn === upn(4))!
  t.equal(row.level, 'getting_advice', 'the latest decision is the level')
  t.equal(row.suggested_level, 'getting_help', 'the suggestion is still shown')
  const decisions = await db.selectFrom('level_decisions').selectAll().where('pupil_id', '=', id).orderBy('id').execute()
  t.same(decisions.map((d) => [d.level, d.suggested_level]), [['getting_more_help', 'getting_help'], ['getting_advice', 'getting_help']])
  await t.rejects(db.updateTable('level_decisions').set({ level: 'thriving' }).where('pupil_id', '=', id).execute(), /append-only/)
  t.equal(await decideLevel(db, schoolId, { userId }, 999999, 'thriving', 'x'), null, 'no such pupil')
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'level_decided').execute()
  t.equal(audit.length, 2)
  t.equal(audit[0]!.subject_id, String(id))
})

t.test('changing settings re-screens the school, records the suggestion change and is audited', async (t) => {
  const { db, schoolId, userId, byN } = await screened(t)
  t.equal(byN(2).level, 'thriving')
  const { changes } = await updateScreeningSettings(db, schoolId, { userId, ip: '127.0.0.1' }, { attendance: { persistentAbsencePercent: 9.9 } })
  t.same(changes, { 'attendance.persistentAbsencePercent': { from: 10, to: 9.9 } })
  const { rows } = await loadScreenRows(db, schoolId)
  const two = rows.find((r) => r.upn === upn(2))!
  t.ok(two.reasons.includes('ATTENDANCE_PERSISTENT_ABSENCE'), 'now 90.1% is persistent absence')
  t.equal(two.level, 'getting_advice')
  const id = await pupilId(db, schoolId, 2)
  const suggestions = await db.selectFrom('level_suggestions').select('level').where('pupil_id', '=', id).orderBy('id').execute()
  t.same(suggestions.map((s) => s.level), ['thriving', 'getting_advice'])
  const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'screening_settings_changed').execute()
  t.equal(audit.length, 1)
  t.match(audit[0]!.detail, { changes: { 'attendance.persistentAbsencePercent': { from: 10, to: 9.9 } }, pupils: COHORT.length })
  await t.rejects(updateScreeningSettings(db, schoolId, { userId }, { attendance: { severeAbsencePercent: 5 } }), /Severe absence must be a higher percentage/)
  const stored = await db.selectFrom('screening_settings').select('overrides').where('school_id', '=', schoolId).executeTakeFirstOrThrow()
  t.same(stored.overrides, { attendance: { persistentAbsencePercent: 9.9 } }, 'a refused change writes nothing')
})

t.test('results stale after an import are recomputed before they are read', async (t) => {
  const { db, schoolId, userId } = await screened(t)
  await loadPupils(db, schoolId, userId, [{ n: 20, lookedAfter: true, attendance: { possible: 380, absent: 200 } }])
  const { rows } = await loadScreenRows(db, schoolId)
  const row = rows.find((r) => r.upn === upn(20))!
  t.match(row, { looked_after: true, level: 'getting_more_help', reasons: ['ATTENDANCE_SEVERE_ABSENCE', 'LOOKED_AFTER', 'LETTER_MISSING'] })

  const undone = await rollbackImport(db, { schoolId, userId, kind: 'attendance' })
  t.ok(undone, 'the attendance import is rolled back')
  const after = (await loadScreenRows(db, schoolId)).rows.find((r) => r.upn === upn(20))!
  t.match(after, { level: 'getting_help', reasons: ['LOOKED_AFTER', 'LETTER_MISSING'], attendance_pct: null }, 'and the screening follows')
})
