// The dashboard and the pupil list are kept in memory under the school's view version: they must change
// the moment the data they show change, by whichever path (an import, a letter review, a staff decision,
// a settings change, a write outside every service, another app instance), and never show another school.
import t from 'tap'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { reviewLetter } from '../../server/letters/service'
import { buildTestApp, createSchool, createUser, signedIn, auditRows, Browser, TEST_PASSWORD } from '../helper'
import { loadPupils, pupilId, upn } from '../screening/cohort'

const figure = (body: string, label: string) => Number(new RegExp(`lantern-card__figure">(\\d+)</span>${label}`).exec(body)?.[1])
const pupilsOnDashboard = (body: string) => Number(/screening: (\d+) pupils\./.exec(body)?.[1])
const levelCount = (body: string, label: string) => Number(new RegExp(`>${label}</a></th><td class="govuk-table__cell govuk-table__cell--numeric">(\\d+)<`).exec(body)?.[1])

async function school(t: { teardown(fn: () => unknown): void }) {
  const app = await buildTestApp(t)
  const s = await createSchool(app, 'Elm Academy')
  const lead = await createUser(app, [{ schoolId: s.id, role: 'lead', isDsl: true }], { email: 'lead@elm.test' })
  await loadPupils(app.db, s.id, lead.id, [
    { n: 1, surname: 'Able', forename: 'Ann', form: '7A', letter: { text: 'I like drawing.', analysis: { concern: 'none' } } },
    { n: 2, surname: 'Baker', forename: 'Ben', form: '7B', letter: { text: 'I worry about the big school.', analysis: { concern: 'some' } } }
  ])
  return { app, s, lead }
}

t.test('an import shows on the dashboard and the list at once', async (t) => {
  const { app, s, lead } = await school(t)
  const b = await signedIn(app, 'lead@elm.test')
  const before = await b.get(`/s/${s.urn}`)
  t.equal(pupilsOnDashboard(before.body), 2)
  t.equal(pupilsOnDashboard((await b.get(`/s/${s.urn}`)).body), 2, 'served again from memory')
  t.match((await b.get(`/s/${s.urn}/pupils`)).body, '2 pupils.')

  await loadPupils(app.db, s.id, lead.id, [{ n: 3, surname: 'Carter', forename: 'Cai', form: '7A' }])
  const after = await b.get(`/s/${s.urn}`)
  t.equal(pupilsOnDashboard(after.body), 3, 'the imported pupil is counted')
  const list = await b.get(`/s/${s.urn}/pupils`)
  t.match(list.body, '3 pupils.')
  t.match(list.body, 'Carter, Cai')
  t.match((await b.get(`/s/${s.urn}/pupils?form=7A`)).body, 'Showing 2 of 3 pupils.', 'a filtered list is worked out afresh too')
  // more filters than are kept: the oldest is dropped and worked out again when asked
  for (const query of ['form=7B', 'sort=form', 'sort=score&dir=desc', 'q=carter', 'form=7A']) {
    const page = await b.get(`/s/${s.urn}/pupils?${query}`)
    t.equal(page.statusCode, 200)
    if (query === 'q=carter') t.match(page.body, 'Showing 1 of 3 pupils.')
    if (query === 'form=7A') t.match(page.body, 'Showing 2 of 3 pupils.')
  }
})

t.test('a letter review and a staff decision show at once', async (t) => {
  const { app, s, lead } = await school(t)
  const b = await signedIn(app, 'lead@elm.test')
  const before = await b.get(`/s/${s.urn}`)
  const waiting = figure(before.body, 'letters awaiting review')
  t.equal(waiting, 2, 'both letters wait for staff')
  const letter = await app.db.selectFrom('letters').select('id').where('school_id', '=', s.id).orderBy('id').executeTakeFirstOrThrow()
  await reviewLetter(app.db, { schoolId: s.id, userId: lead.id, ip: '127.0.0.1' }, letter.id, { concern: 'none', worries: [], interests: [], note: null })
  t.equal(figure((await b.get(`/s/${s.urn}`)).body, 'letters awaiting review'), 1, 'the reviewed letter no longer waits')

  const ben = await pupilId(app.db, s.id, 2)
  const risk = levelCount((await b.get(`/s/${s.urn}`)).body, 'Getting Risk Support')
  await b.get(`/s/${s.urn}/pupils/${ben}`)
  const decided = await b.post(`/s/${s.urn}/pupils/${ben}/level`, { level: 'getting_risk_support', reason: 'Known to the primary school’s pastoral lead.' })
  t.equal(decided.statusCode, 303)
  t.equal(levelCount((await b.get(`/s/${s.urn}`)).body, 'Getting Risk Support'), risk + 1, 'the decided level is counted')
  t.match((await b.get(`/s/${s.urn}/pupils`)).body, 'staff decision', 'and the list shows the decision')
})

t.test('settings changes and writes outside every service show at once', async (t) => {
  const { app, s } = await school(t)
  const b = await signedIn(app, 'lead@elm.test')
  t.match((await b.get(`/s/${s.urn}`)).body, 'Above 50% to 90%: persistent')
  await b.get(`/s/${s.urn}/screening/settings`)
  t.equal((await b.post(`/s/${s.urn}/screening/settings`, { 'attendance.persistentAbsencePercent': '11' })).statusCode, 303)
  t.match((await b.get(`/s/${s.urn}`)).body, 'Above 50% to 89%: persistent', 'the new threshold shows')
  t.equal(pupilsOnDashboard((await b.get(`/s/${s.urn}`)).body), 2)
  await app.db.insertInto('pupils').values({ school_id: s.id, upn: upn(9), surname: 'Outside', forename: 'Olly', dob: '2014-10-01' }).execute()
  t.equal(pupilsOnDashboard((await b.get(`/s/${s.urn}`)).body), 3, 'a row written by hand is counted')
  t.match((await b.get(`/s/${s.urn}/pupils`)).body, 'Outside, Olly')
  await app.db.updateTable('pupils').set({ preferred_forename: 'Oliver' }).where('upn', '=', upn(9)).execute()
  t.match((await b.get(`/s/${s.urn}/pupils`)).body, '(Oliver)</a>', 'an edited name shows')
  await app.db.deleteFrom('pupils').where('upn', '=', upn(9)).execute()
  t.equal(pupilsOnDashboard((await b.get(`/s/${s.urn}`)).body), 2, 'a deleted pupil is gone')
})

t.test('one school never sees another’s figures, and views are still audited each time', async (t) => {
  const { app, s, lead } = await school(t)
  const other = await createSchool(app, 'Ash School')
  await createUser(app, [{ schoolId: other.id, role: 'lead' }], { email: 'lead@ash.test' })
  await loadPupils(app.db, other.id, lead.id, [{ n: 5, surname: 'Dunn', forename: 'Dee', form: '7C' }])
  const elm = await signedIn(app, 'lead@elm.test')
  const ash = await signedIn(app, 'lead@ash.test')
  for (let i = 0; i < 2; i++) {
    t.equal(pupilsOnDashboard((await elm.get(`/s/${s.urn}`)).body), 2)
    const list = await ash.get(`/s/${other.urn}/pupils`)
    t.match(list.body, 'Dunn, Dee')
    t.notMatch(list.body, 'Able, Ann')
    t.notMatch((await elm.get(`/s/${s.urn}/pupils`)).body, 'Dunn, Dee')
  }
  t.equal((await ash.get(`/s/${s.urn}/pupils`)).statusCode, 404, 'another school’s cached list is not reachable')
  t.equal((await auditRows(app, 'pupil_list_viewed')).length, 4, 'every list view from memory is audited')
})

t.test('two app instances on one database: a change made through one shows on the other', async (t) => {
  const { app, s, lead } = await school(t)
  const url = (app.pg.pool as unknown as { options: { connectionString: string } }).options.connectionString
  const config = { ...loadConfig({ LANTERN_LOG_LEVEL: 'silent', LANTERN_DATA_DIR: '/nonexistent' }) }
  const second = await buildApp({ config, databaseUrl: url, sessionSecret: 'a test session secret that is long enough!!' })
  t.teardown(() => second.close())
  const viaSecond = new Browser(second)
  t.equal((await viaSecond.login('lead@elm.test', TEST_PASSWORD)).statusCode, 303)
  t.equal(pupilsOnDashboard((await viaSecond.get(`/s/${s.urn}`)).body), 2)
  const viaFirst = await signedIn(app, 'lead@elm.test')
  await loadPupils(app.db, s.id, lead.id, [{ n: 4, surname: 'Evans', forename: 'Eli', form: '7B' }])
  t.equal(pupilsOnDashboard((await viaFirst.get(`/s/${s.urn}`)).body), 3)
  t.equal(pupilsOnDashboard((await viaSecond.get(`/s/${s.urn}`)).body), 3, 'the other instance builds afresh too')
})
