import { z } from 'zod'
import { formText } from '../platform/form-text'

export const ROLES = ['lead', 'pastoral', 'link', 'cluster'] as const
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  lead: 'Senior mental health lead',
  pastoral: 'Pastoral staff',
  link: 'CAMHS link worker',
  cluster: 'Trust, local authority or MHST officer (cluster figures only)'
}

const email = formText('The email address').trim().toLowerCase().pipe(z.email({ error: 'Enter an email address in the right format, like name@school.sch.uk' }))

export const loginForm = z.object({
  email: formText('The email address').trim().min(1, 'Enter your email address'),
  password: z.string().min(1, 'Enter your password'),
  next: z.string().optional()
})

export const passwordForm = z.object({
  current: z.string().min(1, 'Enter your current password'),
  password: z.string(),
  confirm: z.string()
})

export const secondFactorForm = z.object({
  code: formText('The code').trim().min(1, 'Enter the 6-digit code from your authenticator app'),
  next: z.string().optional()
})

export const invitationForm = z.object({ password: z.string(), confirm: z.string() })

/** Only a school's own staff can be designated safeguarding leads: never a CAMHS link worker. */
export function canBeDsl(role: (typeof ROLES)[number]): boolean {
  return role === 'lead' || role === 'pastoral'
}

export const LINK_NOT_DSL =
  'A CAMHS link worker cannot be a designated safeguarding lead: only the school’s own staff (a lead or pastoral member) can. Untick DSL, or choose another role.'

export const CLUSTER_NOT_DSL =
  'A cluster officer cannot be a designated safeguarding lead: they see figures, never pupils. Only the school’s own staff (a lead or pastoral member) can. Untick DSL, or choose another role.'

/** Why this role cannot be a DSL, in words the person choosing it can act on. */
export function notDslMessage(role: (typeof ROLES)[number]): string {
  return role === 'cluster' ? CLUSTER_NOT_DSL : LINK_NOT_DSL
}

export const inviteForm = z
  .object({
    name: formText('The name').trim().min(1, 'Enter their full name').max(200, 'Enter a name of 200 characters or fewer'),
    email,
    role: z.enum(ROLES, { error: 'Choose a role' }),
    dsl: z.literal('yes').optional()
  })
  .superRefine((form, ctx) => {
    if (form.dsl && !canBeDsl(form.role)) ctx.addIssue({ code: 'custom', path: ['dsl'], message: notDslMessage(form.role) })
  })


// A redirect target after sign-in: a plain path on this site, printable ASCII only. Control
// characters, spaces and non-ASCII letters are refused (a browser drops a tab or newline, so
// "/\t/evil.example" would become "//evil.example", and Node refuses such a Location header),
// and so are "//" and any backslash, which browsers read as another host.
const SAME_SITE_PATH = /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/

/** Only a plain path on this site may be a redirect target after sign-in; anything else goes home. */
export function safeNext(next: string | undefined): string {
  return next && next.length <= 2000 && SAME_SITE_PATH.test(next) ? next : '/'
}
