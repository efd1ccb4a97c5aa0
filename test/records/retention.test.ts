// Retention: a lead sets how many months after leaving pupils are kept and records leaving dates; the
// `retention run` command (and start-up) erases the pupils that are due through the erasure path, keeps
// any with an open safeguarding alert, and audits each run. A dry run changes nothing.
import t from 'tap'
import { applyRetention } from '../../server/maintenance'
import { runRetention } from '../../server/records/retention'
import { auditRows, createUser, signedIn } from '../helper'
import { runCli } from '../cli/run'
import { demoSchool } from './fixture'

t.test('a lead sets the retention period and leaving dates; a run erases who is due and keeps who has an open alert', async (t) => {
  const { app, school, other, login, signIn } = await demoSchool(t)
  const url = (app.pg.pool as unknown as { options: { connectionString: string } }).options.connectionString
  const browser = await signIn(login.email)
  const withAlert = (await app.db.selectFrom('safeguarding_alerts').select('pupil_id').where('school_id', '=', school.id).where('status', '=', 'open').executeTakeFirstOrThrow()).pupil_id
  const plain = await app.db
    .selectFrom('pupils')
    .select('id')
    .where('school_id', '=', school.id)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('safeguarding_alert_records').select('id').whereRef('safeguarding_alert_records.pupil_id', '=', 'pupils.id'))))
    .orderBy('id')
    .limit(2)
    .execute()
  const [longGone, recent] = [plain[0]!.id, plain[1]!.id]

  // the data page and its form
  const page = await browser.get(`/s/${school.urn}/data`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'No retention period is set')
  t.match(page.body, 'No pupil has been erased.')
  const bad = await browser.post(`/s/${school.urn}/data/retention`, { retention_months: 'six' })
  t.equal(bad.statusCode, 422)
  t.match(bad.body, 'Enter a number of months from 1 to 1200')
  t.equal((await browser.post(`/s/${school.urn}/data/retention`, { retention_months: '0' })).statusCode, 422)
  t.equal((await browser.post(`/s/${school.urn}/data/retention`, { retention_months: '12' })).statusCode, 303)
  t.equal((await app.db.selectFrom('schools').select('retention_months').where('id', '=', school.id).executeTakeFirstOrThrow()).retention_months, 12)
  t.match((await browser.get(`/s/${school.urn}/data`)).body, 'Pupils are erased 12 months after their leaving date')
  t.match(await auditRows(app, 'retention_set'), [{ detail: { retention_months: 12 } }])

  // leaving dates, from the profile
  const profile = await browser.get(`/s/${school.urn}/pupils/${longGone}`)
  t.match(profile.body, `action="/s/${school.urn}/pupils/${longGone}/left"`)
  const badDate = await browser.post(`/s/${school.urn}/pupils/${longGone}/left`, { left_on: '31/02/2020' })
  t.equal(badDate.statusCode, 303)
  t.match((await browser.get(badDate.headers.location as string)).body, 'Enter the leaving date as YYYY-MM-DD')
  t.equal((await app.db.selectFrom('pupils').select('left_on').where('id', '=', longGone).executeTakeFirstOrThrow()).left_on, null, 'nothing written')
  for (const [id, on] of [[longGone, '2020-07-22'], [recent, '2026-07-22'], [withAlert, '2020-07-22']] as const) {
    await browser.get(`/s/${school.urn}/pupils/${id}`)
    t.equal((await browser.post(`/s/${school.urn}/pupils/${id}/left`, { left_on: on })).statusCode, 303)
  }
  t.equal((await app.db.selectFrom('pupils').select('left_on').where('id', '=', longGone).executeTakeFirstOrThrow()).left_on, '2020-07-22')
  t.equal((await auditRows(app, 'pupil_leaving_date_set')).length, 3)
  // pastoral staff cannot set either
  const pastoral = await createUser(app, [{ schoolId: school.id, role: 'pastoral' }])
  const pastoralBrowser = await signedIn(app, pastoral.email)
  await pastoralBrowser.get(`/s/${school.urn}/pupils/${recent}`)
  t.equal((await pastoralBrowser.post(`/s/${school.urn}/pupils/${recent}/left`, { left_on: '2001-01-01' })).statusCode, 403)
  t.equal((await pastoralBrowser.get(`/s/${school.urn}/data`)).statusCode, 403)

  // a dry run says what would happen and erases nothing
  const dry = await runCli(url, ['retention', 'run', '--school', school.urn, '--dry-run'])
  t.equal(dry.code, 0, dry.stderr)
  t.match(JSON.parse(dry.stdout), { dry_run: true, schools: [{ urn: school.urn, retention_months: 12, due: 2, erased: 0, kept_open_alert: 1 }], erased: 0 })
  t.equal((await app.db.selectFrom('pupil_erasures').select('id').execute()).length, 0)
  t.equal((await auditRows(app, 'retention_dry_run')).length, 1)

  const run = await runCli(url, ['retention', 'run'])
  t.equal(run.code, 0, run.stderr)
  t.match(JSON.parse(run.stdout), { dry_run: false, schools: [{ urn: school.urn, due: 2, erased: 1, kept_open_alert: 1 }], erased: 1, kept_open_alert: 1 })
  t.equal(JSON.parse(run.stdout).schools.length, 1, 'a school without a retention period is not touched')
  t.equal(await app.db.selectFrom('pupils').select('id').where('id', '=', longGone).executeTakeFirst(), undefined, 'left over 12 months ago: erased')
  t.ok(await app.db.selectFrom('pupils').select('id').where('id', '=', recent).executeTakeFirst(), 'left recently: kept')
  t.ok(await app.db.selectFrom('pupils').select('id').where('id', '=', withAlert).executeTakeFirst(), 'open alert: kept')
  t.match(await app.db.selectFrom('pupil_erasures').selectAll().execute(), [{ erased_by: null, reason: /retention setting: 12 months after leaving/ }])
  t.match(await auditRows(app, 'pupil_erased'), [{ detail: { via: 'retention' } }])
  t.match(await auditRows(app, 'retention_run'), [{ school_id: school.id, detail: { erased: 1, kept_open_alert: 1 } }])
  t.match((await browser.get(`/s/${school.urn}/data`)).body, 'The retention setting')

  // at start-up the same: the pupil who left recently becomes due a year on
  const later = await runRetention(app.db, { today: '2027-07-22' })
  t.match(later, { erased: 1, kept_open_alert: 1 })
  t.equal(await app.db.selectFrom('pupils').select('id').where('id', '=', recent).executeTakeFirst(), undefined)
  const messages: string[] = []
  const atStart = await applyRetention(app.db, (m) => messages.push(m))
  t.match(atStart, { erased: 0, kept_open_alert: 1 })
  t.match(messages, [/Kept 1 pupil past the retention period because a safeguarding alert is open/])
  t.ok(await app.db.selectFrom('pupils').select('id').where('school_id', '=', other.id).executeTakeFirst(), 'the other school’s pupils are untouched')

  t.equal((await runCli(url, ['retention', 'run', '--school', '000000'])).code, 1, 'no such school: refused')
  t.equal((await runCli(url, ['retention', 'run', '--school', 'x'])).code, 2)

  // clearing
  t.equal((await browser.post(`/s/${school.urn}/data/retention`, { retention_months: '' })).statusCode, 303)
  t.match((await browser.get(`/s/${school.urn}/data`)).body, 'No retention period is set')
  await browser.get(`/s/${school.urn}/pupils/${withAlert}`)
  t.equal((await browser.post(`/s/${school.urn}/pupils/${withAlert}/left`, { left_on: '' })).statusCode, 303)
  t.equal((await app.db.selectFrom('pupils').select('left_on').where('id', '=', withAlert).executeTakeFirstOrThrow()).left_on, null)
})

t.test('at start-up, with several due, the log says how many were erased', async (t) => {
  const { app, school } = await demoSchool(t)
  await app.db.updateTable('schools').set({ retention_months: 1 }).where('id', '=', school.id).execute()
  const due = await app.db
    .selectFrom('pupils')
    .select('id')
    .where('school_id', '=', school.id)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('safeguarding_alert_records').select('id').whereRef('safeguarding_alert_records.pupil_id', '=', 'pupils.id'))))
    .orderBy('id')
    .limit(3)
    .execute()
  await app.db.updateTable('pupils').set({ left_on: '2020-01-01' }).where('id', 'in', due.map((d) => d.id)).execute()
  const messages: string[] = []
  t.match(await applyRetention(app.db, (m) => messages.push(m)), { erased: 3, kept_open_alert: 0 })
  t.same(messages, ['Erased 3 pupils past their school’s retention period.'])
})
