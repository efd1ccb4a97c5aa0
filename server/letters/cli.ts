// `analyse [--csv <file>]`: the letter analyser on its own, with no database.
import { readFileSync, existsSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { Command } from '../platform/command'
import { RefusedError } from '../platform/command'
import { analyseLetter } from './analyser'

function readCsvLetters(file: string): Array<{ id: string; letter: string }> {
  if (!existsSync(file)) throw new RefusedError(`No file at ${file}.`)
  const rows = parse(readFileSync(file), { bom: true, columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[]
  if (rows.length && (!Object.hasOwn(rows[0]!, 'id') || !Object.hasOwn(rows[0]!, 'letter'))) {
    throw new RefusedError(`${file}: the header must have the columns id and letter.`)
  }
  return rows.map((r) => ({ id: r.id ?? '', letter: r.letter ?? '' }))
}

export const letterCommands: Command[] = [
  {
    name: ['analyse'],
    usage: 'analyse [--csv <file>]   (one letter on stdin, or a CSV with columns id,letter)',
    options: { csv: { type: 'string' } },
    noDatabase: true,
    async run({ options, stdin, out }) {
      if (typeof options.csv === 'string') {
        for (const { id, letter } of readCsvLetters(options.csv)) out(JSON.stringify({ id, ...analyseLetter(letter) }))
        return undefined
      }
      return JSON.stringify(analyseLetter(await stdin()))
    }
  }
]
