import { sql, type Kysely } from 'kysely'

// Frozen in time: only a school's own staff (lead, pastoral) can be designated safeguarding leads.
// A CAMHS link worker marked DSL would read every disclosure with the child's name; any such
// membership loses the mark (recorded in the audit log) before the database refuses the combination.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into audit_log (action, school_id, user_id, subject_type, subject_id, detail)
    select 'dsl_removed', school_id, null, 'user', user_id::text, '{"reason":"a CAMHS link worker cannot be a DSL","via":"migration"}'::jsonb
    from memberships where role = 'link' and is_dsl`.execute(db)
  await sql`update memberships set is_dsl = false where role = 'link' and is_dsl`.execute(db)
  await sql`alter table memberships add constraint memberships_link_not_dsl check (not (role = 'link' and is_dsl))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table memberships drop constraint memberships_link_not_dsl`.execute(db)
}
