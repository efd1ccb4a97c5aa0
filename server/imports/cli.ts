// `import <file> --school <urn> [--kind …] [--dry-run]`: the contract's JSON summary, exit 1 on any error.
// `import <file|dir>... --school <urn> [--dry-run]`: several files as one set, all or nothing, in one
// process and one transaction; a JSON array of the summaries, each with its file.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Command } from '../platform/command'
import { RefusedError, UsageError } from '../platform/command'
import { findSchoolByUrn } from '../accounts/store'
import { afterImport, letterAnalyserForImport } from '../letters/analyse-on-import'
import { IMPORT_KINDS, type ImportKind } from './columns'
import { importSet, runImport, type ImportResult, type SetFile } from './service'

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
    usage: `import <file|dir>... --school <urn> [--kind ${IMPORT_KINDS.join('|')}] [--dry-run]`,
    options: { school: { type: 'string' }, kind: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run({ db, args, options }) {
      if (args.length === 0) throw new UsageError('which file? give its path')
      if (args.length > 1 || isDirectory(args[0]!)) return runSet(db, args, options)
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

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** The files named, a folder standing for the files in it (not its subfolders or hidden files), by name. */
function setFiles(paths: readonly string[]): SetFile[] {
  const files: SetFile[] = []
  for (const path of paths) {
    let names: string[]
    try {
      names = statSync(path).isDirectory()
        ? readdirSync(path)
            .filter((n) => !n.startsWith('.'))
            .sort()
            .map((n) => join(path, n))
            .filter((p) => statSync(p).isFile())
        : [path]
    } catch {
      throw new RefusedError(`Cannot read '${path}': it does not exist or is not readable. Nothing was imported.`)
    }
    for (const name of names) {
      try {
        files.push({ fileName: basename(name), content: readFileSync(name) })
      } catch {
        throw new RefusedError(`Cannot read the file '${name}'. Nothing was imported.`)
      }
    }
  }
  return files
}

async function runSet(db: Parameters<Command['run']>[0]['db'], paths: readonly string[], options: Record<string, string | boolean | undefined>) {
  const school = options.school
  if (typeof school !== 'string' || school.trim() === '') throw new UsageError('--school is required')
  if (options.kind !== undefined) throw new UsageError('--kind names the kind of one file; a set of files is read by content')
  const files = setFiles(paths)
  if (files.length === 0) throw new RefusedError('There are no files to import there. Nothing was imported.')
  const found = await findSchoolByUrn(db, school.trim())
  if (!found) throw new RefusedError(`No school has URN ${school.trim()}. Add it first with: school add --urn ${school.trim()} --name "…". Nothing was imported.`)
  const set = await importSet(db, files, { schoolId: found.id, userId: null, dryRun: options['dry-run'] === true, analyseLetter: letterAnalyserForImport(), afterWrite: afterImport })
  const summaries = set.files.map((f) => ({ file: f.fileName, ...importSummary(f.result) }))
  const problems = set.files.reduce((n, f) => n + f.result.errors.length, 0)
  if (problems) {
    const which = set.files.filter((f) => f.result.errors.length).map((f) => `'${f.fileName}'`).join(', ')
    throw new RefusedError(`${problems} problem${problems === 1 ? '' : 's'} in ${which}: nothing from any of the ${files.length} files was imported.`, summaries)
  }
  return summaries
}
