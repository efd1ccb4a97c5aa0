// Migration 0011 on a catalogue imported before it: free-text categories become keys, the description
// becomes the pupil-facing one, and earlier imports' before-images still restore.
import t from 'tap'
import { sql } from 'kysely'
import { down, up } from '../../migrations/0011_opportunity_catalogue'
import { setUp } from '../imports/helpers'

t.test('free-text categories become keys; unknown ones become enrichment', async (t) => {
  const { db, schoolId } = await setUp(t)
  await down(db)
  const categories = ['learning support', 'STEM', 'friendship group', 'Sport', 'Wellbeing', 'creative', 'Mentoring', 'community', 'life skills', 'Learning_Support']
  for (const [i, category] of categories.entries()) {
    await sql`insert into opportunities (school_id, name, category, capacity, description) values (${schoolId}, ${`Club ${i}`}, ${category}, 10, ${i === 0 ? 'Read with a buddy.' : null})`.execute(db)
  }
  const club0 = (await sql<{ id: number }>`select id from opportunities where name = 'Club 0'`.execute(db)).rows[0]!.id
  const imp = (await sql<{ id: number }>`insert into imports (school_id, file_name, kind, rows, created, updated, status) values (${schoolId}, 'o.csv', 'opportunities', 1, 0, 1, 'committed') returning id`.execute(db)).rows[0]!.id
  await sql`insert into import_changes (import_id, school_id, table_name, row_id, before) values (${imp}, ${schoolId}, 'opportunities', ${club0}, ${JSON.stringify({ id: club0, category: 'STEM', capacity: 8, description: 'Before.' })}::jsonb)`.execute(db)

  await up(db)
  const rows = await db.selectFrom('opportunities').selectAll().orderBy('id').execute()
  t.same(rows.map((r) => r.category), ['learning_support', 'stem', 'friendship_group', 'sport', 'wellbeing_group', 'creative', 'mentoring', 'enrichment', 'enrichment', 'learning_support'])
  t.match(rows[0], { pupil_description: 'Read with a buddy.', min_places: 0, year_groups: [7], forms: [], rule: null, slots: [], archived_at: null, archived_by: null })
  const before = (await sql<{ before: Record<string, unknown> }>`select before from import_changes where import_id = ${imp}`.execute(db)).rows[0]!.before
  t.match(before, { category: 'stem', pupil_description: 'Before.', min_places: 0, year_groups: [7], forms: [], rule: null, slots: [] })
  t.notOk('description' in before)

  await t.rejects(sql`update opportunities set category = 'chess' where id = ${club0}`.execute(db), /opportunities_category/)
  await t.rejects(sql`update opportunities set min_places = 11 where id = ${club0}`.execute(db), /opportunities_places/)
  await t.rejects(sql`update opportunities set year_groups = '{6}' where id = ${club0}`.execute(db), /opportunities_year_groups/)
  await t.rejects(sql`update opportunities set rule = 'tall' where id = ${club0}`.execute(db), /rule/)

  await down(db)
  const back = (await sql<{ description: string | null; category: string }>`select description, category from opportunities where id = ${club0}`.execute(db)).rows[0]!
  t.same(back, { description: 'Read with a buddy.', category: 'learning_support' }, 'down keeps the text and the keys')
  t.match((await sql<{ before: Record<string, unknown> }>`select before from import_changes where import_id = ${imp}`.execute(db)).rows[0]!.before, { description: 'Before.' })
  await up(db)
})
