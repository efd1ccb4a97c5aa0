// Erasing a pupil: a lead only, from a confirm page with the CSRF token; refused while a safeguarding
// alert is open; afterwards no row anywhere refers to the pupil, and a record without the child's
// identity says that it happened, who did it and when.
import t from 'tap'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../server/db/schema'
import { tablesWithPupilId } from '../../server/records/subject-access'
import { auditRows, createUser, signedIn } from '../helper'
import { runCli } from '../cli/run'
import { addKeptRecords, demoSchool, handleAlerts, richestPupil } from './fixture'

/** Every place a pupil's id can be: each table's pupil_id, the share log's lists, import bookkeeping, the audit trail. */
async function referencesTo(db: Kysely<Database>, pupilId: number): Promise<Record<string, number>> {
  const found: Record<string, number> = {}
  const add = (where: string, n: number) => {
    if (n > 0) found[where] = n
  }
  for (const table of await tablesWithPupilId(db)) {
    add(table, (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where pupil_id = ${pupilId}`.execute(db)).rows[0]!.n)
  }
  add('pupils', (await sql<{ n: number }>`select count(*)::int as n from pupils where id = ${pupilId}`.execute(db)).rows[0]!.n)
  add('shares', (await sql<{ n: number }>`select count(*)::int as n from shares where ${pupilId} = any(pupil_ids) or ${pupilId} = any(identified_pupil_ids)`.execute(db)).rows[0]!.n)
  add('import_changes', (await sql<{ n: number }>`select count(*)::int as n from import_changes where table_name = 'pupils' and row_id = ${pupilId}`.execute(db)).rows[0]!.n)
  add('import_created', (await sql<{ n: number }>`select count(*)::int as n from import_created where table_name = 'pupils' and ${pupilId} = any(ids)`.execute(db)).rows[0]!.n)
  add('audit_log', (await sql<{ n: number }>`select count(*)::int as n from audit_log where subject_type = 'pupil' and subject_id = ${String(pupilId)}`.execute(db)).rows[0]!.n)
  return found
}

t.test('erasure is refused while an alert is open, then removes every row about the pupil and keeps a record of it', async (t) => {
  const { app, school, lead, login, signIn } = await demoSchool(t)
  const pupilId = await richestPupil(app, school.id)
  const pupil = await app.db.selectFrom('pupils').selectAll().where('id', '=', pupilId).executeTakeFirstOrThrow()
  const browser = await signIn(login.email)
  await addKeptRecords(app, browser, school, pupilId, lead.id)
  // the pupil's letters, attainment … are named by id in import bookkeeping too
  const childIds = await app.db.selectFrom('letters').select('id').where('pupil_id', '=', pupilId).execute()
  const before = await referencesTo(app.db, pupilId)
  for (const where of ['pupils', 'letters', 'safeguarding_alert_records', 'level_decisions', 'discussion_entries', 'supervision_actions', 'consent_events', 'placements', 'shares', 'import_created', 'audit_log']) {
    t.ok(before[where], `before: the pupil is in ${where}`)
  }
  const url = `/s/${school.urn}/pupils/${pupilId}/erase`

  const refusedPage = await browser.get(url)
  t.equal(refusedPage.statusCode, 200)
  t.match(refusedPage.body, 'open safeguarding alert')
  t.notMatch(refusedPage.body, 'Erase this pupil</button>', 'no erase button while an alert is open')
  const refused = await browser.post(url, { reason: 'Parent’s erasure request of 1 Dec', confirm: 'yes' })
  t.equal(refused.statusCode, 409)
  t.match(refused.body, 'A DSL must record what was done')
  const cli = await runCli((app.pg.pool as unknown as { options: { connectionString: string } }).options.connectionString, ['pupil', 'erase', '--school', school.urn, '--upn', pupil.upn, '--reason', 'request'])
  t.equal(cli.code, 1, 'the command line refuses too')
  t.match(cli.stderr, 'open safeguarding alert')
  t.same(await referencesTo(app.db, pupilId), before, 'nothing was removed')

  t.ok((await handleAlerts(app, browser, school, pupilId)) > 0)
  const page = await browser.get(url)
  t.match(page.body, 'Erase this pupil</button>')
  t.match(page.body, 'name="_csrf"')
  const blank = await browser.post(url, { reason: '', confirm: '' })
  t.equal(blank.statusCode, 422)
  t.match(blank.body, 'Say why this pupil is being erased')
  t.match(blank.body, 'Tick the box to confirm')
  const noToken = await browser.request({ method: 'POST', url, form: { reason: 'Parent’s erasure request of 1 Dec', confirm: 'yes' } })
  t.equal(noToken.statusCode, 403, 'no CSRF token: refused')

  // only a lead: not pastoral staff (even a DSL), not a link worker
  const pastoralDsl = await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }])
  const pastoralBrowser = await signedIn(app, pastoralDsl.email)
  await pastoralBrowser.get(`/s/${school.urn}/pupils/${pupilId}`)
  t.equal((await pastoralBrowser.post(url, { reason: 'x', confirm: 'yes' })).statusCode, 403)
  t.equal((await pastoralBrowser.get(url)).statusCode, 403)
  t.ok((await referencesTo(app.db, pupilId)).pupils, 'still there after the refusals')

  await browser.get(url)
  const erased = await browser.post(url, { reason: 'Parent’s erasure request of 1 Dec', confirm: 'yes' })
  t.equal(erased.statusCode, 303)
  t.equal(erased.headers.location, `/s/${school.urn}/data`)

  t.same(await referencesTo(app.db, pupilId), {}, 'after: no row anywhere refers to the pupil')
  for (const { id } of childIds) {
    t.equal((await sql<{ n: number }>`select count(*)::int as n from import_changes where table_name = 'letters' and row_id = ${id}`.execute(app.db)).rows[0]!.n, 0)
    t.equal((await sql<{ n: number }>`select count(*)::int as n from import_created where table_name = 'letters' and ${id} = any(ids)`.execute(app.db)).rows[0]!.n, 0)
  }
  const record = await app.db.selectFrom('pupil_erasures').selectAll().executeTakeFirstOrThrow()
  t.match(record, { school_id: school.id, erased_by: lead.id, reason: 'Parent’s erasure request of 1 Dec' })
  t.ok(record.removed.letters! > 0 && record.removed.safeguarding_alert_records! > 0 && record.removed.discussion_entries! > 0, 'how many rows went from each table')
  const kept = JSON.stringify(record)
  for (const identity of [pupil.upn, pupil.surname, pupil.forename, pupil.dob]) t.notOk(kept.includes(identity), 'the record keeps no identity of the child')
  const audit = await auditRows(app, 'pupil_erased')
  t.match(audit, [{ user_id: lead.id, school_id: school.id, subject_type: 'erased_pupil', subject_id: String(record.id) }])
  t.ok((await app.db.selectFrom('audit_log').select('id').where('subject_type', '=', 'erased_pupil').where('action', '=', 'pupil_viewed').execute()).length > 0, 'earlier views of the pupil stay in the audit trail, pointing at the erasure')

  const data = await browser.get(`/s/${school.urn}/data`)
  t.match(data.body, 'Parent’s erasure request of 1 Dec')
  t.match(data.body, 'Dana Okafor')
  t.equal((await browser.get(`/s/${school.urn}/pupils/${pupilId}`)).statusCode, 404, 'the profile is gone')
  t.equal((await browser.get(url)).statusCode, 404)
  t.equal((await browser.post(url, { reason: 'again', confirm: 'yes' })).statusCode, 404)
  // the kept records are still kept for everyone else
  await t.rejects(sql`delete from discussion_entries where school_id = ${school.id}`.execute(app.db), /append-only/)
})

t.test('pupil erase on the command line, once the alerts are handled', async (t) => {
  const { app, school } = await demoSchool(t)
  const url = (app.pg.pool as unknown as { options: { connectionString: string } }).options.connectionString
  const pupil = await app.db
    .selectFrom('pupils')
    .select(['id', 'upn'])
    .where('school_id', '=', school.id)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('safeguarding_alerts').select('id').whereRef('safeguarding_alerts.pupil_id', '=', 'pupils.id').where('status', '=', 'open'))))
    .orderBy('id')
    .executeTakeFirstOrThrow()
  t.equal((await runCli(url, ['pupil', 'erase', '--school', school.urn, '--upn', pupil.upn])).code, 2, 'a reason is required')
  const done = await runCli(url, ['pupil', 'erase', '--school', school.urn, '--upn', pupil.upn, '--reason', 'Left before term started; parent asked'])
  t.equal(done.code, 0, done.stderr)
  t.match(JSON.parse(done.stdout), { erased: true, removed: { pupils: 1 } })
  t.same(await referencesTo(app.db, pupil.id), {})
  t.match(await app.db.selectFrom('pupil_erasures').selectAll().execute(), [{ erased_by: null, reason: 'Left before term started; parent asked' }])
  t.match(await auditRows(app, 'pupil_erased'), [{ detail: { via: 'cli' } }])
  t.equal((await runCli(url, ['pupil', 'erase', '--school', school.urn, '--upn', pupil.upn, '--reason', 'again'])).code, 1, 'gone: refused')
})
