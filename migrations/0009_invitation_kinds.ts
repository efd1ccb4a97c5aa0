import { sql, type Kysely } from 'kysely'

// Frozen in time: an invitation carries the access it grants, and is one of two kinds.
// - 'account': sets the password of a pending account (one without a password). Only the school whose
//   invitation created the account (users.pending_school_id) issues these, and accepting one works only
//   while the account still has no password.
// - 'join': adds a school to an account that exists (or is pending under another school). It grants
//   nothing until the account's owner, signed in, accepts it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('invitations')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('account').check(sql`kind in ('account', 'join')`))
    .addColumn('role', 'text', (c) => c.check(sql`role in ('lead', 'pastoral', 'link')`))
    .addColumn('is_dsl', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('revoked_at', 'timestamptz')
    .execute()
  await sql`alter table invitations add constraint invitations_link_not_dsl check (not (role = 'link' and is_dsl))`.execute(db)
  await db.schema.alterTable('users').addColumn('pending_school_id', 'integer', (c) => c.references('schools.id').onDelete('set null')).execute()
  await db.schema.createIndex('users_pending_school_idx').on('users').column('pending_school_id').execute()

  // Earlier invitations granted their membership when they were made: they carry its role now.
  await sql`
    update invitations i set role = m.role, is_dsl = m.is_dsl and m.role <> 'link'
    from memberships m where m.user_id = i.user_id and m.school_id = i.school_id`.execute(db)
  // A pending account belongs to the school whose invitation came first; any other school's open
  // link for it may no longer set its password, only ask to join.
  await sql`
    update users u set pending_school_id = first.school_id
    from (select distinct on (user_id) user_id, school_id from invitations order by user_id, created_at, id) first
    where u.id = first.user_id and u.password_hash is null`.execute(db)
  await sql`
    update invitations i set kind = 'join'
    from users u where u.id = i.user_id and i.accepted_at is null
      and (u.password_hash is not null or u.pending_school_id is distinct from i.school_id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('pending_school_id').execute()
  await db.schema.alterTable('invitations').dropColumn('kind').dropColumn('role').dropColumn('is_dsl').dropColumn('revoked_at').execute()
}
