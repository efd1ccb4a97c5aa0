// SchoolViewCache: one build per school and view version, shared by requests that arrive together;
// a failed build is never served; the least recently used school is dropped first.
import t from 'tap'
import { SchoolViewCache } from '../../server/pupils/view-cache'
import { buildTestApp, createSchool } from '../helper'

t.test('built once per version, again when the data change, and shared while building', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Gum School')
  const cache = new SchoolViewCache<string>(app.db)
  let builds = 0
  const build = async () => `build ${++builds}`
  t.same(await Promise.all([cache.get(school.id, build), cache.get(school.id, build)]), ['build 1', 'build 1'], 'two at once share one build')
  t.equal(await cache.get(school.id, build), 'build 1', 'the version is read from the database and has not moved')
  await app.db.insertInto('pupils').values({ school_id: school.id, upn: 'A123456789012', surname: 'New', forename: 'Nia', dob: '2014-10-01' }).execute()
  t.equal(await cache.get(school.id, build), 'build 2', 'a write moved the version: built afresh')
  t.equal(await cache.get(school.id, build, 1), 'build 2', 'a version the caller read is used as given')
  t.equal(await cache.get(school.id, build, 7), 'build 3', 'and any other version builds')
})

t.test('a failed build is forgotten, and the least recently used school goes first', async (t) => {
  const app = await buildTestApp(t)
  const cache = new SchoolViewCache<string>(app.db, 2)
  await t.rejects(cache.get(1, async () => Promise.reject(new Error('the database went away'))), /went away/)
  t.equal(await cache.get(1, async () => 'fine', 0), 'fine', 'the next request builds again')
  t.equal(await cache.get(2, async () => 'two', 0), 'two')
  t.equal(await cache.get(1, async () => 'rebuilt', 0), 'fine', 'school 1 from memory, now the most recent')
  t.equal(await cache.get(3, async () => 'three', 0), 'three', 'a third school drops school 2')
  t.equal(await cache.get(2, async () => 'two again', 0), 'two again')
  t.equal(await cache.get(3, async () => 'three again', 0), 'three', 'school 3 was kept')
})
