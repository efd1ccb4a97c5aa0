// The demo: synthetic schools and staff, so that a new installation shows Lantern working at once.
// Every name here is invented.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { generatePassword, hashPassword } from '../accounts/service'
import * as accounts from '../accounts/store'
import { recordAudit } from '../platform/audit'
import { seedDemoPupils } from './pupils'

export const DEMO_SCHOOLS = [
  { urn: '999001', name: 'Lantern Demo Academy' },
  { urn: '999002', name: 'Riverside Demo School' }
]

const DEMO_STAFF = [
  { email: 'lead@demo.lantern.test', name: 'Dana Okafor', schools: [{ urn: '999001', role: 'lead', isDsl: true }, { urn: '999002', role: 'lead', isDsl: true }] },
  { email: 'pastoral@demo.lantern.test', name: 'Sam Whitfield', schools: [{ urn: '999001', role: 'pastoral', isDsl: false }] },
  { email: 'link@demo.lantern.test', name: 'Priya Nair', schools: [{ urn: '999001', role: 'link', isDsl: false }, { urn: '999002', role: 'link', isDsl: false }] }
] as const

export interface DemoLogin { url?: string; email: string; password: string; school: string; otherAccounts: string[] }

/** Seeds (or refreshes) the demo schools and staff; every demo account gets the same new password. */
export async function seedDemo(db: Kysely<Database>): Promise<DemoLogin> {
  const password = generatePassword()
  const passwordHash = await hashPassword(password)
  const demoSchoolId = await db.transaction().execute(async (trx) => {
    const schoolIds = new Map<string, number>()
    for (const s of DEMO_SCHOOLS) {
      const school = (await accounts.findSchoolByUrn(trx, s.urn)) ?? (await accounts.insertSchool(trx, s.urn, s.name))
      schoolIds.set(s.urn, school.id)
    }
    for (const person of DEMO_STAFF) {
      const existing = await accounts.findUserByEmail(trx, person.email)
      const user = existing ?? (await accounts.insertUser(trx, { email: person.email, name: person.name, passwordHash, mustChangePassword: false }))
      if (existing) await accounts.setPassword(trx, existing.id, passwordHash)
      for (const m of person.schools) {
        await accounts.upsertMembership(trx, { userId: user.id, schoolId: schoolIds.get(m.urn)!, role: m.role, isDsl: m.isDsl })
      }
    }
    for (const id of schoolIds.values()) await recordAudit(trx, { action: 'demo_seeded', schoolId: id })
    return schoolIds.get(DEMO_SCHOOLS[0]!.urn)!
  })
  // A synthetic intake for the first demo school, once: re-seeding keeps whatever is there.
  await seedDemoPupils(db, demoSchoolId)
  return {
    email: DEMO_STAFF[0].email,
    password,
    school: DEMO_SCHOOLS[0]!.name,
    otherAccounts: DEMO_STAFF.slice(1).map((s) => s.email)
  }
}

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return !(await db.selectFrom('schools').select('id').limit(1).executeTakeFirst())
}

/** The demo login is kept in the data directory (0600) so that each start can say how to sign in. */
export function saveDemoLogin(dataDir: string, login: DemoLogin) {
  writeFileSync(join(dataDir, 'demo-login.json'), JSON.stringify(login, null, 2), { mode: 0o600 })
}

export function readDemoLogin(dataDir: string): DemoLogin | null {
  const file = join(dataDir, 'demo-login.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoLogin) : null
}
