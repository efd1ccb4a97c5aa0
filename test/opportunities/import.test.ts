// The opportunities CSV with the catalogue's new columns: words or keys for categories, slots from
// the schedule's wording, row and field messages for bad values, and what a re-import keeps.
import t from 'tap'
import { runImport } from '../../server/imports/service'
import { rollbackImport } from '../../server/imports/service'
import { setUp, TODAY } from '../imports/helpers'

const file = (lines: string[]) => Buffer.from(lines.join('\n') + '\n')
const HEADER = 'Name,Category,Max Places,Min Places,Interests,Needs,Year Groups,For Forms,Eligibility,Staff Lead,When,Description'

t.test('new columns, aliases and the schedule read into the catalogue', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const result = await runImport(db, {
    schoolId, userId, fileName: 'catalogue.csv', today: TODAY, kind: 'opportunities',
    content: file([
      HEADER,
      'Reading buddies,Learning Support,10,2,reading,KS2_READING_BELOW_EXPECTED,7,7A;7B,SEN support,Mrs Green,Tuesday and Friday morning,Read with a buddy.',
      'Code club,stem,12,,computing,,7;8,,,Mr Lindqvist,Wednesday 15:30-16:30,',
      'Buddy walk,MENTORING,8,,,getting_lost,Y7,,ehcp,,"First half term, before school",',
      'Calm club,wellbeing_group,6,6,,,,,only pupils with SEN support or a plan,,,'
    ])
  })
  t.same(result.errors, [])
  t.equal(result.created, 4)
  t.match(result.preview[0], { name: 'Reading buddies', category: 'learning_support', slots: ['Tuesday 08:30–08:55', 'Friday 08:30–08:55'] })
  const rows = await db.selectFrom('opportunities').selectAll().orderBy('id').execute()
  t.match(rows[0], { name: 'Reading buddies', category: 'learning_support', capacity: 10, min_places: 2, year_groups: [7], forms: ['7A', '7B'], rule: 'sen_support', pupil_description: 'Read with a buddy.', slots: [{ weekday: 2, start: '08:30', end: '08:55' }, { weekday: 5, start: '08:30', end: '08:55' }] })
  t.match(rows[1], { category: 'stem', min_places: 0, year_groups: [7, 8], forms: [], rule: null, slots: [{ weekday: 3, start: '15:30', end: '16:30' }] })
  t.match(rows[2], { category: 'mentoring', rule: 'ehcp', schedule: 'First half term, before school', slots: [] })
  t.match(rows[3], { category: 'wellbeing_group', min_places: 6, capacity: 6, rule: 'sen_any', year_groups: [7] })

  // The lead sets what the file could not say; a later import with the same wording keeps it.
  await db.updateTable('opportunities').set({ slots: JSON.stringify([{ weekday: 1, start: '08:00', end: '08:30' }]), min_places: 3, forms: ['7C'] }).where('name', '=', 'Buddy walk').execute()
  const again = await runImport(db, {
    schoolId, userId, fileName: 'catalogue-2.csv', today: TODAY, kind: 'opportunities',
    content: file(['name,category,capacity,schedule', 'Buddy walk,mentoring,2,"First half term, before school"', 'Code club,stem,12,Thursday after school'])
  })
  t.same(again.errors, [])
  const walk = await db.selectFrom('opportunities').selectAll().where('name', '=', 'Buddy walk').executeTakeFirstOrThrow()
  t.match(walk, { capacity: 2, min_places: 2, forms: ['7C'], rule: 'ehcp', slots: [{ weekday: 1, start: '08:00', end: '08:30' }] }, 'times the lead set are kept; the fewest places never passes the most')
  t.match(await db.selectFrom('opportunities').selectAll().where('name', '=', 'Code club').executeTakeFirstOrThrow(), { schedule: 'Thursday after school', slots: [{ weekday: 4, start: '15:15', end: '16:15' }], year_groups: [7, 8] }, 'new wording, new slots')

  const undone = await rollbackImport(db, { schoolId, userId, kind: 'opportunities' })
  t.same(undone.errors, [])
  t.match(await db.selectFrom('opportunities').selectAll().where('name', '=', 'Buddy walk').executeTakeFirstOrThrow(), { capacity: 8, min_places: 3, forms: ['7C'], slots: [{ weekday: 1, start: '08:00', end: '08:30' }] }, 'undoing restores every column it changed')
  t.match(await db.selectFrom('opportunities').selectAll().where('name', '=', 'Code club').executeTakeFirstOrThrow(), { schedule: 'Wednesday 15:30-16:30', slots: [{ weekday: 3, start: '15:30', end: '16:30' }] })
})

t.test('bad values get a row and field message each, and nothing is written', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const result = await runImport(db, {
    schoolId, userId, fileName: 'bad.csv', today: TODAY, kind: 'opportunities',
    content: file([
      'name,category,capacity,min_places,year_groups,rule,forms',
      'Chess,board games,10,,,,',
      'Choir,creative,10,12,,,',
      'Art,creative,10,two,6;7,tall people,',
      'Band,creative,10,,Year 14,,',
      'Drama,creative,10,,7-9,,7A',
      'Dance,creative,10,,9-7,,'
    ])
  })
  t.same(result.errors.map((e) => [e.row, e.field]), [[2, 'category'], [3, 'min_places'], [4, 'min_places'], [4, 'year_groups'], [4, 'rule'], [5, 'year_groups'], [7, 'year_groups']])
  t.match(result.errors[0]!.message, "Row 2, category 'board games': is not a category Lantern knows — use one of: learning support, sport, creative, stem, enrichment, friendship group, wellbeing group, mentoring")
  t.match(result.errors[1]!.message, "Row 3, min_places '12': is more than the 10 places it has at most")
  t.match(result.errors[3]!.message, "'6' is not a secondary year group — give years 7 to 13 joined by ;")
  t.match(result.errors[4]!.message, 'should be sen_support (SEN support), ehcp (a plan) or sen_any (either)')
  t.equal((await db.selectFrom('opportunities').select('id').execute()).length, 0)
})
