// `school add`, `user add` and `user reset-second-factor`.
import { z } from 'zod'
import type { Command } from '../platform/command'
import { RefusedError, UsageError } from '../platform/command'
import { recordAudit } from '../platform/audit'
import { addUser } from './service'
import { resetSecondFactor } from './second-factor'
import { canBeDsl, notDslMessage, ROLES } from './schemas'
import * as store from './store'

const urn = z.string().regex(/^\d{6}$/, 'a URN is 6 digits')

function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${flag} is required`)
  return value.trim()
}

export const accountCommands: Command[] = [
  {
    name: ['school', 'add'],
    usage: 'school add --urn <6 digits> --name <name>',
    options: { urn: { type: 'string' }, name: { type: 'string' } },
    async run({ db, options }) {
      const parsed = urn.safeParse(required(options.urn, 'urn'))
      if (!parsed.success) throw new UsageError(`--urn: ${parsed.error.issues[0]!.message}`)
      const name = required(options.name, 'name')
      if (await store.findSchoolByUrn(db, parsed.data)) throw new RefusedError(`A school with URN ${parsed.data} already exists.`)
      const school = await store.insertSchool(db, parsed.data, name)
      await recordAudit(db, { action: 'school_added', schoolId: school.id, subjectType: 'school', subjectId: school.id, detail: { via: 'cli' } })
      return { id: school.id, urn: school.urn, name: school.name }
    }
  },
  {
    name: ['user', 'add'],
    usage: 'user add --email <e> --name <n> --school <urn> --role lead|pastoral|link|cluster [--dsl]',
    options: { email: { type: 'string' }, name: { type: 'string' }, school: { type: 'string' }, role: { type: 'string' }, dsl: { type: 'boolean' } },
    async run({ db, options }) {
      const email = z.email().safeParse(required(options.email, 'email').toLowerCase())
      if (!email.success) throw new UsageError('--email: not an email address')
      const role = z.enum(ROLES).safeParse(required(options.role, 'role'))
      if (!role.success) throw new UsageError('--role must be lead, pastoral, link or cluster')
      if (options.dsl === true && !canBeDsl(role.data)) throw new RefusedError(notDslMessage(role.data).replace('Untick DSL', 'Leave out --dsl'))
      const name = required(options.name, 'name')
      const school = await store.findSchoolByUrn(db, required(options.school, 'school'))
      if (!school) throw new RefusedError(`No school has URN ${String(options.school)}. Add it first with: school add --urn ${String(options.school)} --name "…"`)
      const result = await addUser(db, { email: email.data, name, schoolId: school.id, role: role.data, isDsl: options.dsl === true })
      return {
        id: result.userId,
        email: email.data,
        school: school.urn.trim(),
        role: role.data,
        dsl: options.dsl === true,
        // shown once: the user must choose their own at first sign-in
        password: result.password,
        note: result.password ? 'One-time password: the user chooses a new one when they first sign in.' : 'Existing account: it now has access to this school too.'
      }
    }
  },
  {
    // for an operator when no lead can do it from the Staff page (the only lead lost their phone)
    name: ['user', 'reset-second-factor'],
    usage: 'user reset-second-factor --email <e>',
    options: { email: { type: 'string' } },
    async run({ db, options }) {
      const email = required(options.email, 'email').toLowerCase()
      const user = await store.findUserByEmail(db, email)
      if (!user) throw new RefusedError(`No account has the email address ${email}.`)
      const done = await resetSecondFactor(db, { via: 'cli' }, user.id)
      if (done === 'none') throw new RefusedError(`${email} has no second factor set up: nothing to reset.`)
      return { email, reset: true, note: 'Their sessions have ended; they set up their authenticator app again when they next sign in.' }
    }
  }
]
