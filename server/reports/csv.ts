// CSV writing (RFC 4180) for exports. Pure.
// Text that a spreadsheet would run as a formula is neutralised with a leading apostrophe (OWASP "CSV injection"):
// exports hold pupils' names and letters, which anyone could have typed.

export type CsvValue = string | number | boolean | null | undefined | readonly (string | number)[]

// = + - @ start formulas; tab and carriage return let one slip past a trimming reader; full-width forms are
// converted to their ASCII twins by some spreadsheet locales.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** Prefixes `'` to text a spreadsheet would treat as a formula; other text is returned unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  // Numbers are data, never formulas: -3 stays a number a spreadsheet can add up.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return neutraliseFormula(value)
  // Lists (reason codes, interests) are joined with ';' as the import format expects.
  return neutraliseFormula(value.map(String).join(';'))
}

/** One cell: neutralised, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  const text = cellText(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One record, without its line ending. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',')
}

export interface CsvOptions {
  /** start with a UTF-8 byte-order mark, so Excel reads names such as Zoë correctly */
  bom?: boolean
  /** RFC 4180 uses CRLF */
  eol?: '\r\n' | '\n'
}

/** A whole file: the header row, then one row per record, each the same width as the header. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvOptions = {}): string {
  const eol = options.eol ?? '\r\n'
  const lines = [csvRow(header)]
  let n = 0
  for (const row of rows) {
    n++
    if (row.length !== header.length) throw new RangeError(`CSV row ${n} has ${row.length} cells; the header has ${header.length}`)
    lines.push(csvRow(row))
  }
  return (options.bom ? '\uFEFF' : '') + lines.join(eol) + eol
}

export interface CsvColumn<T> {
  header: string
  value: (record: T) => CsvValue
}

/** A whole file from records and named columns. */
export function recordsToCsv<T>(columns: readonly CsvColumn<T>[], records: Iterable<T>, options: CsvOptions = {}): string {
  function* rows() {
    for (const record of records) yield columns.map((c) => c.value(record))
  }
  return toCsv(
    columns.map((c) => c.header),
    rows(),
    options,
  )
}
