import { sql, type Kysely } from 'kysely'

// Frozen in time: the opportunity catalogue a lead edits in the app as well as imports.
// - category becomes one of eight keys; free text from earlier imports is read as the words it was
//   ("learning support", "STEM", "friendship group") and anything else becomes enrichment;
// - capacity stays the most places; min_places is the fewest with which it runs;
// - eligibility: year groups, forms (none listed = every form), an optional SEN rule;
// - slots: when it runs, [{weekday 1-5, start 'HH:MM', end 'HH:MM'}], so clashes can be seen;
//   schedule stays as the school's own wording;
// - description is renamed pupil_description: what was imported as the description was always the
//   words a pupil reads;
// - archived_at/archived_by: an opportunity is archived, never deleted, once pupils may have been placed.
// Import before-images of opportunities get the same changes, so undoing an earlier import still works.
const CATEGORY_OF_TEXT = (column: string) => sql`
  case regexp_replace(lower(trim(${sql.raw(column)})), '[[:space:]_-]+', ' ', 'g')
    when 'learning support' then 'learning_support'
    when 'sport' then 'sport' when 'sports' then 'sport' when 'pe' then 'sport'
    when 'creative' then 'creative' when 'arts' then 'creative' when 'the arts' then 'creative'
    when 'stem' then 'stem'
    when 'enrichment' then 'enrichment'
    when 'friendship group' then 'friendship_group' when 'friendship' then 'friendship_group' when 'friendships' then 'friendship_group'
    when 'wellbeing group' then 'wellbeing_group' when 'wellbeing' then 'wellbeing_group' when 'well being' then 'wellbeing_group'
    when 'mentoring' then 'mentoring' when 'mentor' then 'mentoring' when 'peer mentoring' then 'mentoring'
    else 'enrichment'
  end`

export async function up(db: Kysely<any>): Promise<void> {
  await sql`update opportunities set category = ${CATEGORY_OF_TEXT('category')}`.execute(db)
  await db.schema.alterTable('opportunities').renameColumn('description', 'pupil_description').execute()
  await db.schema
    .alterTable('opportunities')
    .addColumn('min_places', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('year_groups', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{7}'`))
    .addColumn('forms', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('rule', 'text', (c) => c.check(sql`rule in ('sen_support', 'ehcp', 'sen_any')`))
    .addColumn('slots', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('archived_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await sql`
    alter table opportunities
      add constraint opportunities_category check (category in ('learning_support', 'sport', 'creative', 'stem', 'enrichment', 'friendship_group', 'wellbeing_group', 'mentoring')),
      add constraint opportunities_places check (min_places >= 0 and min_places <= capacity),
      add constraint opportunities_year_groups check (cardinality(year_groups) > 0 and year_groups <@ '{7,8,9,10,11,12,13}'::integer[]),
      add constraint opportunities_slots check (jsonb_typeof(slots) = 'array' and jsonb_array_length(slots) <= 5)`.execute(db)
  await db.schema.createIndex('opportunities_archived_by_idx').on('opportunities').column('archived_by').execute()

  await sql`
    update import_changes set before = (before - 'description')
      || jsonb_build_object('category', ${CATEGORY_OF_TEXT(`before->>'category'`)}, 'pupil_description', before->'description',
        'min_places', 0, 'year_groups', '[7]'::jsonb, 'forms', '[]'::jsonb, 'rule', null, 'slots', '[]'::jsonb)
    where table_name = 'opportunities' and before is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    update import_changes set before = (before - 'pupil_description' - 'min_places' - 'year_groups' - 'forms' - 'rule' - 'slots' - 'archived_at' - 'archived_by')
      || jsonb_build_object('description', before->'pupil_description')
    where table_name = 'opportunities' and before is not null`.execute(db)
  await sql`alter table opportunities drop constraint opportunities_category, drop constraint opportunities_places, drop constraint opportunities_year_groups, drop constraint opportunities_slots`.execute(db)
  await db.schema
    .alterTable('opportunities')
    .dropColumn('min_places').dropColumn('year_groups').dropColumn('forms').dropColumn('rule').dropColumn('slots').dropColumn('archived_at').dropColumn('archived_by')
    .execute()
  await db.schema.alterTable('opportunities').renameColumn('pupil_description', 'description').execute()
}
