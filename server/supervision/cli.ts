// `pack --school <urn> --date <YYYY-MM-DD> --out <file.pdf> [--identified] [--copy link|school]`: the
// supervision pack of the meeting on that date (or, with no meeting yet, the planning pack of the
// proposed agenda). The link team's copy by default: every pupil pseudonymised, except that with
// --identified the pupils whose consent is recorded are named. `--copy school` is the school's own.
import { writeFile } from 'node:fs/promises'
import type { Command } from '../platform/command'
import { RefusedError, UsageError } from '../platform/command'
import { findSchoolByUrn } from '../accounts/store'
import { PDF_FONTS } from '../platform/fonts'
import { recordAudit } from '../platform/audit'
import { packPdf } from './pack'
import { loadPackData } from './pack-data'
import { recordShare, SHARE_PURPOSES } from './shares'

export const supervisionCommands: Command[] = [
  {
    name: ['pack'],
    usage: 'pack --school <urn> --date <YYYY-MM-DD> --out <file.pdf> [--identified] [--copy link|school]',
    options: { school: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' }, identified: { type: 'boolean' }, copy: { type: 'string' } },
    async run({ db, options }) {
      if (typeof options.school !== 'string' || !/^\d{6}$/.test(options.school)) throw new UsageError('--school <6-digit URN> is required')
      if (typeof options.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(`${options.date}T00:00:00Z`))) throw new UsageError('--date <YYYY-MM-DD> is required')
      if (typeof options.out !== 'string' || options.out.trim() === '') throw new UsageError('--out <file.pdf> is required')
      const copy = options.copy ?? 'link'
      if (copy !== 'link' && copy !== 'school') throw new UsageError('--copy is link or school')
      const school = await findSchoolByUrn(db, options.school)
      if (!school) throw new RefusedError(`No school has URN ${options.school}.`)
      const identified = copy === 'school' || options.identified === true
      const loaded = await loadPackData(db, { schoolId: school.id, date: options.date, copy, identified, printedBy: 'Lantern command line' })
      if (!loaded) throw new RefusedError(`No pack for ${options.date}.`)
      const pdf = await packPdf(loaded.data, PDF_FONTS)
      await writeFile(options.out, pdf)
      await recordAudit(db, { action: 'pack_printed', schoolId: school.id, subjectType: 'school', subjectId: school.id, detail: { copy, identified, date: options.date, pupil_ids: loaded.pupilIds, by: 'cli' } })
      if (copy === 'link') {
        await recordShare(db, {
          schoolId: school.id,
          userId: null,
          sharedWith: 'The CAMHS link team',
          what: `Supervision pack, link team copy, ${options.date} (printed from the command line)`,
          purpose: SHARE_PURPOSES.supervision,
          pupilIds: loaded.pupilIds,
          identifiedPupilIds: loaded.identifiedPupilIds
        })
      }
      return {
        out: options.out,
        copy,
        date: options.date,
        status: loaded.data.meeting.status,
        pupils: loaded.pupilIds.length,
        identified: loaded.identifiedPupilIds.length,
        bytes: pdf.length
      }
    }
  }
]
