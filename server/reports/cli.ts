// `screen --school <urn> [--format json|csv]`: the school's screen, one row per pupil (DESIGN.md, Contract).
import type { Command } from '../platform/command'
import { RefusedError, UsageError } from '../platform/command'
import { findSchoolByUrn } from '../accounts/store'
import { recordAudit } from '../platform/audit'
import { loadScreenRows } from '../screening/screen-rows'
import { currentOpportunityByPupil } from '../opportunities/placement-store'
import { rescreenStaleSchools } from '../screening/service'
import { screenCsv } from './export'

export const reportCommands: Command[] = [
  {
    name: ['screen'],
    usage: 'screen --school <urn> [--format json|csv]',
    options: { school: { type: 'string' }, format: { type: 'string' } },
    async run({ db, options }) {
      const urn = typeof options.school === 'string' ? options.school.trim() : ''
      if (!urn) throw new UsageError('--school is required')
      const format = options.format ?? 'json'
      if (format !== 'json' && format !== 'csv') throw new UsageError('--format must be json or csv')
      const school = await findSchoolByUrn(db, urn)
      if (!school) throw new RefusedError(`No school has URN ${urn}.`)
      // a command may write: results left stale by data written outside the services are brought up to date
      await rescreenStaleSchools(db, [school.id])
      const { rows, pupilIds } = await loadScreenRows(db, school.id, await currentOpportunityByPupil(db, school.id))
      // An export of every pupil's screening: audited like the web export.
      await recordAudit(db, { action: 'screen_exported', schoolId: school.id, subjectType: 'school', subjectId: school.id, detail: { via: 'cli', format, pupils: rows.length, pupil_ids: pupilIds } })
      return format === 'csv' ? screenCsv(rows) : rows
    }
  }
]
