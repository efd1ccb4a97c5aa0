// A re-screen writes only the results that differ from those stored: nothing when nothing changed (no
// row, no view_version move, no stamp), just the changed pupil's row when one pupil's data change, and
// always the same results as screening from scratch, the old full rewrite included.
import t from 'tap'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../server/db/schema'
import { schoolViewVersion } from '../../server/pupils/changes'
import { rollbackImport } from '../../server/imports/service'
import { erasePupil } from '../../server/records/erase'
import { rescreenSchool, screenSchool, updateScreeningSettings } from '../../server/screening/service'
import * as store from '../../server/screening/store'
import { buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { rescreenInFull } from '../bench/rescreen-before'
import { loadPupils, pupilId, type TestPupil } from './cohort'

type Db = Kysely<Database>

const COHORT: TestPupil[] = [
  { n: 1, surname: 'Ames', forename: 'Ada', attendance: { possible: 380, absent: 10 }, ks2: { reading: '104', maths: '101', writing: 'EXS' }, letter: { text: 'I like maths.', analysis: { concern: 'none' } } },
  { n: 2, surname: 'Bell', forename: 'Bo', attendance: { possible: 1000, absent: 100 }, letter: { text: 'I am a bit nervous.', analysis: { concern: 'some' } } },
  { n: 3, surname: 'Cole', forename: 'Cy', sen: 'E', socialCare: 'CP', sdq: { self: [8, 5, 9, 6, 3, 4] }, letter: { text: 'I am scared to go home.', analysis: { concern: 'some', worries: [], interests: [], safeguarding: [{ category: 'physical_abuse', text: 'scared to go home', start: 5, end: 22 }] } } },
  { n: 4, surname: 'Dunn', forename: 'Di', letter: { text: 'a letter nobody has read yet' } },
  { n: 5, surname: 'Eade', forename: 'Ed', lookedAfter: true, fsm: true, sdq: { self: [1, 1, 1, 1, 8, 0], parent: [2, 2, 2, 2, 7, 1] } },
  { n: 6, surname: 'Ford', forename: 'Fay', attendance: { possible: 380, absent: 0 }, ks2: { reading: '95', maths: '94', writing: 'WTS' }, letter: { text: 'I am so frightened of everything.', analysis: { concern: 'high' } } }
]

/** The transaction id now: rows whose xmin is later were inserted or updated after this. */
async function xidNow(db: Db): Promise<bigint> {
  const { rows } = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(db)
  return BigInt(rows[0]!.xid)
}

async function resultsWrittenSince(db: Db, schoolId: number, xid: bigint): Promise<number[]> {
  const { rows } = await sql<{ pupil_id: number }>`
    select pupil_id from screening_results where school_id = ${schoolId} and xmin::text::bigint > ${xid.toString()}::bigint order by pupil_id`.execute(db)
  return rows.map((r) => r.pupil_id)
}

/** Every stored result of the school, without when it was computed. */
async function storedResults(db: Db, schoolId: number) {
  return db
    .selectFrom('screening_results')
    .select(['pupil_id', 'level', 'score', 'hidden', 'safeguarding', 'reasons', 'missing'])
    .where('school_id', '=', schoolId)
    .orderBy('pupil_id')
    .execute()
}

async function suggestionCount(db: Db, schoolId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from level_suggestions where school_id = ${schoolId}`.execute(db)
  return rows[0]!.n
}

async function screenedAt(db: Db, schoolId: number) {
  const row = await db.selectFrom('screening_settings').select(['screened_at', 'screened_version']).where('school_id', '=', schoolId).executeTakeFirst()
  return row ? { at: row.screened_at?.toISOString(), version: row.screened_version } : undefined
}

async function school(t: { teardown(fn: () => unknown): void }) {
  const app = await buildTestApp(t)
  const s = await createSchool(app, 'Rowan Academy')
  const lead = await createUser(app, [{ schoolId: s.id, role: 'lead', isDsl: true }], { email: `lead${s.id}@rowan.test` })
  await loadPupils(app.db, s.id, lead.id, COHORT)
  return { app, s, lead, db: app.db }
}

t.test('a re-screen with nothing changed writes nothing: no result row, no stamp, no view_version move', async (t) => {
  const { db, s } = await school(t)
  const results = await storedResults(db, s.id)
  t.equal(results.length, COHORT.length, 'every pupil has a result after the import')
  const computed = await db.selectFrom('screening_results').select(['pupil_id', 'computed_at']).where('school_id', '=', s.id).orderBy('pupil_id').execute()
  const view = await schoolViewVersion(db, s.id)
  const stamp = await screenedAt(db, s.id)
  const suggestions = await suggestionCount(db, s.id)
  const xid = await xidNow(db)

  const wrote = await db.transaction().execute(async (trx) => {
    const summary = await rescreenSchool(trx, s.id)
    t.equal(summary.pupils, COHORT.length, 'the summary still counts every pupil')
    // no row written, locked or deleted gives the transaction no id of its own
    const { rows } = await sql<{ xid: string | null }>`select pg_current_xact_id_if_assigned()::text as xid`.execute(trx)
    return rows[0]!.xid
  })
  t.equal(wrote, null, 'the re-screen wrote nothing at all in its transaction')
  t.same(await resultsWrittenSince(db, s.id, xid), [], 'no result row was inserted or updated')
  t.same(await storedResults(db, s.id), results, 'the results are as they were')
  t.same(await db.selectFrom('screening_results').select(['pupil_id', 'computed_at']).where('school_id', '=', s.id).orderBy('pupil_id').execute(), computed, 'and keep when they were computed')
  t.equal(await schoolViewVersion(db, s.id), view, 'the view counter has not moved, so cached pages stay')
  t.same(await screenedAt(db, s.id), stamp, 'the school is not stamped again (the cluster’s levels key stays)')
  t.equal(await suggestionCount(db, s.id), suggestions, 'no suggestion recorded')
  t.equal(await store.screeningIsStale(db, s.id), false, 'and the results are not stale')
})

t.test('a change to one pupil’s data rewrites that pupil’s result alone, and the pages show it', async (t) => {
  const { app, db, s, lead } = await school(t)
  const ada = await pupilId(db, s.id, 1)
  const browser = await signedIn(app, `lead${s.id}@rowan.test`)
  const helpList = async () => (await browser.get(`/s/${s.urn}/pupils?level=getting_help`)).body
  t.notMatch(await helpList(), 'Ames, Ada', 'Ada is not among those getting help (and the page is now cached)')
  const before = await storedResults(db, s.id)
  const suggestions = await suggestionCount(db, s.id)

  // through the import, as staff would: severe absence for Ada, nothing else changes
  const xid = await xidNow(db)
  await loadPupils(db, s.id, lead.id, [{ ...COHORT[0]!, attendance: { possible: 380, absent: 200 } }])
  t.same(await resultsWrittenSince(db, s.id, xid), [ada], 'only Ada’s result was written')
  const after = await storedResults(db, s.id)
  const adaAfter = after.find((r) => r.pupil_id === ada)!
  t.equal(adaAfter.level, 'getting_help')
  t.ok(adaAfter.reasons.some((r) => r.code === 'ATTENDANCE_SEVERE_ABSENCE'), 'with severe absence among her reasons')
  t.same(after.filter((r) => r.pupil_id !== ada), before.filter((r) => r.pupil_id !== ada), 'everyone else’s result is as it was')
  t.equal(await suggestionCount(db, s.id), suggestions + 1, 'her new suggested level is recorded, once')
  t.match(await helpList(), 'Ames, Ada', 'the pupil list shows her new level')

  // a changed result moves the view counter by itself, even in a transaction where nothing else did
  await db.transaction().execute(async (trx) => {
    await sql`update attendance set absent = 10 where school_id = ${s.id} and pupil_id = ${ada}`.execute(trx)
    const view = await schoolViewVersion(trx, s.id)
    await rescreenSchool(trx, s.id)
    t.ok((await schoolViewVersion(trx, s.id)) > view, 'rewriting her result moved the view counter')
  })
  t.notMatch(await helpList(), 'Ames, Ada', 'and the cached list was built again')
})

t.test('a pupil removed loses the result, and no other result is written', async (t) => {
  const { db, s, lead } = await school(t)
  const di = await pupilId(db, s.id, 4)
  const xid = await xidNow(db)
  await erasePupil(db, { schoolId: s.id, userId: lead.id, via: 'cli' }, di, 'left before starting')
  const after = await storedResults(db, s.id)
  t.equal(after.length, COHORT.length - 1)
  t.notOk(after.some((r) => r.pupil_id === di), 'the erased pupil has no result')
  t.same(await resultsWrittenSince(db, s.id, xid), [], 'nobody else’s result was rewritten')

  // a rolled-back import takes its new pupils and their results with it
  await loadPupils(db, s.id, lead.id, [{ n: 30, surname: 'New', forename: 'Nia' }])
  const nia = await pupilId(db, s.id, 30)
  t.ok((await storedResults(db, s.id)).some((r) => r.pupil_id === nia), 'a new pupil is screened')
  t.ok(await rollbackImport(db, { schoolId: s.id, userId: lead.id, kind: 'pupils' }))
  t.notOk((await storedResults(db, s.id)).some((r) => r.pupil_id === nia), 'and loses the result with the import')
})

t.test('the stored results are exactly those given: a result with no pupil in them is deleted', async (t) => {
  const { db, s } = await school(t)
  const bo = await pupilId(db, s.id, 2)
  await db.transaction().execute(async (trx) => {
    await store.lockSchoolScreening(trx, s.id)
    const { results, stored } = await screenSchool(trx, s.id)
    const writes = await store.writeResults(trx, s.id, results.filter((r) => r.pupilId !== bo), stored)
    t.same(writes, { inserted: 0, updated: 0, deleted: 1 })
  })
  t.notOk((await storedResults(db, s.id)).some((r) => r.pupil_id === bo), 'Bo’s result is gone')
  t.equal(await store.screeningIsStale(db, s.id), true, 'which leaves the school stale')
  await rescreenSchool(db, s.id)
  t.ok((await storedResults(db, s.id)).some((r) => r.pupil_id === bo), 'until the next re-screen inserts it again')
})

t.test('after changes, re-screening writes the results a from-scratch screen and the old full rewrite give', async (t) => {
  const { db, s, lead } = await school(t)
  const cy = await pupilId(db, s.id, 3)
  // changes of every kind screening reads: a pupil's record, a staff review of a letter, settings, SDQ, an unread letter read
  await loadPupils(db, s.id, lead.id, [{ ...COHORT[4]!, lookedAfter: false, socialCare: 'CIN', sdq: { teacher: [9, 9, 9, 9, 1, 5] } }])
  await db.transaction().execute(async (trx) => {
    await sql`update letters set review_concern = 'high' where school_id = ${s.id} and pupil_id = ${cy}`.execute(trx)
    await rescreenSchool(trx, s.id)
  })
  await updateScreeningSettings(db, s.id, { userId: lead.id }, { attendance: { persistentAbsencePercent: 4 } })
  await loadPupils(db, s.id, lead.id, [{ n: 4, surname: 'Dunn', forename: 'Di', letter: { text: 'a second letter, read', analysis: { concern: 'high' } } }])
  const incremental = await storedResults(db, s.id)
  const suggestions = await suggestionCount(db, s.id)
  t.ok(incremental.some((r) => r.pupil_id === cy && r.reasons.some((x) => x.code.startsWith('LETTER'))), 'the reviewed letter is among Cy’s reasons')

  await rescreenInFull(db, s.id)
  t.same(await storedResults(db, s.id), incremental, 'the old full rewrite stores the very same results')
  t.equal(await suggestionCount(db, s.id), suggestions, 'and finds no suggested level to record')

  await db.deleteFrom('screening_results').where('school_id', '=', s.id).execute()
  await rescreenSchool(db, s.id)
  t.same(await storedResults(db, s.id), incremental, 'as does screening from nothing stored')

  const xid = await xidNow(db)
  await rescreenSchool(db, s.id)
  t.same(await resultsWrittenSince(db, s.id, xid), [], 'after which a re-screen finds nothing to write')
})

t.test('an import waiting on a re-screen is screened after it, never left with a stale result', async (t) => {
  const { db, s, lead } = await school(t)
  const ada = await pupilId(db, s.id, 1)
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  let screened!: () => void
  const lockHeld = new Promise<void>((resolve) => (screened = resolve))
  const first = db.transaction().execute(async (trx) => {
    // a re-screen that has read everything and holds the lock, about to write
    await store.lockSchoolScreening(trx, s.id)
    const screening = await screenSchool(trx, s.id)
    screened()
    await held
    await store.writeResults(trx, s.id, screening.results, screening.stored)
  })
  await lockHeld
  let imported = false
  const importing = loadPupils(db, s.id, lead.id, [{ ...COHORT[0]!, attendance: { possible: 380, absent: 200 } }]).then(() => (imported = true))
  await new Promise((r) => setTimeout(r, 300))
  t.equal(imported, false, 'the import waits for the re-screen’s lock')
  release()
  await Promise.all([first, importing])
  const adaAfter = (await storedResults(db, s.id)).find((r) => r.pupil_id === ada)!
  t.equal(adaAfter.level, 'getting_help', 'the import’s own re-screen saw its data')
  t.equal(await store.screeningIsStale(db, s.id), false, 'the results are of the latest data version')
  const now = await storedResults(db, s.id)
  await rescreenInFull(db, s.id)
  t.same(await storedResults(db, s.id), now, 'and equal a full re-screen of the data as they now are')
})

t.test('sameAsStored: equal only when the JSON written would certainly be the value read back', async (t) => {
  const same = store.sameAsStored
  t.ok(same({ a: 1, b: [1, 'x', true, null] }, { b: [1, 'x', true, null], a: 1 }), 'key order does not matter')
  t.ok(same({ a: 1, gone: undefined }, { a: 1 }), 'a key whose value is undefined is left out, as JSON.stringify does')
  t.ok(same(Object.assign(Object.create(null) as object, { a: 'x' }), { a: 'x' }), 'a null-prototype object is plain')
  t.notOk(same({ a: 1 }, { a: 1, b: 2 }), 'a key more in the stored value')
  t.notOk(same({ a: 1, b: 2 }, { a: 1, c: 2 }), 'a different key')
  t.notOk(same({ a: 1 }, { a: '1' }), 'a number is not its text')
  t.notOk(same([1, 2], [1, 2, 3]), 'arrays of different lengths')
  t.notOk(same([1, 2], { 0: 1, 1: 2 }), 'an array is not an object')
  t.notOk(same({ 0: 1 }, [1]), 'nor an object an array')
  t.notOk(same([undefined], [null]), 'undefined in an array counts as different')
  t.notOk(same(Number.NaN, null), 'a number JSON cannot hold counts as different')
  t.notOk(same(new Date(0), new Date(0).toISOString()), 'so does a Date')
  t.notOk(same({ a: 1 }, null), 'an object is not null')
  t.notOk(same('x', undefined), 'nor is a string undefined')
  t.notOk(same(() => 1, {}), 'a function is never equal')
  t.ok(same(null, null) && same('x', 'x') && same(false, false) && same(-0, 0), 'equal primitives')
})
