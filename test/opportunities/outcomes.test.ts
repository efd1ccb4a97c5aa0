// Outcomes across Year 7 as a pure view over plain data, and the page as staff see it.
import t from 'tap'
import { outcomesView, sdqChanges, type OutcomesData } from '../../server/opportunities/outcomes'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'

const sdq = (pupil_id: number, informant: 'self' | 'parent', completed_on: string, total: number) => ({ pupil_id, informant, completed_on, scores: { total } })

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
  ]
} as unknown as OutcomesData

t.test('change per pupil by one informant, self-report first; a single SDQ is no change at all', async (t) => {
  const changes = sdqChanges(data.sdq)
  t.same([...changes].sort(), [[1, -6], [2, 2], [3, 0]])
})

t.test('groups, take-up and equity', async (t) => {
  const view = outcomesView(data, '123456')
  const art = view.groups.find((g) => g.label === 'Art studio')!
  t.match(art, { pupils: 2, measured: 2, meanChange: '-2.0', improved: 1, worsened: 1 })
  t.match(view.groups.find((g) => g.label === 'Not taking part in an opportunity')!, { pupils: 2, measured: 1, meanChange: '0.0', same: 1 })
  t.match(view.groups.find((g) => g.label === 'Whole cohort')!, { pupils: 4, measured: 3 })
  t.same(view.takeUp, [{ name: 'Art studio', offered: 2, tookUp: 2, attendance: 67 }, { name: 'Football', offered: 1, tookUp: 0, attendance: null }])
  t.same(view.watch.map((w) => [w.name, w.why]), [
    ['Ada Ames', 'missed two of the last three sessions of Art studio'],
    ['Bo Bell', 'SDQ total difficulties up 2 since transition'],
    ['Di Dunn', 'not offered an opportunity yet']
  ])
  t.ok(view.takeUpChart, 'a chart of sessions attended')
  t.same(view.equity[0], { label: 'Free school meals', cohort: '50%', offered: '33%', takingPart: '50%' })
  t.same(view.equity[2], { label: 'Looked after', cohort: '25%', offered: '33%', takingPart: '0%' })
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
  t.same((await auditRows(app, 'outcomes_viewed')).map((r) => r.detail), [{ watch_pupil_ids: [] }], 'audited, with the pupils the watch list named')
  t.equal((await (await signedIn(app, 'l@camhs.test')).get(`/s/${school.urn}/opportunities/outcomes`)).statusCode, 403)
})
