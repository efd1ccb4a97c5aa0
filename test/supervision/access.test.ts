// Who may use each supervision route, declared once per route: signed out → sign in; another school's
// lead → not found; pastoral staff read but do not plan; link workers read their agenda only. Lead-only
// routes refuse pastoral and link workers with 403 and change nothing.
import t from 'tap'
import { buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { loadPupils, pupilId } from '../screening/cohort'
import { rescreenSchool } from '../../server/screening/service'

t.test('every supervision route answers each role as declared', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Access High')
  const other = await createSchool(app, 'Other High')
  const lead = await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }])
  const pastoral = await createUser(app, [{ schoolId: school.id, role: 'pastoral' }])
  const link = await createUser(app, [{ schoolId: school.id, role: 'link' }])
  const outsider = await createUser(app, [{ schoolId: other.id, role: 'lead' }])
  await loadPupils(app.db, school.id, lead.id, [{ n: 1, socialCare: 'CP', sen: 'E' }])
  await rescreenSchool(app.db, school.id)
  const pupil = await pupilId(app.db, school.id, 1)
  const base = `/s/${school.urn}/supervision`
  const leadB = await signedIn(app, lead.email)
  await leadB.get(base)
  const meetingUrl = (await leadB.post(`${base}/meetings`, { meets_on: '2026-11-10', meets_at: '', location: '', link_user_id: String(link.id), cover_user_id: '' })).headers.location as string
  const meetingCount = async () => (await app.db.selectFrom('supervision_meetings').select('id').execute()).length

  // [method, url, pastoral answer, link answer]; the lead gets 200 (GET) or 303 (POST) on each
  const routes: Array<[string, string, number, number]> = [
    ['GET', base, 200, 200],
    ['GET', `${base}/terms`, 403, 403],
    ['POST', `${base}/terms`, 403, 403],
    ['GET', `${base}/meetings/new`, 403, 403],
    ['POST', `${base}/meetings`, 403, 403],
    ['GET', meetingUrl, 200, 200],
    ['GET', `${meetingUrl}/edit`, 403, 403],
    ['POST', `${meetingUrl}/edit`, 403, 403],
    ['POST', `${meetingUrl}/agenda`, 403, 403],
    ['POST', `${meetingUrl}/start`, 403, 403],
    ['POST', `${meetingUrl}/close`, 403, 403],
    ['GET', `${meetingUrl}/pupils/${pupil}`, 200, 200],
    ['GET', `${meetingUrl}/pack.pdf`, 200, 200]
  ]
  for (const [who, user, column] of [['pastoral', pastoral, 2], ['link', link, 3]] as const) {
    const b = await signedIn(app, user.email)
    await b.get(base)
    for (const route of routes) {
      const [method, url] = route
      const res = method === 'GET' ? await b.get(url) : await b.post(url, { meets_on: '2026-11-11', pupil: String(pupil), change: 'add', reason: 'x' })
      t.equal(res.statusCode, route[column], `${who}: ${method} ${url}`)
    }
  }
  t.equal(await meetingCount(), 1, 'nothing planned by pastoral staff or a link worker')
  const o = await signedIn(app, outsider.email)
  for (const [method, url] of routes) {
    const res = method === 'GET' ? await o.get(url) : await o.post(url, {})
    t.equal(res.statusCode, 404, `another school's lead: ${method} ${url}`)
  }
  for (const [method, url] of routes) {
    const res = await app.inject({ method: method as 'GET' | 'POST', url, headers: { accept: 'text/html' } })
    t.ok([303, 403].includes(res.statusCode), `signed out: ${method} ${url} (${res.statusCode})`)
    if (res.statusCode === 303) t.match(res.headers.location, /^\/login/)
  }
  const home = await app.inject({ method: 'GET', url: '/supervision', headers: { accept: 'text/html' } })
  t.match(home.headers.location, /^\/login/, 'the link worker home needs a sign-in')
  t.equal(await meetingCount(), 1)
})
