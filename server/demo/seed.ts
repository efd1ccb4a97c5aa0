// The demo: synthetic schools and staff, so that a new installation shows Lantern working at once.
// Every name here is invented.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { generatePassword, hashPassword } from '../accounts/service'
import * as accounts from '../accounts/store'
import { deleteSecondFactor } from '../accounts/second-factor-store'
import { recordAudit } from '../platform/audit'
import { rescreenSchool } from '../screening/service'
import { allocateForSchool } from '../opportunities/allocate'
import { seedDemoSupervision } from './supervision'
import { changePlacement, markAttendance } from '../opportunities/placements'
import { runImport } from '../imports/service'
import type { ImportKind } from '../imports/columns'
import { afterImport, letterAnalyserForImport } from '../letters/analyse-on-import'
import { DEMO_CATALOGUES, generateCohort, type CohortFiles, type CohortSpec } from './cohort'

export const DEMO_SCHOOLS = [
  { urn: '999001', name: 'Lantern Demo Academy' },
  { urn: '999002', name: 'Riverside Demo School' }
]

/** Each demo school's synthetic intake (invented primaries, establishment numbers 9xxx). */
export const DEMO_COHORTS: Record<string, CohortSpec> = {
  '999001': {
    seed: 999001, pupils: 180, forms: ['7A', '7B', '7C', '7D', '7E', '7F'], safeguardingLetters: 2, catalogue: DEMO_CATALOGUES['999001'],
    primaries: [['Larkspur Lane Primary (demo)', '9101'], ['Hollowmere Primary (demo)', '9102'], ['St Ives Road Juniors (demo)', '9103'], ['Brackenfold Academy (demo)', '9104'], ['Kestrel Fields Primary (demo)', '9105'], ['Millbeck Primary (demo)', '9106']]
  },
  '999002': {
    seed: 999002, pupils: 60, forms: ['7N', '7S'], safeguardingLetters: 0, catalogue: DEMO_CATALOGUES['999002'],
    primaries: [['Willowgate Primary (demo)', '9201'], ['Copperfield Juniors (demo)', '9202'], ['Ashby Brook Primary (demo)', '9203']]
  }
}

type TransitionFile = Exclude<keyof CohortFiles, 'attendanceLater' | 'sdqFollowUp' | 'followUpOn'>

/** The files a school imports at transition, in the order it imports them. */
const IMPORT_ORDER: Array<[TransitionFile, ImportKind, string]> = [
  ['pupils', 'pupils', 'Year 7 pupils (MIS export).csv'],
  ['attainment', 'attainment', 'KS2 results.csv'],
  ['attendance', 'attendance', 'Year 6 attendance.csv'],
  ['sdq', 'sdq', 'SDQ September (self-report and parent).csv'],
  ['letters', 'letters', 'Letters to self.csv'],
  ['opportunities', 'opportunities', 'Opportunities.csv']
]

const DEMO_STAFF = [
  { email: 'lead@demo.lantern.test', name: 'Dana Okafor', schools: [{ urn: '999001', role: 'lead', isDsl: true }, { urn: '999002', role: 'lead', isDsl: true }] },
  { email: 'pastoral@demo.lantern.test', name: 'Sam Whitfield', schools: [{ urn: '999001', role: 'pastoral', isDsl: false }] },
  { email: 'link@demo.lantern.test', name: 'Priya Nair', schools: [{ urn: '999001', role: 'link', isDsl: false }, { urn: '999002', role: 'link', isDsl: false }] }
] as const

export interface DemoLogin { url?: string; email: string; password: string; school: string; otherAccounts: string[]; secondFactor: string }

/** How the demo accounts sign in, printed with the login (README, "Accounts and security"). */
export const DEMO_SECOND_FACTOR =
  'The demo lead and link worker also need a code from an authenticator app: at their first sign-in Lantern shows a QR code and its key as text to add to one (or to a password manager, or `oathtool --totp -b KEY`). The pastoral account signs in with the password alone.'

/**
 * Seeds (or refreshes) the demo schools and staff; every demo account gets the same new password, and
 * any second factor set up before is removed, so that each is set up again at the next sign-in.
 */
export async function seedDemo(db: Kysely<Database>): Promise<DemoLogin> {
  const password = generatePassword()
  const passwordHash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    const schoolIds = new Map<string, number>()
    for (const s of DEMO_SCHOOLS) {
      const school = (await accounts.findSchoolByUrn(trx, s.urn)) ?? (await accounts.insertSchool(trx, s.urn, s.name))
      schoolIds.set(s.urn, school.id)
    }
    for (const person of DEMO_STAFF) {
      const existing = await accounts.findUserByEmail(trx, person.email)
      const user = existing ?? (await accounts.insertUser(trx, { email: person.email, name: person.name, passwordHash, mustChangePassword: false }))
      if (existing) {
        await accounts.setPassword(trx, existing.id, passwordHash)
        await deleteSecondFactor(trx, existing.id)
        await accounts.endSessionsOfUser(trx, existing.id)
      }
      for (const m of person.schools) {
        await accounts.upsertMembership(trx, { userId: user.id, schoolId: schoolIds.get(m.urn)!, role: m.role, isDsl: m.isDsl })
      }
    }
    for (const id of schoolIds.values()) await recordAudit(trx, { action: 'demo_seeded', schoolId: id })
  })
  await seedDemoCohorts(db)
  return {
    email: DEMO_STAFF[0].email,
    password,
    school: DEMO_SCHOOLS[0]!.name,
    otherAccounts: DEMO_STAFF.slice(1).map((s) => s.email),
    secondFactor: DEMO_SECOND_FACTOR
  }
}

/**
 * Imports each demo school's synthetic cohort through the real import runner, as its lead would.
 * A school that already has pupils is left as it is, so running the demo again changes nothing.
 */
export async function seedDemoCohorts(db: Kysely<Database>, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const lead = await accounts.findUserByEmail(db, DEMO_STAFF[0].email)
  for (const s of DEMO_SCHOOLS) {
    const school = await accounts.findSchoolByUrn(db, s.urn)
    const spec = DEMO_COHORTS[s.urn]
    if (!school || !spec) continue
    if (await db.selectFrom('pupils').select('id').where('school_id', '=', school.id).limit(1).executeTakeFirst()) continue
    const files = generateCohort(spec, today)
    const load = async (content: Buffer, kind: ImportKind, fileName: string) => {
      const result = await runImport(db, { schoolId: school.id, userId: lead?.id ?? null, fileName, content, kind, analyseLetter: letterAnalyserForImport(), afterWrite: afterImport, today })
      if (result.errors.length) throw new Error(`The demo ${kind} file for ${s.urn} was refused: ${result.errors[0]!.message}`)
    }
    for (const [file, kind, fileName] of IMPORT_ORDER) await load(files[file], kind, fileName)
    await rescreenSchool(db, school.id)
    await allocateDemo(db, school.id, lead?.id ?? null, today)
    // last half term's supervision meeting, fixed on what was known then
    if (lead) await seedDemoSupervision(db, school.id, lead.id, (await accounts.findUserByEmail(db, DEMO_STAFF[2].email))?.id ?? null, today)
    // Later in Year 7, through the same import path, so attendance history and SDQ change are real rows.
    if (files.attendanceLater && files.sdqFollowUp) {
      await load(files.attendanceLater, 'attendance', 'Year 7 attendance to date.csv')
      await load(files.sdqFollowUp, 'sdq', `SDQ follow-up ${files.followUpOn}.csv`)
    }
  }
}

/**
 * The demo's opportunities allocated as a lead would on first start: every pupil gets a proposal; in
 * each form the first third are offered their place, and half of those are taking part with a few
 * weeks of register, so the allocation page and slips have something true to show.
 */
async function allocateDemo(db: Kysely<Database>, schoolId: number, userId: number | null, today: string): Promise<void> {
  await allocateForSchool(db, schoolId, { userId })
  const proposals = await db
    .selectFrom('placements as p')
    .innerJoin('pupils as u', 'u.id', 'p.pupil_id')
    .select(['p.id', 'u.form'])
    .where('p.school_id', '=', schoolId)
    .where('p.status', '=', 'proposed')
    .orderBy('u.form')
    .orderBy('u.surname')
    .orderBy('p.id')
    .execute()
  const by = { schoolId, userId }
  const seen = new Map<string, number>()
  const start = new Date(`${today}T12:00:00Z`)
  for (const p of proposals) {
    const n = seen.get(p.form ?? '') ?? 0
    seen.set(p.form ?? '', n + 1)
    if (n % 3 !== 0) continue
    await changePlacement(db, by, p.id, 'offer', null)
    if (n % 6 !== 0) continue
    await changePlacement(db, by, p.id, 'start', null)
    for (let week = 1; week <= 4; week++) {
      const held = new Date(start.getTime() - week * 7 * 86_400_000).toISOString().slice(0, 10)
      await markAttendance(db, by, p.id, held, (p.id + week) % 5 !== 0)
    }
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
