// The view version (migration 0017) moves on every write to what the summary pages show, by whatever
// path, only for the schools written to, and never moves the screening version (which re-screens).
import t from 'tap'
import { sql } from 'kysely'
import { schoolDataVersion, schoolViewVersion } from '../../server/pupils/changes'
import { buildTestApp, createSchool, createUser } from '../helper'
import { loadPupils } from '../screening/cohort'

// children before parents, so that each delete below is allowed
const TABLES = ['level_decisions', 'screening_results', 'attainment', 'attendance', 'sdq_administrations', 'letters', 'screening_settings', 'pupils']

t.test('every insert, update and delete of the pages’ data moves the school’s view version, and only its own', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Birch School')
  const other = await createSchool(app, 'Cedar School')
  const lead = await createUser(app, [{ schoolId: school.id, role: 'lead' }])
  t.equal(await schoolViewVersion(app.db, school.id), 0, 'no row yet: version 0')
  await loadPupils(app.db, school.id, lead.id, [
    { n: 1, surname: 'Ames', forename: 'Ada', form: '7A', ks2: { reading: '100', maths: '101', writing: 'EXS' }, attendance: { possible: 380, absent: 10 }, sdq: { self: [1, 1, 1, 1, 8, 0] }, letter: { text: 'I like maths.', analysis: { concern: 'none' } } }
  ])
  const imported = await schoolViewVersion(app.db, school.id)
  t.ok(imported > 0, 'the import moved it')
  // a level decision moves it too; decisions are kept records (never changed or deleted), so they are made at
  // another school whose rows this test does not delete
  const decided = await createSchool(app, 'Decided School')
  await loadPupils(app.db, decided.id, lead.id, [{ n: 1, surname: 'Bell', forename: 'Bo', form: '7B' }])
  const beforeDecision = await schoolViewVersion(app.db, decided.id)
  await sql`insert into level_decisions (school_id, pupil_id, level, reason, decided_by) select school_id, id, 'thriving', 'test', ${lead.id} from pupils where school_id = ${decided.id}`.execute(app.db)
  t.equal(await schoolViewVersion(app.db, decided.id), beforeDecision + 1, 'a level decision moves it once')
  const screening = await schoolDataVersion(app.db, school.id)
  const otherBefore = await schoolViewVersion(app.db, other.id)

  // level decisions are kept records: never updated or deleted
  const changeable = TABLES.filter((name) => name !== 'level_decisions')
  for (const table of changeable) {
    const before = await schoolViewVersion(app.db, school.id)
    const { numAffectedRows } = await sql`update ${sql.table(table)} set school_id = school_id where school_id = ${school.id}`.execute(app.db)
    t.ok(Number(numAffectedRows) > 0, `${table} has a row to change`)
    t.equal(await schoolViewVersion(app.db, school.id), before + 1, `an update of ${table} moves it once`)
  }
  for (const table of changeable) {
    const before = await schoolViewVersion(app.db, school.id)
    await sql`delete from ${sql.table(table)} where school_id = ${school.id}`.execute(app.db)
    t.equal(await schoolViewVersion(app.db, school.id), before + 1, `a delete from ${table} moves it once`)
  }
  const before = await schoolViewVersion(app.db, school.id)
  await sql`delete from pupils where school_id = ${school.id}`.execute(app.db)
  t.equal(await schoolViewVersion(app.db, school.id), before, 'a statement that changes no row moves nothing')
  t.equal(await schoolDataVersion(app.db, school.id), screening, 'the screening version is left alone')
  t.equal(await schoolViewVersion(app.db, other.id), otherBefore, 'another school’s is left alone')
})

t.test('a school can still be deleted with its pupils', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Doomed School')
  // written by hand, so no audit row holds on to the school
  await app.db.insertInto('pupils').values({ school_id: school.id, upn: 'A123456789012', surname: 'Gone', forename: 'Gil', dob: '2014-10-01' }).execute()
  t.equal(await schoolViewVersion(app.db, school.id), 1)
  await app.db.deleteFrom('schools').where('id', '=', school.id).execute()
  t.equal((await app.db.selectFrom('school_data_versions').select('school_id').where('school_id', '=', school.id).execute()).length, 0, 'its counter went with it')
  t.equal((await app.db.selectFrom('pupils').select('id').where('school_id', '=', school.id).execute()).length, 0)
})
