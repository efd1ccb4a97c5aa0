// Outcomes across Year 7 as a pure view over plain data, and the page as staff see it.
import t from 'tap'
import { outcomesView, sdqChanges, type OutcomesData } from '../../server/opportunities/outcomes'
import { addedValuePairs, attendanceChanges, attendanceDirection } from '../../server/opportunities/outcome-measures'
import { runImport } from '../../server/imports/service'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { loadPupils, TODAY, upn } from '../screening/cohort'

const sdq = (pupil_id: number, informant: 'self' | 'parent', completed_on: string, total: number) => ({ pupil_id, informant, completed_on, scores: { total } })
const history = (pupil_id: number, possible: number, absent: number) => ({ pupil_id, possible, absent, period: null, recorded_at: new Date(), import_id: null })

const data = {
  pupils: [
    { id: 1, forename: 'Ada', surname: 'Ames', preferred_forename: null, form: '7A', fsm: true, sen: 'K', looked_after: false, eal: false },
    { id: 2, forename: 'Bo', surname: 'Bell', preferred_forename: null, form: '7A', fsm: false, sen: 'N', looked_after: false, eal: true },
    { id: 3, forename: 'Cy', surname: 'Cole', preferred_forename: null, form: '7B', fsm: false, sen: null, looked_after: true, eal: false },
    { id: 4, forename: 'Di', surname: 'Dunn', preferred_forename: null, form: '7B', fsm: true, sen: 'N', looked_after: false, eal: false }
  ],
  sdq: [
    sdq(1, 'self', '2026-07-01', 20), sdq(1, 'self', '2027-06-01', 14), sdq(1, 'parent', '2026-07-01', 5), sdq(1, 'parent', '2027-06-01', 25),
    sdq(2, 'self', '2026-07-01', 10), sdq(2, 'self', '2027-06-01', 12),
    sdq(3, 'parent', '2026-07-01', 8), sdq(3, 'parent', '2027-06-01', 8),
    sdq(4, 'self', '2026-07-01', 9)
  ],
  placements: [
    { id: 10, pupil_id: 1, status: 'active', opportunity_id: 100, name: 'Art studio' },
    { id: 11, pupil_id: 2, status: 'ended', opportunity_id: 100, name: 'Art studio' },
    { id: 12, pupil_id: 3, status: 'offered', opportunity_id: 200, name: 'Football' },
    { id: 13, pupil_id: 4, status: 'declined', opportunity_id: 200, name: 'Football' }
  ],
  attendance: [
    { placement_id: 10, held_on: '2026-09-08', present: true }, { placement_id: 10, held_on: '2026-09-15', present: false },
    { placement_id: 10, held_on: '2026-09-22', present: false }, { placement_id: 10, held_on: '2026-09-29', present: true },
    { placement_id: 11, held_on: '2026-09-08', present: true }, { placement_id: 11, held_on: '2026-09-15', present: true }
  ],
  // Ada 95.0% → 90.0% (−5.0), Bo 90.0% → 90.5% (+0.5: no change), Cy 80.0% → 85.0% (+5.0), Di one figure only
  attendanceHistory: [history(1, 380, 19), history(1, 140, 14), history(2, 380, 38), history(2, 200, 19), history(3, 380, 76), history(3, 140, 10), history(3, 140, 21), history(4, 380, 0)]
} as unknown as OutcomesData

t.test('change per pupil by one informant, self-report first; a single SDQ is no change at all', async (t) => {
  const changes = sdqChanges(data.sdq)
  t.same([...changes].sort(), [[1, -6], [2, 2], [3, 0]])
})

t.test('attendance change from the first figure to the latest; ±1 point counts', async (t) => {
  const changes = attendanceChanges(data.attendanceHistory)
  t.same([...changes.keys()], [1, 2, 3], 'a pupil with one figure has no change yet')
  t.same(changes.get(3), { baseline: 80, latest: 85, change: 5 }, 'first and latest, not the one between')
  t.same([attendanceDirection(1), attendanceDirection(0.9), attendanceDirection(-0.9), attendanceDirection(-1)], ['improved', 'same', 'same', 'worsened'])
  t.same([...attendanceChanges([history(9, 0, 0), history(9, 100, 10)])], [], 'a figure with no possible sessions is not a figure')
})

t.test('added value pairs: parent reports only, the first with total, impact and emotional, the latest with a total', async (t) => {
  const parent = (pupil_id: number, completed_on: string, scores: Record<string, number | null>) => ({ pupil_id, informant: 'parent', completed_on, scores })
  const pairs = addedValuePairs([
    parent(1, '2026-07-01', { total: 20, impact: 4, emotional: 6 }), parent(1, '2027-01-10', { total: 18 }), parent(1, '2027-06-01', { total: 12 }), parent(1, '2027-07-01', { total: null }),
    { pupil_id: 2, informant: 'self', completed_on: '2026-07-01', scores: { total: 20, impact: 4, emotional: 6 } }, { pupil_id: 2, informant: 'self', completed_on: '2027-06-01', scores: { total: 10 } },
    parent(3, '2026-07-01', { total: 20, impact: null, emotional: 6 }), parent(3, '2027-06-01', { total: 10 }),
    parent(4, '2026-07-01', { total: 20, impact: 1, emotional: 6 })
  ] as unknown as OutcomesData['sdq'])
  t.same([...pairs], [[1, { baseline: { total: 20, impact: 4, emotional: 6 }, followUpTotal: 12 }]], 'not self-report, not without a baseline impact, not without a follow-up')
})

t.test('groups, take-up and equity', async (t) => {
  const view = outcomesView(data, '123456')
  const art = view.groups.find((g) => g.label === 'Art studio')!
  t.match(art, { pupils: 2, measured: 2, meanChange: 'fewer than 5', improved: '–', same: '–', worsened: '–' }, 'two children: their SDQ change is not shown')
  t.match(view.groups.find((g) => g.label === 'Not taking part in an opportunity')!, { pupils: 2, measured: 1, meanChange: 'fewer than 5' })
  t.match(view.groups.find((g) => g.label === 'Whole cohort')!, { pupils: 4, measured: 3 })
  t.same(view.takeUp, [{ name: 'Art studio', offered: 2, tookUp: 2, attendance: 67, attendanceText: '67%' }, { name: 'Football', offered: 1, tookUp: 0, attendance: null, attendanceText: '–' }])
  t.same(view.watch.map((w) => [w.name, w.why]), [
    ['Ada Ames', 'missed two of the last three sessions of Art studio; attendance down 5.0 points since transition (95.0% to 90.0%)']
  ], 'one row per pupil; Bo’s SDQ rose 2, under the 3 that puts a pupil on the list')
  t.same(view.notOffered.map((w) => [w.name, w.why]), [['Di Dunn', 'not offered an opportunity yet']])
  t.same(outcomesView({ ...data, sdq: [sdq(2, 'self', '2026-07-01', 10), sdq(2, 'self', '2027-06-01', 13)] }, '123456').watch.map((w) => [w.name, w.why]).slice(-1), [['Bo Bell', 'SDQ total difficulties up 3 since transition']])
  t.same(art.attendance, { measured: 2, meanChange: '-2.3', improved: 0, same: 1, worsened: 1 }, 'mean of −5.0 and +0.5')
  t.same(view.groups.find((g) => g.label === 'Whole cohort')!.attendance, { measured: 3, meanChange: '+0.2', improved: 1, same: 1, worsened: 1 }, '(−5.0 + 0.5 + 5.0) / 3; Di has one figure')
  t.same(view.attendanceByPupil.map((a) => [a.name, a.baseline, a.latest, a.change]), [['Ada Ames', '95.0%', '90.0%', '-5.0'], ['Bo Bell', '90.0%', '90.5%', '+0.5'], ['Cy Cole', '80.0%', '85.0%', '+5.0']])
  t.same(art.addedValue, { pairs: 0, text: '–' }, 'no parent pair with a baseline impact')
  t.ok(view.takeUpChart, 'a chart of sessions attended')
  t.same(view.equity[0], { label: 'Free school meals', cohort: '50%', offered: '33%', takingPart: '50%' })
  t.same(view.equity[2], { label: 'Looked after', cohort: '25%', offered: '33%', takingPart: '0%' })
})

t.test('added value for a group of five or more with parent pairs; fewer is not shown', async (t) => {
  const pupils = [1, 2, 3, 4, 5, 6].map((id) => ({ id, forename: `P${id}`, surname: 'Test', preferred_forename: null, form: '7A', fsm: false, sen: 'N', looked_after: false, eal: false }))
  const parent = (pupil_id: number, completed_on: string, scores: Record<string, number>) => ({ pupil_id, informant: 'parent', completed_on, scores })
  // baselines (total, impact, emotional) and follow-ups worked by hand: added value 5.3, −4.3, 0.2, 1.1, 3.0
  const figures: Array<[number, number, number, number]> = [[20, 4, 6, 12], [10, 0, 2, 14], [15, 2, 5, 13], [25, 6, 8, 20], [5, 0, 1, 3]]
  const sdqRows = figures.flatMap(([total, impact, emotional, follow], i) => [parent(i + 1, '2026-09-15', { total, impact, emotional }), parent(i + 1, '2027-06-15', { total: follow })])
  const placements = [1, 2, 3, 4, 5].map((id) => ({ id: 100 + id, pupil_id: id, status: 'active', opportunity_id: 7, name: 'Chess' }))
  const view = outcomesView({ pupils, sdq: sdqRows, placements, attendance: [], attendanceHistory: [] } as unknown as OutcomesData, '123456')
  const chess = view.groups.find((g) => g.label === 'Chess')!
  t.same(chess.addedValue, { pairs: 5, text: '+1.1' }, '(5.3 − 4.3 + 0.2 + 1.1 + 3.0) / 5 = 1.06')
  // follow-up − baseline totals: −8, +4, −2, −5, −2 → mean −13 / 5 = −2.6; four fewer, one more
  t.match(chess, { measured: 5, meanChange: '-2.6', improved: 4, same: 0, worsened: 1 }, 'five children: the SDQ change is shown')
  t.same(view.groups.find((g) => g.label === 'Not taking part in an opportunity')!.addedValue, { pairs: 0, text: '–' })
  const four = outcomesView({ pupils, sdq: sdqRows.slice(2), placements, attendance: [], attendanceHistory: [] } as unknown as OutcomesData, '123456')
  t.same(four.groups.find((g) => g.label === 'Chess')!.addedValue, { pairs: 4, text: 'fewer than 5' })
  t.notOk(JSON.stringify(view).includes('5.3'), 'no child’s own added value anywhere in the view')
})

t.test('the outcomes page for staff; link workers get 403', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'p@school.test' })
  await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'l@camhs.test' })
  const pastoral = await signedIn(app, 'p@school.test')
  const page = await pastoral.get(`/s/${school.urn}/opportunities/outcomes`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'meaningful for groups of pupils, not for one child')
  t.match(page.body, 'No offers yet.')
  t.same((await auditRows(app, 'outcomes_viewed')).map((r) => r.detail), [{ watch_pupil_ids: [], attendance_pupil_ids: [] }], 'audited, with the pupils the watch list named')
  t.equal((await (await signedIn(app, 'l@camhs.test')).get(`/s/${school.urn}/opportunities/outcomes`)).statusCode, 403)
})

t.test('a later attendance import shows change on the page, and a fall of 5 points or more puts the pupil on the watch list', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  await loadPupils(app.db, school.id, null, [
    { n: 1, forename: 'Ada', surname: 'Ames', attendance: { possible: 380, absent: 19 } },
    { n: 2, forename: 'Bo', surname: 'Bell', attendance: { possible: 380, absent: 38 } },
    { n: 3, forename: 'Cy', surname: 'Cole', attendance: { possible: 380, absent: 0 } }
  ])
  const later = Buffer.from(`upn,sessions_possible,sessions_absent,period\n${upn(1)},140,14,Autumn 1\n${upn(2)},140,13,Autumn 1\n`)
  t.same((await runImport(app.db, { schoolId: school.id, userId: null, fileName: 'autumn.csv', content: later, today: TODAY })).errors, [])
  const lead = await signedIn(app, 'lead@school.test')
  const page = await lead.get(`/s/${school.urn}/opportunities/outcomes`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'attendance down 5.0 points since transition (95.0% to 90.0%)')
  t.notMatch(page.body, /Bo Bell<\/a><\/td><td class="govuk-table__cell">[^<]*<\/td><td class="govuk-table__cell">attendance down/, 'Bo rose slightly')
  t.match(page.body, "Each pupil's attendance since transition (2)")
  t.match(page.body, 'SDQ added value is an estimate for groups of children, not a measure for one child')
  const pupils = await app.db.selectFrom('pupils').select(['id', 'forename']).where('school_id', '=', school.id).orderBy('surname').execute()
  const audit = (await auditRows(app, 'outcomes_viewed')).at(-1)!.detail as { watch_pupil_ids: number[]; attendance_pupil_ids: number[] }
  t.same(audit.attendance_pupil_ids, [pupils[0]!.id, pupils[1]!.id], 'the view records whose attendance it showed')
  t.ok(audit.watch_pupil_ids.includes(pupils[0]!.id))
})
