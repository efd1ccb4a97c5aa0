import { sql, type Kysely } from 'kysely'

// Frozen in time: a fourth role, `cluster`, for a trust's, a local authority's or a mental health
// support team's officer who sees the cluster overview's figures for a school and none of its pupils.
// Memberships and invitations may carry it; like a link worker, a cluster officer is never a DSL.
const ROLES_BEFORE = sql`role in ('lead', 'pastoral', 'link')`
const ROLES_NOW = sql`role in ('lead', 'pastoral', 'link', 'cluster')`

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table memberships drop constraint memberships_role_check, add constraint memberships_role_check check (${ROLES_NOW})`.execute(db)
  await sql`alter table memberships add constraint memberships_cluster_not_dsl check (not (role = 'cluster' and is_dsl))`.execute(db)
  await sql`alter table invitations drop constraint invitations_role_check, add constraint invitations_role_check check (${ROLES_NOW})`.execute(db)
  await sql`alter table invitations add constraint invitations_cluster_not_dsl check (not (role = 'cluster' and is_dsl))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table invitations drop constraint invitations_cluster_not_dsl`.execute(db)
  await sql`alter table invitations drop constraint invitations_role_check, add constraint invitations_role_check check (${ROLES_BEFORE})`.execute(db)
  await sql`alter table memberships drop constraint memberships_cluster_not_dsl`.execute(db)
  await sql`alter table memberships drop constraint memberships_role_check, add constraint memberships_role_check check (${ROLES_BEFORE})`.execute(db)
}
