// Safeguarding records are kept as written: alerts and what was recorded about them, level decisions
// and the supervision records refuse UPDATE, DELETE and TRUNCATE through the app's own connection, and
// a correction through the pages is a new entry beside the old one.
import t from 'tap'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../server/db/schema'
import { rollbackImport } from '../../server/imports/service'
import { recordShare, SHARE_PURPOSES } from '../../server/supervision/shares'
import { auditRows } from '../helper'
import { addKeptRecords, demoSchool, handleAlerts, richestPupil } from './fixture'

const KEPT = ['safeguarding_alert_records', 'safeguarding_alert_outcomes', 'safeguarding_alert_events', 'level_decisions', 'discussion_entries', 'action_updates', 'agenda_changes', 'consent_events', 'shares', 'audit_log'] as const

const count = async (db: Kysely<Database>, table: string): Promise<number> =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)

t.test('every kept table refuses UPDATE, DELETE and TRUNCATE from the app’s own connection', async (t) => {
  const { app, school, lead, login, signIn } = await demoSchool(t)
  const pupilId = await richestPupil(app, school.id)
  const browser = await signIn(login.email)
  await addKeptRecords(app, browser, school, pupilId, lead.id)
  t.ok((await handleAlerts(app, browser, school, pupilId)) > 0, 'the pupil had an alert to handle')

  for (const table of KEPT) {
    const before = await count(app.db, table)
    t.ok(before > 0, `${table} has rows to try`)
    await t.rejects(sql`update ${sql.table(table)} set school_id = school_id`.execute(app.db), /append-only/, `${table}: UPDATE refused`)
    await t.rejects(sql`delete from ${sql.table(table)}`.execute(app.db), `${table}: DELETE refused`)
    await t.rejects(sql`truncate ${sql.table(table)}`.execute(app.db), `${table}: TRUNCATE refused`)
    await t.rejects(sql`truncate ${sql.table(table)} cascade`.execute(app.db), `${table}: TRUNCATE … CASCADE refused`)
    t.equal(await count(app.db, table), before, `${table}: every row still there`)
  }
  // the records' rows for this pupil refuse one by one too, even inside a transaction
  await t.rejects(
    app.db.transaction().execute(async (trx) => {
      await sql`update level_decisions set reason = 'rewritten' where pupil_id = ${pupilId}`.execute(trx)
    }),
    /level_decisions is append-only/
  )
  await t.rejects(sql`delete from discussion_entries where school_id = ${school.id}`.execute(app.db), /discussion_entries is append-only/)
})

t.test('the alert view derives its state from outcomes; it can record one but never rewrite or remove anything', async (t) => {
  const { app, school, login, signIn } = await demoSchool(t)
  const pupilId = await richestPupil(app, school.id)
  const alert = await app.db.selectFrom('safeguarding_alerts').selectAll().where('pupil_id', '=', pupilId).orderBy('id').executeTakeFirstOrThrow()
  t.equal(alert.status, 'open')
  const raised = await app.db.selectFrom('safeguarding_alert_records').selectAll().where('id', '=', alert.id).executeTakeFirstOrThrow()

  const dsl = await signIn(login.email)
  const url = `/s/${school.urn}/alerts/${alert.id}`
  await dsl.get(url)
  t.equal((await dsl.post(url, { outcome: 'not_a_concern', reason: 'Read with the form tutor: a story she is writing' })).statusCode, 303)
  await dsl.get(url)
  t.equal((await dsl.post(url, { outcome: 'referral_made', reason: 'On a second reading, referred to MASH; ref 4411' })).statusCode, 303, 'a DSL changes what was recorded')

  const outcomes = await app.db.selectFrom('safeguarding_alert_outcomes').selectAll().where('alert_id', '=', alert.id).orderBy('id').execute()
  t.same(outcomes.map((o) => o.outcome), ['not_a_concern', 'referral_made'], 'the change is a new entry; the first stands beside it')
  t.equal(outcomes[0]!.reason, 'Read with the form tutor: a story she is writing')
  const now = await app.db.selectFrom('safeguarding_alerts').selectAll().where('id', '=', alert.id).executeTakeFirstOrThrow()
  t.match(now, { status: 'handled', outcome: 'referral_made', outcome_reason: 'On a second reading, referred to MASH; ref 4411' })
  t.same(await app.db.selectFrom('safeguarding_alert_records').selectAll().where('id', '=', alert.id).executeTakeFirstOrThrow(), raised, 'the alert as raised is unchanged')
  const page = await dsl.get(url)
  t.match(page.body, 'On a second reading, referred to MASH; ref 4411')
  const events = await app.db.selectFrom('safeguarding_alert_events').select('action').where('alert_id', '=', alert.id).orderBy('id').execute()
  t.same(events.map((e) => e.action), ['raised', 'not_a_concern', 'changed to referral_made'])

  await t.rejects(sql`update safeguarding_alerts set letter_text = 'nothing happened' where id = ${alert.id}`.execute(app.db), /kept as it was raised/)
  await t.rejects(sql`update safeguarding_alerts set status = 'open', outcome = null where id = ${alert.id}`.execute(app.db), /cannot be reopened/)
  await t.rejects(sql`delete from safeguarding_alerts where id = ${alert.id}`.execute(app.db), /never deleted/)
  t.ok((await dsl.request({ method: 'DELETE', url })).statusCode >= 400, 'no route deletes an alert')
  t.equal((await app.db.selectFrom('safeguarding_alert_outcomes').select('id').where('alert_id', '=', alert.id).execute()).length, 2)
})

t.test('records go only with their pupil, by erasure, and never with an alert open', async (t) => {
  const { app, school } = await demoSchool(t)
  const pupilId = await richestPupil(app, school.id)
  // deleting the pupil directly (as an import rollback would) takes nothing with it
  await t.rejects(sql`delete from pupils where id = ${pupilId}`.execute(app.db), /append-only/)
  // an erasure record written by hand does not let the records of a pupil who is still here go
  await t.rejects(
    app.db.transaction().execute(async (trx) => {
      await trx.insertInto('pupil_erasures').values({ school_id: school.id, erased_by: null, reason: 'pretend', removed: '{}' }).execute()
      await sql`delete from discussion_entries where school_id = ${school.id}`.execute(trx)
    }),
    /go only when their pupil is erased/
  )
  // nor does it let a pupil with an open alert go
  await t.rejects(
    app.db.transaction().execute(async (trx) => {
      await trx.insertInto('pupil_erasures').values({ school_id: school.id, erased_by: null, reason: 'pretend', removed: '{}' }).execute()
      await sql`delete from pupils where id = ${pupilId}`.execute(trx)
    }),
    /open safeguarding alert/
  )
  t.ok(await app.db.selectFrom('pupils').select('id').where('id', '=', pupilId).executeTakeFirst(), 'the pupil and their records are all still there')
  t.equal(await app.db.selectFrom('pupil_erasures').select('id').executeTakeFirst(), undefined, 'no erasure record survived the refusals')
})

t.test('an import whose letters raised alerts cannot be rolled back: it says so, and the alerts stay', async (t) => {
  const { app, school, lead } = await demoSchool(t)
  const before = await app.db.selectFrom('safeguarding_alert_records').select('id').where('school_id', '=', school.id).execute()
  t.ok(before.length > 0)
  const result = await rollbackImport(app.db, { schoolId: school.id, userId: lead.id, kind: 'letters' })
  t.match(result.errors[0]?.message, /safeguarding or supervision record\(s\).*cannot be rolled back/)
  t.equal(result.deleted, 0)
  t.equal((await app.db.selectFrom('safeguarding_alert_records').select('id').where('school_id', '=', school.id).execute()).length, before.length)
  t.match(await auditRows(app, 'import_rollback'), [{ detail: { status: 'refused' } }])
})

t.test('inside an erasure, a share may lose only the ids of pupils who are gone', async (t) => {
  const { app, school, lead } = await demoSchool(t)
  const [a, b] = await app.db.selectFrom('pupils').select('id').where('school_id', '=', school.id).orderBy('id').limit(2).execute()
  await recordShare(app.db, { schoolId: school.id, userId: lead.id, sharedWith: 'The CAMHS link team', what: 'Pack', purpose: SHARE_PURPOSES.supervision, pupilIds: [a!.id, b!.id], identifiedPupilIds: [] })
  await t.rejects(
    app.db.transaction().execute(async (trx) => {
      await trx.insertInto('pupil_erasures').values({ school_id: school.id, erased_by: null, reason: 'pretend', removed: '{}' }).execute()
      await sql`update shares set pupil_ids = array_remove(pupil_ids, ${b!.id}) where school_id = ${school.id}`.execute(trx)
    }),
    /shares is append-only/
  )
  t.equal((await sql<{ n: number }>`select count(*)::int as n from shares where ${b!.id} = any(pupil_ids)`.execute(app.db)).rows[0]!.n, 1)
})
