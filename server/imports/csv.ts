// Reads an uploaded CSV into rows keyed by Lantern's column names. Pure (bytes in, data out).
// Row numbers are spreadsheet row numbers: the header is row 1, the first pupil row 2.
import { parse } from 'csv-parse/sync'
import { canonicalColumn, detectKind, KIND_COLUMNS, type CsvKind } from './columns'
import { decodeText, type TextEncoding } from './text'
import type { ImportError } from './errors'

export interface CsvRow {
  /** spreadsheet row number (header = 1) */
  row: number
  /** canonical column → trimmed cell; blank cells are absent */
  values: Record<string, string>
}

export interface CsvFile {
  encoding: TextEncoding
  kind: CsvKind | undefined
  /** canonical column → the header as the file spells it (for messages) */
  headers: Record<string, string>
  /** headers Lantern does not use for this kind, as the file spells them */
  ignoredColumns: string[]
  rows: CsvRow[]
  errors: ImportError[]
}

export function readCsv(bytes: Uint8Array, kind?: CsvKind): CsvFile {
  const { text, encoding } = decodeText(bytes)
  const empty = (message: string): CsvFile => ({ encoding, kind, headers: {}, ignoredColumns: [], rows: [], errors: [{ row: 1, field: null, message }] })
  let records: string[][]
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false })
  } catch (err) {
    return empty(`This file could not be read as CSV (${(err as Error).message}). Save it from your spreadsheet as "CSV UTF-8" and try again.`)
  }
  const header = records[0]
  if (!header || header.every((h) => h.trim() === '')) return empty('The file has no header row. The first row should name the columns, for example UPN, Surname, Forename, Date of Birth.')

  const found = new Map<string, string>()
  const unknown: string[] = []
  const errors: ImportError[] = []
  const positions: [number, string][] = []
  header.forEach((raw, i) => {
    const h = raw.trim()
    if (h === '') return
    const column = canonicalColumn(h)
    if (!column) return unknown.push(h)
    const earlier = found.get(column)
    if (earlier !== undefined) {
      errors.push({ row: 1, field: column, message: `Row 1: the columns '${earlier}' and '${h}' are the same thing to Lantern — delete one of them and try again.` })
      return
    }
    found.set(column, h)
    positions.push([i, column])
  })

  const detected = kind ?? detectKind(new Set(found.keys()))
  const allowed = new Set(detected ? KIND_COLUMNS[detected] : [])
  const headers: Record<string, string> = {}
  const used: [number, string][] = []
  const ignoredColumns = [...unknown]
  for (const [i, column] of positions) {
    if (allowed.has(column)) {
      headers[column] = found.get(column) as string
      used.push([i, column])
    } else ignoredColumns.push(found.get(column) as string)
  }

  const rows: CsvRow[] = []
  for (let r = 1; r < records.length; r++) {
    const record = records[r] as string[]
    if (record.every((cell) => cell.trim() === '')) continue
    const values: Record<string, string> = {}
    for (const [i, column] of used) {
      const cell = record[i]?.trim()
      if (cell) values[column] = cell
    }
    rows.push({ row: r + 1, values })
  }
  return { encoding, kind: detected, headers, ignoredColumns, rows, errors }
}
