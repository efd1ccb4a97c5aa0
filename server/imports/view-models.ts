// Import results and history rows → exactly what the import pages show.
import { IMPORT_KINDS, type ImportKind } from './columns'
import type { ImportError, ImportResult } from './service'
import type { HistoryRow } from './pending-store'
import { lookupTable } from '../lookup'

export const KIND_LABELS: Record<ImportKind, string> = {
  ctf: 'Common Transfer File (CTF, XML)',
  pupils: 'Pupils (MIS export)',
  attainment: 'KS2 attainment',
  attendance: 'Attendance',
  sdq: 'SDQ responses or scores',
  letters: 'Letters to self',
  opportunities: 'Opportunities catalogue'
}

/** What one row of each kind is, for counts: "12 new pupils", "3 updated letters". */
const RECORD_NOUNS: Record<ImportKind, [string, string]> = {
  ctf: ['pupil', 'pupils'],
  pupils: ['pupil', 'pupils'],
  attainment: ['KS2 record', 'KS2 records'],
  attendance: ['attendance record', 'attendance records'],
  sdq: ['SDQ return', 'SDQ returns'],
  letters: ['letter', 'letters'],
  opportunities: ['opportunity', 'opportunities']
}

const STATUS_LABELS = { committed: 'Imported', rolled_back: 'Rolled back', dry_run: 'Checked only' } as const

export function kindOptions(selected: ImportKind | null | undefined, detectLabel?: string) {
  const options = IMPORT_KINDS.map((value) => ({ value, label: KIND_LABELS[value], selected: value === selected }))
  return detectLabel ? [{ value: '', label: detectLabel, selected: !selected }, ...options] : options
}

export function count(n: number, kind: ImportKind | null, adjective = ''): string {
  const [one, many] = kind ? RECORD_NOUNS[kind] : ['row', 'rows']
  return `${n.toLocaleString('en-GB')} ${adjective ? `${adjective} ` : ''}${n === 1 ? one : many}`
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  const mb = bytes / 1024 / 1024
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (Array.isArray(value)) return value.join('; ')
  if (typeof value === 'object') return Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${v}`).join(', ')
  const text = String(value)
  return text.length > 140 ? `${text.slice(0, 137)}…` : text
}

/**
 * A check as the pending upload keeps it until the lead confirms. Lists, not objects, because
 * PostgreSQL's jsonb does not keep the order of an object's keys (the file's column order).
 */
export interface StoredCheck {
  kind: ImportKind | null
  rows: number
  created: number
  updated: number
  errors: ImportError[]
  ignoredColumns: string[]
  columns: Array<[column: string, header: string]>
  previewHeadings: string[]
  previewRows: unknown[][]
}

export function toStoredCheck(result: ImportResult): StoredCheck {
  const headings = [...new Set(result.preview.flatMap((r) => Object.keys(r)))]
  return {
    kind: result.kind, rows: result.rows, created: result.created, updated: result.updated, errors: result.errors,
    ignoredColumns: result.ignoredColumns, columns: Object.entries(result.columns),
    previewHeadings: headings, previewRows: result.preview.map((r) => headings.map((h) => r[h] ?? null))
  }
}

const ACRONYMS = lookupTable<string>({ upn: 'UPN', ks2: 'KS2', sen: 'SEN', fsm: 'FSM', eal: 'EAL', dob: 'Date of birth', sdq: 'SDQ' })

/** `temporaryUpn` → "Temporary UPN", `ks2_reading` → "KS2 reading". */
export function headingText(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase().split(' ')
  const text = words.map((w) => ACRONYMS[w] ?? w).join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The stored check of a pending upload, laid out for the preview page. */
export function previewModel(check: StoredCheck, file: { name: string; size: number }) {
  const kind = check.kind
  return {
    fileName: file.name,
    fileSize: fileSize(file.size),
    kind,
    kindLabel: kind ? KIND_LABELS[kind] : 'Not recognised',
    ok: check.errors.length === 0,
    rows: check.rows,
    rowsText: count(check.rows, kind),
    createdText: count(check.created, kind, 'new'),
    updatedText: count(check.updated, kind, 'updated'),
    columns: check.columns.map(([column, header]) => ({ column, header })),
    ignoredColumns: check.ignoredColumns,
    previewHeadings: check.previewHeadings.map(headingText),
    previewRows: check.previewRows.map((r) => r.map(cellText)),
    errors: check.errors.map((e) => ({ ...e, rowText: e.row === null ? 'Whole file' : String(e.row), fieldText: e.field ?? '—' })),
    errorCountText: `${check.errors.length.toLocaleString('en-GB')} problem${check.errors.length === 1 ? '' : 's'}`
  }
}

export function historyModel(rows: HistoryRow[], latest: Set<number>, urn: string) {
  return rows.map((r) => ({
    ...r,
    rowsText: r.rows.toLocaleString('en-GB'),
    createdText: r.created.toLocaleString('en-GB'),
    updatedText: r.updated.toLocaleString('en-GB'),
    kindLabel: KIND_LABELS[r.kind],
    statusLabel: STATUS_LABELS[r.status],
    rolledBack: r.status === 'rolled_back',
    rollbackHref: latest.has(r.id) ? `/s/${urn}/imports/rollback/${r.kind}` : null,
    who: r.user_name ?? 'Command line'
  }))
}

/** The preview page of one pending upload: what the check found, over the stored check. */
export function previewPageView(
  row: { id: string; file_name: string; size: number; kind: ImportKind | null; result: unknown },
  urn: string,
  expiresMinutes: number
) {
  const checked = row.result as StoredCheck
  const base = `/s/${urn}/imports`
  const model = previewModel(checked, { name: row.file_name, size: row.size })
  return {
    title: model.ok ? `Check ${row.file_name}` : `Problems in ${row.file_name}`,
    backHref: base,
    backText: 'Imports',
    pendingHref: `${base}/pending/${row.id}`,
    check: model,
    kinds: kindOptions(checked.kind ?? row.kind),
    chosenByLead: row.kind !== null,
    errors: model.ok ? undefined : [{ field: 'problems', message: `${model.errorCountText} in this file: nothing has been imported. Fix them in your MIS or spreadsheet and upload the file again.` }],
    expiresMinutes
  }
}

/** The confirm step before rolling back an import. */
export function rollbackPageView(
  target: { file_name: string; kind: ImportKind; user_name: string | null; created: number; updated: number },
  urn: string
) {
  return {
    title: `Roll back ${target.file_name}`,
    backHref: `/s/${urn}/imports`,
    backText: 'Imports',
    target: { ...target, kindLabel: KIND_LABELS[target.kind], who: target.user_name ?? 'Command line', createdText: count(target.created, target.kind, 'new'), updatedText: count(target.updated, target.kind, 'updated') }
  }
}

/** Rows across a set by what they are: "412 pupils, 398 letters and 12 opportunities". */
function setTotalsText(checks: ReadonlyArray<{ kind: ImportKind | null; rows: number }>): string {
  const totals = new Map<string, { n: number; kind: ImportKind }>()
  for (const c of checks) {
    if (!c.kind || !c.rows) continue
    const noun = RECORD_NOUNS[c.kind][1]
    const t = totals.get(noun) ?? { n: 0, kind: c.kind }
    t.n += c.rows
    totals.set(noun, t)
  }
  const parts = [...totals.values()].map((t) => count(t.n, t.kind))
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'no rows')
}

const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ')

/** The preview of several files uploaded together, in the order they will be imported. */
export function setPreviewPageView(
  rows: ReadonlyArray<{ set_id: string | null; file_name: string; size: number; result: unknown }>,
  urn: string,
  expiresMinutes: number
) {
  const base = `/s/${urn}/imports`
  const checks = rows.map((r) => r.result as StoredCheck)
  const files = rows.map((r, i) => {
    const model = previewModel(checks[i]!, { name: r.file_name, size: r.size })
    return { ...model, number: i + 1, anchor: `file-${i + 1}`, problemsAnchor: `file-${i + 1}-problems` }
  })
  const bad = files.filter((f) => !f.ok)
  const ok = bad.length === 0
  const filesText = `${files.length} files`
  return {
    title: ok ? `Check ${filesText} before importing` : `Problems in ${bad.length} of ${filesText}`,
    backHref: base,
    backText: 'Imports',
    setHref: `${base}/sets/${rows[0]?.set_id ?? ''}`,
    ok,
    files,
    summaryText: ok ? `${filesText}, ${setTotalsText(checks)}; nothing is written until you confirm.` : `${filesText}: nothing from any of them will be imported until every problem is fixed.`,
    badText: ok ? null : `${bad.length === 1 ? 'This file has' : 'These files have'} problems: ${quoted(bad.map((f) => f.fileName))}. Fix them in your MIS or spreadsheet and upload all ${filesText} again.`,
    totalRowsText: setTotalsText(checks),
    // nothing changes while any file has a problem; the good files say what they would do
    changeLabel: ok ? 'What will change' : 'What would change',
    errors: ok ? undefined : bad.map((f) => ({ field: f.problemsAnchor, message: `${f.errorCountText} in '${f.fileName}'` })),
    expiresMinutes
  }
}

/** The confirmation after a set went in; each file has its own line in the history below it. */
export function setImportedText(files: ReadonlyArray<{ kind: ImportKind | null; rows: number }>): string {
  return `Imported ${files.length} files together: ${setTotalsText(files)}. Each file is in the import history below.`
}
