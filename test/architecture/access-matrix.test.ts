// The access matrix, generated from the app's own route table: every route the app registers, as
// every role of a school (with and without the DSL mark where the role may carry it), for its own
// school with real records, for another school, for another school's records under its own school's
// address, and signed out — each answer held to the one declaration in access-table.ts.
import t from 'tap'
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { ROLES, canBeDsl } from '../../server/accounts/schemas'
import { runImport } from '../../server/imports/service'
import { afterImport, letterAnalyserForImport } from '../../server/letters/analyse-on-import'
import { rescreenSchool } from '../../server/screening/service'
import { loadAgenda, onAgenda } from '../../server/supervision/agenda-data'
import { findMeeting } from '../../server/supervision/store'
import type { Role } from '../../server/db/schema'
import { Browser, buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { loadPupils, pupilId, TODAY, upn } from '../screening/cohort'
import { fixture } from '../imports/helpers'
import { upload, uploadSet } from '../imports/web-helpers'
import { ACCESS_TABLE, type Answer } from './access-table'

const DISCLOSURE = 'Dear me, I like art. My step dad hits me when mum is at work and I am scared to go home.'
const likesArt = { text: 'I love art', analysis: { concern: 'none', interests: [{ interest: 'art', text: 'art', start: 7, end: 10 }], worries: [], safeguarding: [] } as never }
const CATALOGUE = Buffer.from('name,category,capacity,min_places,interests,schedule\nArt studio,creative,10,5,art,Tuesday lunchtime\nBoard games,enrichment,10,0,,Wednesday lunchtime\n')

interface Subject { name: string; role: Role; isDsl: boolean }
/** Every role accounts knows, and each that may be a DSL once more as one: a new role is a new column. */
const SUBJECTS: Subject[] = ROLES.flatMap((role) => [{ name: role, role, isDsl: false }, ...(canBeDsl(role) ? [{ name: `${role}+dsl`, role, isDsl: true }] : [])])

interface SchoolRows {
  school: { id: number; urn: string; name: string }
  users: Map<string, { id: number; email: string }>
  pupil: number
  meeting: number
  action: number
  letter: number
  alert: number
  opportunity: number
  held: number
  placement: number
  staffTarget: number
  /** a link setting a new person's password, and one for an existing account to join the school */
  token: string
  joinToken: string
  /** an upload (and a set) waiting for a lead other than the subjects, for the routes' refusals */
  pending: string
  set: string
}

/** One school with a record behind every kind of path parameter, made through the app's own routes and imports. */
async function makeSchool(app: FastifyInstance, name: string): Promise<SchoolRows> {
  const school = await createSchool(app, name)
  const users = new Map<string, { id: number; email: string }>()
  for (const s of SUBJECTS) users.set(s.name, await createUser(app, [{ schoolId: school.id, role: s.role, isDsl: s.isDsl }], { name: `${name} ${s.name}` }))
  const lead = users.get('lead')!
  await loadPupils(app.db, school.id, lead.id, [
    { n: 1, forename: 'Ada', surname: `${name}-Ames`, socialCare: 'CP', sen: 'E', ks2: { reading: '95' }, attendance: { possible: 100, absent: 20 }, letter: likesArt },
    { n: 2, forename: 'Bo', surname: `${name}-Bell`, ks2: { reading: '105' }, attendance: { possible: 100, absent: 2 }, letter: likesArt },
    { n: 3, forename: 'Cy', surname: `${name}-Cole` }
  ])
  const letters = await runImport(app.db, {
    schoolId: school.id, userId: lead.id, fileName: 'letters.csv', kind: 'letters', today: TODAY, analyseLetter: letterAnalyserForImport(), afterWrite: afterImport,
    content: Buffer.from(`upn,written_on,letter\n${upn(3)},2026-07-04,"${DISCLOSURE}"\n`)
  })
  if (letters.errors.length) throw new Error(JSON.stringify(letters.errors))
  const catalogue = await runImport(app.db, { schoolId: school.id, userId: lead.id, fileName: 'opportunities.csv', content: CATALOGUE, kind: 'opportunities', today: TODAY })
  if (catalogue.errors.length) throw new Error(JSON.stringify(catalogue.errors))
  await rescreenSchool(app.db, school.id)
  const pupil = await pupilId(app.db, school.id, 1)

  const b = await signedIn(app, lead.email)
  const base = `/s/${school.urn}`
  await b.get(`${base}/opportunities/allocation`)
  await b.post(`${base}/opportunities/allocation`)
  const proposed = await app.db.selectFrom('placements').select('id').where('school_id', '=', school.id).orderBy('id').executeTakeFirst()
  if (proposed) await b.post(`${base}/opportunities/placements/${proposed.id}`, { action: 'offer' })
  await b.get(`${base}/supervision`)
  const plan = (on: string) => b.post(`${base}/supervision/meetings`, { meets_on: on, meets_at: '', location: '', link_user_id: String(users.get('link')!.id), cover_user_id: '' })
  const earlier = Number(/(\d+)$/.exec((await plan('2026-10-06')).headers.location as string)![1])
  await b.post(`${base}/supervision/meetings/${earlier}/start`)
  await b.post(`${base}/supervision/meetings/${earlier}/actions`, { pupil: String(pupil), description: 'Check in weekly', owner_user_id: String(lead.id), owner_name: '', due_on: '' })
  const meeting = Number(/(\d+)$/.exec((await plan('2026-11-10')).headers.location as string)![1])
  await b.get(`${base}/staff`)
  const invited = await b.post(`${base}/staff`, { name: `${name} Newcomer`, email: `new-${school.urn}@school.test`, role: 'pastoral' })
  const tokenIn = (body: string) => /\/invitation\/([A-Za-z0-9_-]+)/.exec(body)?.[1] ?? ''
  const token = tokenIn(invited.body)
  const elsewhere = await createUser(app, [], { name: `${name} Joiner` })
  await b.get(`${base}/staff`)
  const joinToken = tokenIn((await b.post(`${base}/staff`, { name: 'Joiner', email: elsewhere.email, role: 'pastoral' })).body)
  const staffTarget = await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { name: `${name} Leaver` })
  const uploader = await createUser(app, [{ schoolId: school.id, role: 'lead' }])
  const setUploader = await createUser(app, [{ schoolId: school.id, role: 'lead' }])
  const pending = (await upload(await signedIn(app, uploader.email), school.urn, { name: 'pupils.csv', content: fixture('pupils.csv') })).headers.location as string
  const set = (await uploadSet(await signedIn(app, setUploader.email), school.urn, [{ name: 'pupils.csv', content: fixture('pupils.csv') }, { name: 'letters.csv', content: fixture('letters.csv') }])).headers.location as string

  const one = async <T>(q: Promise<T | undefined>, what: string) => {
    const row = await q
    if (!row) throw new Error(`${name}: no ${what} was made`)
    return row
  }
  const db = app.db
  return {
    school, users, pupil, meeting, token, joinToken,
    action: (await one(db.selectFrom('supervision_actions').select('id').where('school_id', '=', school.id).executeTakeFirst(), 'action')).id,
    letter: (await one(db.selectFrom('letters').select('id').where('school_id', '=', school.id).where('pupil_id', '=', pupil).executeTakeFirst(), 'letter')).id,
    alert: (await one(db.selectFrom('safeguarding_alerts').select('id').where('school_id', '=', school.id).executeTakeFirst(), 'alert')).id,
    opportunity: (await one(db.selectFrom('opportunities').select('id').where('school_id', '=', school.id).where('name', '=', 'Board games').executeTakeFirst(), 'opportunity')).id,
    held: (await one(db.selectFrom('opportunities').select('id').where('school_id', '=', school.id).where('name', '=', 'Art studio').executeTakeFirst(), 'opportunity')).id,
    // an offered place: it stands when the allocation runs again, and has a slip to print
    placement: (await one(db.selectFrom('placements').select('id').where('school_id', '=', school.id).where('status', '=', 'offered').executeTakeFirst(), 'offered placement')).id,
    staffTarget: staffTarget.id,
    pending: pending.split('/').at(-1)!,
    set: set.split('/').at(-1)!
  }
}

/**
 * The meeting's agenda as it stands (proposed while planned, fixed once started): the test's pupil must
 * be on it, and another pupil of the school who is not.
 */
async function offAgenda(app: FastifyInstance, rows: SchoolRows): Promise<number> {
  const onIt = async () => {
    const agenda = await loadAgenda(app.db, rows.school.id, (await findMeeting(app.db, rows.school.id, rows.meeting))!)
    return new Set(agenda.items.filter(onAgenda).map((i) => i.pupilId))
  }
  const pick = async (on: Set<number>) => app.db.selectFrom('pupils').select('id').where('school_id', '=', rows.school.id).where('id', 'not in', [...on]).executeTakeFirst()
  let on = await onIt()
  if (!on.has(rows.pupil)) throw new Error(`${rows.school.name}: the pupil in the care of social services is not on the agenda`)
  // once started, the agenda is fixed: a pupil who joins the school afterwards is not on it
  if (!(await pick(on))) await loadPupils(app.db, rows.school.id, null, [{ n: 90 + on.size }])
  on = await onIt()
  const off = await pick(on)
  if (!off) throw new Error(`${rows.school.name}: every pupil is on the agenda`)
  return off.id
}

interface Ctx {
  rows: SchoolRows
  /** the subject's own waiting upload or set (a lead's; others use another lead's) */
  own: (kind: 'pending' | 'set') => Promise<string>
  subject: string
}

/** A real value for each path parameter, by what the route is about; a parameter not known here fails the test. */
async function pathFor(url: string, ctx: Ctx): Promise<string> {
  const { rows } = ctx
  const segments = url.split('/')
  const out: string[] = []
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!
    if (!seg.startsWith(':')) {
      out.push(seg)
      continue
    }
    const before = segments.slice(0, i).join('/')
    const value = await (async () => {
      if (seg === ':urn') return rows.school.urn
      if (seg === ':pupilId' || before.endsWith('/pupils')) return rows.pupil
      if (before.endsWith('/supervision/meetings')) return rows.meeting
      if (before.endsWith('/supervision/actions')) return rows.action
      if (before.endsWith('/letters')) return rows.letter
      if (before.endsWith('/alerts')) return rows.alert
      if (before.endsWith('/opportunities')) return rows.opportunity
      if (before.endsWith('/opportunities/allocation')) return rows.held
      if (before.endsWith('/opportunities/placements')) return rows.placement
      if (before.endsWith('/imports/pending')) return ctx.own('pending')
      if (before.endsWith('/imports/sets')) return ctx.own('set')
      // each lead rolls back an import of its own kind, so the second still finds one to roll back
      if (before.endsWith('/imports/rollback')) return ctx.subject === 'lead' ? 'attendance' : 'attainment'
      if (seg === ':userId') return rows.staffTarget
      if (seg === ':change') return ctx.subject === 'lead' ? 'deactivate' : 'reactivate'
      if (seg === ':token') return url.endsWith('/join') ? rows.joinToken : rows.token
      return undefined
    })()
    if (value === undefined) throw new Error(`${url}: the access matrix does not know what record ${seg} names; add it to pathFor`)
    out.push(String(value))
  }
  return out.join('/')
}

/** Routes that name their record in the query, with the query that names a real one. */
const QUERIES: Readonly<Record<string, (rows: SchoolRows) => string>> = {
  'GET /s/:urn/opportunities/slips.pdf': (rows) => `?placement=${rows.placement}`
}

/** Another school's record (or none at all) under the subject's own school address: the same path with each id swapped. */
function foreignPath(url: string, own: string, other: string): string {
  const o = own.split('/')
  const f = other.split('/')
  const segs = url.split('/')
  return segs.map((seg, i) => (seg === ':urn' ? o[i] : seg.startsWith(':') && seg !== ':change' && seg !== ':kind' ? f[i] : o[i])).join('/')
}

function answered(res: LightMyRequestResponse, method: string, url: string): string {
  const where = res.headers.location ? ` → ${res.headers.location}` : ''
  const said = /<p class="govuk-body">([^<]{0,160})/.exec(res.body)?.[1]
  return `${method} ${url}: ${res.statusCode}${where}${said ? ` (“${said.trim()}”)` : ''}`
}

function fits(expected: Answer, method: string, url: string, res: LightMyRequestResponse): boolean {
  const status = res.statusCode
  const location = String(res.headers.location ?? '')
  const toLogin = location.startsWith('/login')
  switch (expected) {
    case 'ok':
    case 'ok-if-on-agenda':
      if (method === 'GET') return status === 200
      return (status >= 200 && status < 400) || status === 409 || status === 422
    case 'redirect':
      return status >= 300 && status < 400 && location.startsWith('/') && !location.startsWith('//') && !toLogin
    case 'forbidden':
      return status === 403 && res.body.includes('<html')
    case 'notFound':
      return status === 404
    case 'login':
      return method === 'GET' ? status === 303 && location === `/login?next=${encodeURIComponent(url)}` : status === 401
    case 'signIn':
      return status === 303 && location === '/login'
  }
}

t.test('every route answers every role, school and signed-out visitor as its one declaration says', async (t) => {
  const app = await buildTestApp(t)
  const a = await makeSchool(app, 'Ash')
  const b = await makeSchool(app, 'Birch')

  // the route table, as Fastify registered it while the app was built
  const routes = app.routeTable.map((r) => ({ ...r, key: `${r.method} ${r.url}` }))
  t.ok(routes.length > 60, `${routes.length} routes`)
  const undeclared = routes.filter((r) => !ACCESS_TABLE[r.key])
  t.same(undeclared.map((r) => r.key), [], 'every route has a declaration in test/architecture/access-table.ts')
  const registered = new Set(routes.map((r) => r.key))
  t.same(Object.keys(ACCESS_TABLE).filter((k) => !registered.has(k)), [], 'every declaration is of a route the app has')
  for (const [key, access] of Object.entries(ACCESS_TABLE)) {
    const missing = [...SUBJECTS.map((s) => s.name), 'signedOut'].filter((s) => !(s in access))
    t.same(missing, [], `${key} declares an answer for every role (${ROLES.join(', ')}), each DSL and signed out`)
  }

  const browsers = new Map<string, Browser>()
  for (const s of SUBJECTS) browsers.set(s.name, await signedIn(app, a.users.get(s.name)!.email))
  // each lead's own upload waiting, one at a time as the import page keeps them
  const waiting = new Map<string, { kind: 'pending' | 'set'; id: string }>()
  const ownUpload = (subject: string, rows: SchoolRows) => async (kind: 'pending' | 'set') => {
    const s = SUBJECTS.find((x) => x.name === subject)
    if (rows !== a || !s || s.role !== 'lead') return kind === 'pending' ? rows.pending : rows.set
    const have = waiting.get(subject)
    if (have?.kind === kind) return have.id
    const browser = browsers.get(subject)!
    const res = kind === 'pending'
      ? await upload(browser, a.school.urn, { name: 'pupils.csv', content: fixture('pupils.csv') })
      : await uploadSet(browser, a.school.urn, [{ name: 'pupils.csv', content: fixture('pupils.csv') }, { name: 'letters.csv', content: fixture('letters.csv') }])
    const id = String(res.headers.location).split('/').at(-1)!
    waiting.set(subject, { kind, id })
    return id
  }
  const form = { meets_on: '', reason: '', decision: '' }
  const ask = async (browser: Browser, method: string, url: string) => {
    if (method === 'GET') return browser.get(url)
    if (browser.csrf === undefined) await browser.get('/login')
    return browser.post(url, form)
  }

  // GETs first, then POSTs (which may change what a later page shows); within a POST, refusals first
  const ordered = [...routes.filter((r) => r.method === 'GET'), ...routes.filter((r) => r.method !== 'GET')].filter((r) => ACCESS_TABLE[r.key])
  const failures: string[] = []
  const leaks: string[] = []
  let asked = 0
  for (const route of ordered) {
    const access = ACCESS_TABLE[route.key]!
    const isSchool = route.url.startsWith('/s/:urn')
    const hasIds = /\/:(?!(urn|kind|change)\b)/.test(route.url)
    const query = QUERIES[route.key]
    const pathOf = async (ctx: Ctx) => (await pathFor(route.url, ctx)) + (query ? query(ctx.rows) : '')
    // static files: a real file behind the wildcard
    const fixed = route.url === '/public/*' ? '/public/img/lantern.svg' : route.url === '/assets/govuk/*' ? '/assets/govuk/govuk-frontend.min.js' : null
    const check = (expected: Answer, who: string, url: string, res: LightMyRequestResponse) => {
      asked++
      if (!fits(expected, route.method, url, res)) failures.push(`${who} expected ${expected}: ${answered(res, route.method, url)}`)
    }

    // signed out
    const anonymous = new Browser(app)
    const anonUrl = fixed ?? (await pathOf({ rows: a, subject: 'signedOut', own: ownUpload('signedOut', a) }))
    check(access.signedOut!, 'signed out', anonUrl, await ask(anonymous, route.method, anonUrl))

    const order = [...SUBJECTS].sort((x, y) => Number(access[x.name] === 'ok') - Number(access[y.name] === 'ok'))
    for (const s of order) {
      const expected = access[s.name]!
      // signing out ends the session: a browser of its own
      let browser = browsers.get(s.name)!
      if (route.key === 'POST /logout') {
        browser = await signedIn(app, a.users.get(s.name)!.email)
        await browser.get('/account')
      }
      const own = fixed ?? (await pathOf({ rows: a, subject: s.name, own: ownUpload(s.name, a) }))
      if (isSchool) {
        // another school: not found, for every role, whatever the record
        const theirs = await pathOf({ rows: b, subject: s.name, own: ownUpload(s.name, b) })
        const res = await ask(browser, route.method, theirs)
        check('notFound', `${s.name} of another school`, theirs, res)
        if (res.body.includes(b.school.name)) failures.push(`${s.name}: ${route.method} ${theirs} shows the other school's name`)
      }
      if (isSchool && hasIds) {
        // another school's record under one's own school: the same answer as for a record that does not exist
        const theirs = await pathFor(route.url, { rows: b, subject: s.name, own: ownUpload(s.name, b) })
        const foreign = foreignPath(route.url, own, theirs)
        const none = foreignPath(route.url, own, route.url.split('/').map((seg) => (seg.startsWith(':') ? (seg === ':token' ? 'x' : /imports\/(pending|sets)/.test(route.url) ? randomUUID() : '999999999') : seg)).join('/'))
        const f = await ask(browser, route.method, foreign)
        const n = await ask(browser, route.method, none)
        asked += 2
        if (f.statusCode !== n.statusCode) leaks.push(`${s.name}: ${route.method} ${foreign} answers ${f.statusCode} but ${n.statusCode} for a record that does not exist`)
        if (expected.startsWith('ok') && route.method === 'GET' && ![303, 404].includes(f.statusCode)) failures.push(`${s.name}: ${answered(f, 'GET', foreign)} for another school's record`)
        for (const secret of [b.school.name, 'Birch-Ames', 'Birch-Bell', 'Birch-Cole']) {
          if (f.body.includes(secret)) failures.push(`${s.name}: ${route.method} ${foreign} shows '${secret}' of the other school`)
        }
      }
      check(expected, s.name, own, await ask(browser, route.method, own))
      if (expected === 'ok-if-on-agenda') {
        const off = own.replace(new RegExp(`/pupils/${a.pupil}$`), `/pupils/${await offAgenda(app, a)}`)
        check('notFound', `${s.name} (a pupil off the agenda)`, off, await ask(browser, route.method, off))
      }
      // a confirmed or cancelled upload is gone: the next route uploads afresh
      if (route.method === 'POST' && /\/imports\/(pending|sets)\//.test(route.url)) waiting.delete(s.name)
    }
  }
  t.same(failures, [], 'every answer is the declared one')
  t.same(leaks, [], 'no route tells a record of another school from one that does not exist')
  t.ok(asked > routes.length * SUBJECTS.length, `${asked} requests`)
})
