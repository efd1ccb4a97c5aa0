// Rows → exactly what the staff and invitation pages show (pure). A password hash never reaches a page.
import type { Role } from '../db/schema'
import { ROLE_LABELS } from './schemas'

export function staffView(rows: ReadonlyArray<{ user_id: number; name: string; email: string; last_login_at: Date | null; password_hash: string | null; role: Role; is_dsl: boolean; active: boolean }>) {
  return rows.map(({ password_hash, ...s }) => ({ ...s, roleLabel: ROLE_LABELS[s.role], invited: !password_hash }))
}

export function waitingView(rows: ReadonlyArray<{ name: string; email: string; role: Role | null; is_dsl: boolean; expires_at: Date }>) {
  return rows.map((w) => ({ name: w.name, email: w.email, roleLabel: w.role ? ROLE_LABELS[w.role] : '', isDsl: w.is_dsl, expiresAt: w.expires_at }))
}

/** An invitation as its page shows it: the name, email, school and access, never the account's other fields. */
export function invitationView(invitation: { name: string; email: string; school_name: string; role: Role; is_dsl: boolean }) {
  return { name: invitation.name, email: invitation.email, school_name: invitation.school_name, roleLabel: ROLE_LABELS[invitation.role], dsl: invitation.is_dsl }
}
