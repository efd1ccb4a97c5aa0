import { sql, type Kysely } from 'kysely'

// Frozen in time: a second per-school counter, view_version, of changes to anything a school's summary
// pages show (the dashboard and the pupil list): pupils, their screening results and level decisions,
// attainment, attendance, SDQ, letters and the screening settings. Triggers bump it in the writing
// statement's own transaction, so no write path can forget it and a page cached under one value is
// exact until the value moves. (version stays what it was: changes screening reads, which re-screen.)
//
// Each bump first takes the school's screening lock (the advisory lock rescreening takes), then the
// counter's row: every transaction that holds the row took the lock first, so a re-screen (lock, then
// row) and an import or decision (row via the trigger) cannot wait on each other in opposite orders.
const TABLES = ['pupils', 'screening_results', 'level_decisions', 'attainment', 'attendance', 'sdq_administrations', 'letters', 'screening_settings'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('school_data_versions').addColumn('view_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute()
  // One function for every table and event: each branch reads only the transition tables its event has.
  await sql`
    create function lantern_school_view_changed() returns trigger language plpgsql as $$
    declare
      ids integer[];
      changed integer;
    begin
      if tg_op = 'INSERT' then
        select array_agg(distinct school_id) into ids from new_rows;
      elsif tg_op = 'UPDATE' then
        select array_agg(distinct school_id) into ids from (select school_id from new_rows union select school_id from old_rows) s;
      else
        select array_agg(distinct school_id) into ids from old_rows;
      end if;
      -- a school being deleted takes its counter with it: nothing to bump
      for changed in select s.id from unnest(ids) as s(id) where exists (select 1 from schools where schools.id = s.id) order by s.id loop
        perform pg_advisory_xact_lock(hashtext('lantern_screening'), changed);
        insert into school_data_versions (school_id, view_version) values (changed, 1)
          on conflict (school_id) do update set view_version = school_data_versions.view_version + 1;
      end loop;
      return null;
    end
    $$`.execute(db)
  for (const table of TABLES) {
    const name = (event: string) => sql.raw(`${table}_view_${event}`)
    await sql`create trigger ${name('insert')} after insert on ${sql.table(table)} referencing new table as new_rows for each statement execute function lantern_school_view_changed()`.execute(db)
    await sql`create trigger ${name('update')} after update on ${sql.table(table)} referencing old table as old_rows new table as new_rows for each statement execute function lantern_school_view_changed()`.execute(db)
    await sql`create trigger ${name('delete')} after delete on ${sql.table(table)} referencing old table as old_rows for each statement execute function lantern_school_view_changed()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    for (const event of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`${table}_view_${event}`)} on ${sql.table(table)}`.execute(db)
  }
  await sql`drop function if exists lantern_school_view_changed()`.execute(db)
  await db.schema.alterTable('school_data_versions').dropColumn('view_version').execute()
}
