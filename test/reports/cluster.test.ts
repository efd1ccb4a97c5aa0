// The cluster overview through the real app and database: each school's figures, only the schools the
// person belongs to, links only where their role opens a school, no pupil's identity, and an audit row.
// A `cluster` membership opens none of a school's pages.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { rescreenSchool, decideLevel } from '../../server/screening/service'
import { raiseAlerts } from '../../server/letters/service'
import { recordOutcome } from '../../server/letters/store'
import { dashboardModel, loadDashboard } from '../../server/reports/dashboard'
import { clusterOverviewModel, loadClusterOverview, type ClusterLevelsCache } from '../../server/reports/cluster'
import { buildTestApp, createSchool, createUser, signedIn, auditRows, type Browser } from '../helper'
import { loadPupils, pupilId, upn, type TestPupil } from '../screening/cohort'

const FINE = { ks2: { reading: '110', maths: '110', writing: 'GDS' }, attendance: { possible: 380, absent: 0 } }
const A_PUPILS: TestPupil[] = [
  { n: 1, surname: 'Quillfeather', forename: 'Ottilie', attendance: { possible: 1000, absent: 550 }, letter: { text: 'one', analysis: { concern: 'none' } } },
  { n: 2, surname: 'Brackenridge', forename: 'Caspian', socialCare: 'CP', sen: 'E', letter: { text: 'two', analysis: { concern: 'some' } } },
  { n: 3, surname: 'Marchbanks', forename: 'Wilhelmina', ...FINE, letter: { text: 'Nobody will talk to me at the big school.', analysis: { concern: 'high' } } },
  { n: 4, surname: 'Thistlewood', forename: 'Barnaby', ...FINE, letter: { text: 'four', analysis: { concern: 'none' } } },
  { n: 5, surname: 'Fennimore', forename: 'Saoirse', ...FINE, letter: { text: 'I am scared to go home.', analysis: { concern: 'some', worries: [], interests: [], safeguarding: [{ category: 'physical_abuse', text: 'scared to go home', start: 5, end: 22 }] } } }
]
const B_PUPILS: TestPupil[] = [
  { n: 11, surname: 'Okonkwo', forename: 'Adaeze', ...FINE, letter: { text: 'I worry all the time and cannot sleep.', analysis: { concern: 'high' } } },
  { n: 12, surname: 'Pemberton', forename: 'Rufus', ...FINE },
  { n: 13, surname: 'Vasquez', forename: 'Lucia', attendance: { possible: 380, absent: 200 } }
]
const C_PUPILS: TestPupil[] = [{ n: 21, surname: 'Hollowell', forename: 'Jessamy', ...FINE }]

async function school(app: FastifyInstance, name: string, pupils: TestPupil[]) {
  const s = await createSchool(app, name)
  await loadPupils(app.db, s.id, null, pupils)
  await raiseAlerts(app.db, s.id)
  await rescreenSchool(app.db, s.id)
  return s
}

async function meeting(app: FastifyInstance, schoolId: number) {
  const m = await app.db.insertInto('supervision_meetings').values({ school_id: schoolId, meets_on: '2026-10-01' }).returning('id').executeTakeFirstOrThrow()
  return m.id
}

async function action(app: FastifyInstance, schoolId: number, meetingId: number, dueOn: string | null, status?: 'open' | 'in_progress' | 'done' | 'dropped') {
  const a = await app.db
    .insertInto('supervision_actions')
    .values({ school_id: schoolId, meeting_id: meetingId, pupil_id: null, description: 'Check in weekly', owner_name: 'Someone', due_on: dueOn })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (status) await app.db.insertInto('action_updates').values({ school_id: schoolId, action_id: a.id, meeting_id: null, status }).execute()
}

async function setUp(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t)
  const a = await school(app, 'Ashgrove Academy', A_PUPILS)
  const b = await school(app, 'Beechwood School', B_PUPILS)
  const c = await school(app, 'Cedar Unseen College', C_PUPILS)
  const officer = await createUser(app, [{ schoolId: a.id, role: 'lead' }, { schoolId: b.id, role: 'cluster' }], { email: 'officer@trust.test' })
  const la = await createUser(app, [{ schoolId: a.id, role: 'cluster' }, { schoolId: b.id, role: 'cluster' }], { email: 'la@council.test' })
  await createUser(app, [{ schoolId: a.id, role: 'pastoral' }], { email: 'pastoral@ashgrove.test' })

  // a staff decision overrides the suggestion, and the overview counts the decision
  await decideLevel(app.db, a.id, { userId: officer.id }, await pupilId(app.db, a.id, 4), 'getting_more_help', 'Known to the school nurse')

  // actions: A one overdue (an open one past its date; a done one and a future one are not); B two
  const ma = await meeting(app, a.id)
  await action(app, a.id, ma, '2020-01-10')
  await action(app, a.id, ma, '2020-01-10', 'done')
  await action(app, a.id, ma, '2999-01-01')
  await action(app, a.id, ma, null)
  const mb = await meeting(app, b.id)
  await action(app, b.id, mb, '2020-02-01')
  await action(app, b.id, mb, '2020-02-01', 'in_progress')
  await action(app, b.id, mb, '2020-02-01', 'dropped')
  const mc = await meeting(app, c.id)
  await action(app, c.id, mc, '2020-02-01')

  // places at A: one taking part (its register is the outcomes page's, not the overview's), one offered, one declined
  const opp = await app.db.insertInto('opportunities').values({ school_id: a.id, name: 'Art studio', category: 'creative', capacity: 10 }).returning('id').executeTakeFirstOrThrow()
  const place = async (n: number, status: 'active' | 'offered' | 'declined') =>
    (await app.db.insertInto('placements').values({ school_id: a.id, pupil_id: await pupilId(app.db, a.id, n), opportunity_id: opp.id, status }).returning('id').executeTakeFirstOrThrow()).id
  const active = await place(1, 'active')
  await place(2, 'offered')
  await place(3, 'declined')
  for (const [heldOn, present] of [['2026-10-06', true], ['2026-10-13', false], ['2026-10-20', true]] as const) {
    await app.db.insertInto('placement_attendance').values({ school_id: a.id, placement_id: active, held_on: heldOn, present }).execute()
  }
  return { app, a, b, c, officer, la }
}

/** The cells of a school's row in the overview table: role, pupils, five levels, then the other figures. */
function rowOf(body: string, urn: string) {
  const row = new RegExp(`<tr data-urn="${urn}">(.*?)</tr>`).exec(body)
  if (!row) return null
  const head = /<th scope="row"[^>]*>(.*?)<\/th>/.exec(row[1]!)![1]!
  const cells = [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!)
  const [role, pupils, l1, l2, l3, l4, l5, unscreened, hidden, alerts, overdue, offered, takingPart, takeUp] = cells
  return { head, role, pupils: Number(pupils), levels: [l1, l2, l3, l4, l5].map(Number), unscreened: Number(unscreened), hidden: Number(hidden), alerts: Number(alerts), overdue: Number(overdue), offered: Number(offered), takingPart: Number(takingPart), takeUp }
}

async function dashboardOf(app: FastifyInstance, s: { id: number; urn: string }) {
  const d = dashboardModel(await loadDashboard(app.db, s.id), s.urn)
  return { levels: d.levels.map((l) => l.count), hidden: d.hidden.length }
}

t.test('each school’s figures, for the schools the person belongs to and no other', async (t) => {
  const { app, a, b, c, officer } = await setUp(t)
  const browser = await signedIn(app, 'officer@trust.test')
  const res = await browser.get('/cluster')
  t.equal(res.statusCode, 200)

  const rowA = rowOf(res.body, a.urn)!
  t.ok(rowA, 'Ashgrove is listed')
  t.equal(rowA.pupils, 5)
  const dashA = await dashboardOf(app, a)
  t.same(rowA.levels, dashA.levels, 'levels agree with the school’s own dashboard (staff decisions included)')
  t.equal(rowA.levels[3]! >= 1, true, 'the decided level is counted')
  t.equal(rowA.unscreened, 0)
  t.equal(rowA.hidden, 2, 'two hidden pupils: letters that worry, data that do not')
  t.equal(rowA.hidden, dashA.hidden, 'as the school’s dashboard says')
  t.equal(rowA.alerts, 1, 'one safeguarding alert awaiting the DSL')
  t.equal(rowA.overdue, 1, 'only the open action past its date')
  t.equal(rowA.offered, 2, 'offered: the pupil taking part and the one offered, not the one who declined')
  t.equal(rowA.takingPart, 1)
  t.equal(rowA.takeUp, '50%', 'take-up: one of the two offered is taking part')
  t.match(rowA.head, `href="/s/${a.urn}"`, 'a lead’s school opens')
  t.equal(rowA.role, 'Senior mental health lead')

  const rowB = rowOf(res.body, b.urn)!
  t.ok(rowB, 'Beechwood is listed')
  t.equal(rowB.pupils, 3)
  const dashB = await dashboardOf(app, b)
  t.same(rowB.levels, dashB.levels)
  t.equal(rowB.hidden, 1)
  t.equal(rowB.hidden, dashB.hidden)
  t.equal(rowB.alerts, 0)
  t.equal(rowB.overdue, 2, 'open and in progress past their date; the dropped one is not')
  t.equal(rowB.offered, 0)
  t.equal(rowB.takeUp, '–', 'no offers: no percentage')
  t.notMatch(rowB.head, 'href=', 'a cluster membership gives figures, not a way in')
  t.match(rowB.role, 'cluster figures only')

  t.equal(rowOf(res.body, c.urn), null, 'a school without a membership never appears')
  t.notMatch(res.body, 'Cedar Unseen College')
  t.match(res.body, /All 2 schools<\/th><td[^>]*>8<\/td>/, 'totals across both schools')
  t.match(res.body, '<svg', 'the chart')
  t.match(res.body, 'aria-labelledby="cluster-levels-title cluster-levels-desc"')
  t.match(res.body, 'Pupils per level across 2 schools')
  t.match(res.body, 'href="/cluster" aria-current="page"', 'the nav marks the page')

  for (const p of [...A_PUPILS, ...B_PUPILS, ...C_PUPILS]) {
    t.notMatch(res.body, p.surname!, `no surname of pupil ${p.n}`)
    t.notMatch(res.body, p.forename!, `no forename of pupil ${p.n}`)
    t.notMatch(res.body, upn(p.n), `no UPN of pupil ${p.n}`)
  }
  t.notMatch(res.body, '/pupils/', 'no link to any pupil')

  const audit = await auditRows(app, 'cluster_overview_viewed')
  t.equal(audit.length, 1, 'the view is audited')
  t.equal(audit[0]!.user_id, officer.id)
  t.equal(audit[0]!.school_id, null)
  t.same([...(audit[0]!.detail.school_ids as number[])].sort((x, y) => x - y), [a.id, b.id].sort((x, y) => x - y))

  const home = await browser.get(`/s/${a.urn}`)
  t.match(home.body, 'href="/cluster"', 'someone with two schools has the overview in the nav')
})

t.test('a cluster officer lands on the overview and is refused every page of a school with 403', async (t) => {
  const { app, a, b, la } = await setUp(t)
  const browser = await signedIn(app, 'la@council.test')
  const home = await browser.get('/')
  t.equal(home.statusCode, 303)
  t.equal(home.headers.location, '/cluster')
  const page = await browser.get('/cluster')
  t.equal(page.statusCode, 200)
  t.ok(rowOf(page.body, a.urn) && rowOf(page.body, b.urn), 'both schools')
  t.notMatch(page.body, `href="/s/`, 'no way into any school')

  const alert = await app.db.selectFrom('safeguarding_alerts').select('id').where('school_id', '=', a.id).executeTakeFirstOrThrow()
  const pupil = await pupilId(app.db, a.id, 5)
  const names = A_PUPILS.flatMap((p) => [p.surname!, p.forename!])
  for (const path of ['', '/pupils', `/pupils/${pupil}`, '/letters', '/alerts', `/alerts/${alert.id}`, '/supervision', '/pupils/export.csv', '/opportunities']) {
    const res = await browser.get(`/s/${a.urn}${path}`)
    t.equal(res.statusCode, 403, `GET /s/A${path}`)
    t.match(res.body, 'cluster overview')
    for (const name of names) t.notMatch(res.body, name)
  }
  // every route of a school, whatever domain added it, refuses a cluster membership
  t.ok(app.schoolRoutes.length >= 20, `${app.schoolRoutes.length} school routes`)
  for (const route of app.schoolRoutes) {
    await browser.get('/cluster')
    const url = route.url.replace(':urn', a.urn).replace(/:[A-Za-z]+/g, '1')
    const res = route.method === 'GET' ? await browser.get(url) : await browser.request({ method: route.method as 'POST', url, form: { _csrf: browser.csrf ?? '' } })
    t.equal(res.statusCode, 403, `${route.method} ${route.url}`)
  }
  const done = await app.db.selectFrom('audit_log').select('action').distinct().where('user_id', '=', la.id).orderBy('action').execute()
  const signingIn = new Set(['login', 'second_factor_verified'])
  t.same(done.map((r) => r.action).filter((a) => !signingIn.has(a)), ['cluster_overview_viewed'], 'nothing of a pupil was opened or changed')
})

t.test('someone in one school gets no overview: no link, and 403 at the address', async (t) => {
  const { app, a } = await setUp(t)
  const browser: Browser = await signedIn(app, 'pastoral@ashgrove.test')
  const home = await browser.get(`/s/${a.urn}`)
  t.equal(home.statusCode, 200)
  t.notMatch(home.body, 'href="/cluster"', 'no overview link in the nav')
  const res = await browser.get('/cluster')
  t.equal(res.statusCode, 403)
  t.match(res.body, 'for people who work across several schools')
  t.same(await auditRows(app, 'cluster_overview_viewed'), [], 'a refused view writes no audit row')
  t.equal((await browser.get('/')).headers.location, `/s/${a.urn}`, 'their home is still their school')
})

t.test('a cluster officer of one school sees that school’s figures', async (t) => {
  const app = await buildTestApp(t)
  const a = await school(app, 'Ashgrove Academy', A_PUPILS.slice(0, 2))
  await createUser(app, [{ schoolId: a.id, role: 'cluster' }], { email: 'one@council.test' })
  const browser = await signedIn(app, 'one@council.test')
  t.equal((await browser.get('/')).headers.location, '/cluster')
  const res = await browser.get('/cluster')
  t.equal(res.statusCode, 200)
  t.equal(rowOf(res.body, a.urn)!.pupils, 2)
  t.match(res.body, 'Pupils per level across 1 school<')
  t.match(res.body, 'href="/cluster"', 'the nav links the overview')
})

t.test('pupils per level are read again exactly when they can have changed, and every other figure on every view', async (t) => {
  const { app, a, b, officer } = await setUp(t)
  const access = [{ id: a.id, role: 'lead' as const }, { id: b.id, role: 'cluster' as const }]
  const cache: ClusterLevelsCache = new Map()
  const view = async () => loadClusterOverview(app.db, access, '2026-12-02', cache)
  const rowOfA = (d: Awaited<ReturnType<typeof view>>) => d.figures.find((f) => f.id === a.id)!
  const first = await view()
  t.equal(first.reread, 2, 'a first view reads both schools’ levels')
  t.equal((await view()).reread, 0, 'nothing changed: nothing read again')

  const before = rowOfA(first)
  await decideLevel(app.db, a.id, { userId: officer.id }, await pupilId(app.db, a.id, 3), 'getting_risk_support', 'Disclosed at the nurse’s drop-in')
  const decided = await view()
  t.equal(decided.reread, 1, 'a staff decision: that school only')
  t.equal(rowOfA(decided).getting_risk_support, before.getting_risk_support + 1, 'the decision is counted at once')
  t.same([rowOfA(decided).thriving, rowOfA(decided).getting_advice, rowOfA(decided).getting_help, rowOfA(decided).getting_more_help, rowOfA(decided).getting_risk_support], (await dashboardOf(app, a)).levels)

  await loadPupils(app.db, a.id, null, [{ n: 6, surname: 'Abernethy', forename: 'Clementine', ...FINE }])
  const imported = await view()
  t.equal(imported.reread, 1, 'an import re-screens, and the school is read again')
  t.equal(rowOfA(imported).pupils, 6)
  t.equal(rowOfA(imported).unscreened, 0)

  // a DSL records the outcome of each of A's alerts (an appended outcome: alerts are kept records)
  for (const alert of await app.db.selectFrom('safeguarding_alerts').select('id').where('school_id', '=', a.id).where('status', '=', 'open').execute()) {
    await recordOutcome(app.db, a.id, alert.id, { outcome: 'already_known', reason: 'Known to the DSL', userId: officer.id })
  }
  await app.db.insertInto('placements').values({ school_id: b.id, pupil_id: await pupilId(app.db, b.id, 11), opportunity_id: (await app.db.insertInto('opportunities').values({ school_id: b.id, name: 'Chess club', category: 'enrichment', capacity: 8 }).returning('id').executeTakeFirstOrThrow()).id, status: 'active' }).execute()
  const live = await view()
  t.equal(live.reread, 0, 'alerts and places need no re-read of levels')
  t.equal(rowOfA(live).alerts_open, 0, 'a handled alert leaves the count at once')
  t.equal(live.figures.find((f) => f.id === b.id)!.taking_part, 1, 'a place taken up counts at once')

  const other = new Map() as ClusterLevelsCache
  const fresh = await loadClusterOverview(app.db, access, '2026-12-02', other)
  t.same(fresh.figures, live.figures, 'what the cache holds is what a fresh read gives')
})

t.test('the view model with no pupils: zeros and no percentage', async (t) => {
  const zero = { pupils: 0, unscreened: 0, thriving: 0, getting_advice: 0, getting_help: 0, getting_more_help: 0, getting_risk_support: 0, hidden: 0, alerts_open: 0, actions_overdue: 0, offered: 0, taking_part: 0 }
  const model = clusterOverviewModel({ figures: [{ id: 7, urn: '100007', name: 'Empty School', ...zero }, { id: 8, urn: '100008', name: 'Gone School', ...zero }], roles: new Map([[7, 'link' as const]]) })
  t.equal(model.schools[0]!.href, '/s/100007/supervision', 'a link worker’s way in is the supervision')
  t.equal(model.schools[1]!.href, null)
  t.equal(model.schools[1]!.roleLabel, '')
  t.equal(model.total.takeUp, '–')
  t.same(model.total.levels, [0, 0, 0, 0, 0])
  t.equal(model.figuresOnly, true)
})
