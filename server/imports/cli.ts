// `import <file> --school <urn> [--kind …] [--dry-run]`: the contract's JSON summary, exit 1 on any error.
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from '../platform/command'
import { RefusedError, UsageError } from '../platform/command'
import { findSchoolByUrn } from '../accounts/store'
import { afterImport, letterAnalyserForImport } from '../letters/analyse-on-import'
import { IMPORT_KINDS, type ImportKind } from './columns'
import { runImport, type ImportResult } from './service'

/** Exactly the contract's keys, nothing else (no preview, no pupil data). */
export function importSummary(result: Pick<ImportResult, 'kind' | 'rows' | 'created' | 'updated' | 'errors'>) {
  return {
    kind: result.kind,
    rows: result.rows,
    created: result.created,
    updated: result.updated,
    errors: result.errors.map((e) => ({ row: e.row, field: e.field, message: e.message }))
  }
}

export const importCommands: Command[] = [
  {
    name: ['import'],
    usage: `import <file> --school <urn> [--kind ${IMPORT_KINDS.join('|')}] [--dry-run]`,
    options: { school: { type: 'string' }, kind: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run({ db, args, options }) {
      if (args.length !== 1) throw new UsageError(args.length ? 'give one file to import' : 'which file? give its path')
      const school = options.school
      if (typeof school !== 'string' || school.trim() === '') throw new UsageError('--school is required')
      const kind = options.kind
      if (kind !== undefined && !(IMPORT_KINDS as readonly unknown[]).includes(kind)) {
        throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`)
      }
      const path = args[0] as string
      let content: Buffer
      try {
        if (!statSync(path).isFile()) throw new Error('not a file')
        content = readFileSync(path)
      } catch {
        throw new RefusedError(`Cannot read the file '${path}': it does not exist or is not a readable file. Nothing was imported.`)
      }
      const found = await findSchoolByUrn(db, school.trim())
      if (!found) throw new RefusedError(`No school has URN ${school.trim()}. Add it first with: school add --urn ${school.trim()} --name "…". Nothing was imported.`)
      const result = await runImport(db, {
        schoolId: found.id,
        userId: null,
        fileName: basename(path),
        content,
        kind: kind as ImportKind | undefined,
        dryRun: options['dry-run'] === true,
        analyseLetter: letterAnalyserForImport(), afterWrite: afterImport
      })
      const summary = importSummary(result)
      if (result.errors.length) {
        throw new RefusedError(`${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} in '${basename(path)}': nothing was imported.`, summary)
      }
      return summary
    }
  }
]
