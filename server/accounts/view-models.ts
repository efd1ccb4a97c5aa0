// Rows → exactly what the staff and invitation pages show (pure). A password hash never reaches a page.
import type { Role } from '../db/schema'
import { ROLE_LABELS } from './schemas'

export function staffView(
  rows: ReadonlyArray<{ user_id: number; name: string; email: string; last_login_at: Date | null; password_hash: string | null; role: Role; is_dsl: boolean; active: boolean }>,
  withSecondFactor: ReadonlySet<number> = new Set()
) {
  return rows.map(({ password_hash, ...s }) => ({ ...s, roleLabel: ROLE_LABELS[s.role], invited: !password_hash, secondFactor: withSecondFactor.has(s.user_id) }))
}

export function waitingView(rows: ReadonlyArray<{ name: string; email: string; role: Role | null; is_dsl: boolean; expires_at: Date }>) {
  return rows.map((w) => ({ name: w.name, email: w.email, roleLabel: w.role ? ROLE_LABELS[w.role] : '', isDsl: w.is_dsl, expiresAt: w.expires_at }))
}

/** An invitation as its page shows it: the name, email, school and access, never the account's other fields. */
export function invitationView(invitation: { name: string; email: string; school_name: string; role: Role; is_dsl: boolean }) {
  return { name: invitation.name, email: invitation.email, school_name: invitation.school_name, roleLabel: ROLE_LABELS[invitation.role], dsl: invitation.is_dsl }
}

/**
 * The page an invitation link opens: a password form for a pending account's own link; for a link
 * to join, what the visitor can do now (sign in, set the password first, accept, or sign out).
 */
export function invitationPageView(
  invitation: { kind: 'account' | 'join'; user_id: number; name: string; email: string; school_name: string; role: Role; is_dsl: boolean; password_hash: string | null },
  token: string,
  signedInUserId: number | null
) {
  const shown = invitationView(invitation)
  if (invitation.kind === 'account') return { template: 'accounts/invitation.hbs', model: { title: 'Set your password', invitation: shown, token } }
  const state = signedInUserId === null ? (invitation.password_hash ? 'sign_in' : 'set_password_first') : signedInUserId === invitation.user_id ? 'accept' : 'wrong_account'
  return {
    template: 'accounts/invitation-join.hbs',
    model: { title: `Join ${invitation.school_name}`, invitation: shown, token, signInHref: `/login?next=${encodeURIComponent(`/invitation/${token}`)}`, state }
  }
}
