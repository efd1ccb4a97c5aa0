// The one Database interface, by Kysely's rules: Generated<> for defaults, `T | null` for nullable columns.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json = ColumnType<unknown, string, string>

export type Role = 'lead' | 'pastoral' | 'link'

export interface SchoolsTable {
  id: Generated<number>
  urn: string
  name: string
  created_at: Generated<Date>
}

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  password_hash: string | null
  active: Generated<boolean>
  must_change_password: Generated<boolean>
  created_at: Generated<Date>
  last_login_at: Timestamp | null
}

export interface MembershipsTable {
  id: Generated<number>
  user_id: number
  school_id: number
  role: Role
  is_dsl: Generated<boolean>
  active: Generated<boolean>
  created_at: Generated<Date>
}

export interface InvitationsTable {
  id: Generated<number>
  token_hash: string
  school_id: number
  user_id: number
  created_by: number | null
  created_at: Generated<Date>
  expires_at: Timestamp
  accepted_at: Timestamp | null
}

export interface SessionsTable {
  sid: string
  data: Json
  expires_at: Timestamp
}

export interface AuditLogTable {
  id: Generated<string>
  at: Generated<Date>
  user_id: number | null
  school_id: number | null
  action: string
  subject_type: string | null
  subject_id: string | null
  ip: string | null
  detail: ColumnType<Record<string, unknown>, string | undefined, never>
}

export interface Database {
  schools: SchoolsTable
  users: UsersTable
  memberships: MembershipsTable
  invitations: InvitationsTable
  sessions: SessionsTable
  audit_log: AuditLogTable
}

export type School = Selectable<SchoolsTable>
export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type Membership = Selectable<MembershipsTable>
export type AuditEntry = Selectable<AuditLogTable>
