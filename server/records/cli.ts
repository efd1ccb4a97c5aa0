// `pupil export --school <urn> --upn <upn> --out <file> [--format json|pdf]`: everything Lantern holds
// on one pupil (subject access). `pupil erase --school <urn> --upn <upn> --reason <text>`: erases the
// pupil (refused while a safeguarding alert is open). `retention run [--school <urn>] [--dry-run]`:
// erases the pupils each school's retention setting says are due. Each is audited.
import { writeFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Command } from '../platform/command'
import { RefusedError, UsageError } from '../platform/command'
import { findSchoolByUrn } from '../accounts/store'
import { recordAudit } from '../platform/audit'
import { ConflictError } from '../platform/errors'
import { PDF_FONTS } from '../platform/fonts'
import { erasePupil } from './erase'
import { renderRecordPdf } from './pdf'
import { runRetention } from './retention'
import { loadSubjectAccess, subjectAccessDocument } from './subject-access'

const URN = /^\d{6}$/

async function schoolOption(db: Kysely<Database>, value: unknown) {
  if (typeof value !== 'string' || !URN.test(value)) throw new UsageError('--school <6-digit URN> is required')
  const school = await findSchoolByUrn(db, value)
  if (!school) throw new RefusedError(`No school has URN ${value}.`)
  return school
}

async function pupilOption(db: Kysely<Database>, schoolId: number, value: unknown) {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError('--upn <UPN> is required')
  const upn = value.trim().toUpperCase()
  const pupil = await db.selectFrom('pupils').select(['id', 'upn']).where('school_id', '=', schoolId).where('upn', '=', upn).executeTakeFirst()
  if (!pupil) throw new RefusedError(`No pupil with UPN ${upn} at this school.`)
  return pupil
}

export const recordCommands: Command[] = [
  {
    name: ['pupil', 'export'],
    usage: 'pupil export --school <urn> --upn <upn> --out <file> [--format json|pdf]',
    options: { school: { type: 'string' }, upn: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } },
    async run({ db, options }) {
      if (typeof options.out !== 'string' || options.out.trim() === '') throw new UsageError('--out <file> is required')
      const format = options.format ?? (options.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'json')
      if (format !== 'json' && format !== 'pdf') throw new UsageError('--format is json or pdf')
      const school = await schoolOption(db, options.school)
      const pupil = await pupilOption(db, school.id, options.upn)
      const data = (await loadSubjectAccess(db, school.id, pupil.id))!
      const bytes = format === 'pdf' ? await renderRecordPdf(subjectAccessDocument(data), PDF_FONTS) : Buffer.from(JSON.stringify(data, null, 2))
      await writeFile(options.out, bytes)
      await recordAudit(db, { action: 'pupil_exported', schoolId: school.id, subjectType: 'pupil', subjectId: pupil.id, detail: { format, via: 'cli' } })
      const rows = Object.values(data.records).reduce((n, list) => n + list.length, 0)
      return { out: options.out, format, upn: pupil.upn, records: rows, shares: data.shares.length, audit: data.audit.length, bytes: bytes.length }
    }
  },
  {
    name: ['pupil', 'erase'],
    usage: 'pupil erase --school <urn> --upn <upn> --reason <text>',
    options: { school: { type: 'string' }, upn: { type: 'string' }, reason: { type: 'string' } },
    async run({ db, options }) {
      if (typeof options.reason !== 'string' || options.reason.trim() === '') throw new UsageError('--reason <text> is required (why the pupil is erased; not the pupil’s name)')
      const school = await schoolOption(db, options.school)
      const pupil = await pupilOption(db, school.id, options.upn)
      try {
        const result = await erasePupil(db, { schoolId: school.id, userId: null, via: 'cli' }, pupil.id, options.reason.trim())
        return { erased: true, erasure: result.erasureId, removed: result.removed }
      } catch (err) {
        if (err instanceof ConflictError) throw new RefusedError(err.message, { erased: false, error: err.message })
        throw err
      }
    }
  },
  {
    name: ['retention', 'run'],
    usage: 'retention run [--school <urn>] [--dry-run]',
    options: { school: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run({ db, options }) {
      const school = options.school === undefined ? null : await schoolOption(db, options.school)
      return runRetention(db, { schoolId: school?.id ?? null, dryRun: options['dry-run'] === true })
    }
  }
]
