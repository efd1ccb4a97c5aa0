// `opportunities allocate --school <urn> [--dry-run]`.
import type { Command } from '../platform/command'
import { RefusedError, UsageError } from '../platform/command'
import { findSchoolByUrn } from '../accounts/store'
import { allocateForSchool } from './allocate'

export const opportunityCommands: Command[] = [
  {
    name: ['opportunities', 'allocate'],
    usage: 'opportunities allocate --school <urn> [--dry-run]',
    options: { school: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run({ db, options }) {
      if (typeof options.school !== 'string' || !/^\d{6}$/.test(options.school)) throw new UsageError('--school <6-digit URN> is required')
      const school = await findSchoolByUrn(db, options.school)
      if (!school) throw new RefusedError(`No school has URN ${options.school}.`)
      return allocateForSchool(db, school.id, { userId: null }, { dryRun: options['dry-run'] === true })
    }
  }
]
