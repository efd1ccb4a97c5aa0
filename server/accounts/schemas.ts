import { z } from 'zod'

export const ROLES = ['lead', 'pastoral', 'link'] as const
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  lead: 'Senior mental health lead',
  pastoral: 'Pastoral staff',
  link: 'CAMHS link worker'
}

const email = z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter an email address in the right format, like name@school.sch.uk' }))

export const loginForm = z.object({
  email: z.string().trim().min(1, 'Enter your email address'),
  password: z.string().min(1, 'Enter your password'),
  next: z.string().optional()
})

export const passwordForm = z.object({
  current: z.string().min(1, 'Enter your current password'),
  password: z.string(),
  confirm: z.string()
})

export const invitationForm = z.object({ password: z.string(), confirm: z.string() })

export const inviteForm = z.object({
  name: z.string().trim().min(1, 'Enter their full name').max(200, 'Enter a name of 200 characters or fewer'),
  email,
  role: z.enum(ROLES, { error: 'Choose a role' }),
  dsl: z.literal('yes').optional()
})

/** zod issues → one message per field, for the error summary and the fields themselves. */
export function fieldErrors(error: z.ZodError): { field: string; message: string }[] {
  const seen = new Set<string>()
  return error.issues
    .map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }))
    .filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)))
}

/** Only a path on this site may be a redirect target after sign-in. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/'
}
