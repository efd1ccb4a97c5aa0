import { sql, type Kysely } from 'kysely'

// Frozen in time: row-level security on every table that holds a school's pupil data.
//
// Requests run as the role lantern_app (server/db/scope.ts): not a superuser, no BYPASSRLS, owner of
// nothing, so it cannot turn these policies off. On each of the tables below it sees, and may write,
// only rows whose school_id is in the `lantern.school_ids` setting its connection carries; with no
// setting it sees nothing. The owner (migrations, the command line, start-up) is not subject to them.
// `safeguarding_alerts` becomes a security_invoker view, so that it reads its tables as the caller
// rather than as its owner; the kept-record guards stay SECURITY DEFINER so that what they check is
// never hidden from them.
//
// Left out, because sign-in and invitations read them before any school is known and they hold no
// pupil data: memberships, invitations and school_data_versions (counters the triggers move).
export const SCOPED_TABLES = [
  'pupils', 'attainment', 'attendance', 'attendance_history', 'sdq_administrations', 'letters', 'letter_reviews',
  'safeguarding_alert_records', 'safeguarding_alert_outcomes', 'safeguarding_alert_events', 'pupil_erasures',
  'opportunities', 'placements', 'placement_events', 'placement_attendance', 'opportunity_hold_decisions',
  'imports', 'import_changes', 'import_created', 'pending_imports', 'screening_settings', 'screening_results',
  'level_suggestions', 'level_decisions', 'term_dates', 'supervision_meetings', 'meeting_attendees', 'agenda_changes',
  'agenda_items', 'discussion_entries', 'supervision_actions', 'action_updates', 'consent_events', 'pupil_pseudonyms',
  'shares', 'audit_log'
] as const

export async function up(db: Kysely<any>): Promise<void> {
  // roles belong to the whole server: another database (or a concurrent migration) may have made it
  await sql`DO $$ BEGIN CREATE ROLE lantern_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`.execute(db)
  await sql`GRANT USAGE ON SCHEMA public TO lantern_app`.execute(db)
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO lantern_app`.execute(db)
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO lantern_app`.execute(db)
  await sql`REVOKE ALL ON kysely_migration, kysely_migration_lock FROM lantern_app`.execute(db)
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lantern_app`.execute(db)
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO lantern_app`.execute(db)

  await sql`
    CREATE FUNCTION lantern_scope() RETURNS int[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT coalesce(nullif(current_setting('lantern.school_ids', true), ''), '{}')::int[]
    $$`.execute(db)
  for (const table of SCOPED_TABLES) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db)
    // An audit row may be written from any request (a sign-in is about no school; accepting an
    // invitation, about the school being joined). It is read within the scope; a row about no school
    // (a sign-in) by the schools its user is a member of, as the school's audit page shows them.
    const audit = table === 'audit_log'
    const using = audit
      ? sql`school_id = ANY (lantern_scope()) OR (school_id IS NULL AND user_id IN (SELECT m.user_id FROM memberships m WHERE m.school_id = ANY (lantern_scope())))`
      : sql`school_id = ANY (lantern_scope())`
    await sql`
      CREATE POLICY school_scope ON ${sql.table(table)} TO lantern_app
      USING (${using}) WITH CHECK (${audit ? sql`true` : sql`school_id = ANY (lantern_scope())`})`.execute(db)
  }
  await sql`ALTER VIEW safeguarding_alerts SET (security_invoker = true)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER VIEW safeguarding_alerts RESET (security_invoker)`.execute(db)
  for (const table of SCOPED_TABLES) {
    await sql`DROP POLICY IF EXISTS school_scope ON ${sql.table(table)}`.execute(db)
    await sql`ALTER TABLE ${sql.table(table)} DISABLE ROW LEVEL SECURITY`.execute(db)
  }
  await sql`DROP FUNCTION lantern_scope()`.execute(db)
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM lantern_app`.execute(db)
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM lantern_app`.execute(db)
  await sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM lantern_app`.execute(db)
  await sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM lantern_app`.execute(db)
  await sql`REVOKE USAGE ON SCHEMA public FROM lantern_app`.execute(db)
}
