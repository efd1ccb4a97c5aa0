// Import results and history rows → exactly what the import pages show.
import { IMPORT_KINDS, type ImportKind } from './columns'
import type { ImportResult } from './service'
import type { HistoryRow } from './pending-store'

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
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (Array.isArray(value)) return value.join('; ')
  if (typeof value === 'object') return Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${v}`).join(', ')
  const text = String(value)
  return text.length > 140 ? `${text.slice(0, 137)}…` : text
}

/** The stored check of a pending upload, laid out for the preview page. */
export function previewModel(result: ImportResult, file: { name: string; size: number }) {
  const kind = result.kind
  const headings = [...new Set(result.preview.flatMap((r) => Object.keys(r)))]
  return {
    fileName: file.name,
    fileSize: fileSize(file.size),
    kind,
    kindLabel: kind ? KIND_LABELS[kind] : 'Not recognised',
    ok: result.errors.length === 0,
    rows: result.rows,
    rowsText: count(result.rows, kind),
    createdText: count(result.created, kind, 'new'),
    updatedText: count(result.updated, kind, 'updated'),
    columns: Object.entries(result.columns).map(([column, header]) => ({ column, header })),
    ignoredColumns: result.ignoredColumns,
    previewHeadings: headings,
    previewRows: result.preview.map((r) => headings.map((h) => cellText(r[h]))),
    errors: result.errors.map((e, i) => ({ ...e, rowText: e.row === null ? 'Whole file' : String(e.row), fieldText: e.field ?? '—', anchor: `problem-${i + 1}` })),
    errorCount: result.errors.length,
    errorCountText: `${result.errors.length.toLocaleString('en-GB')} problem${result.errors.length === 1 ? '' : 's'}`
  }
}

export function historyModel(rows: HistoryRow[], latest: Set<number>, urn: string) {
  return rows.map((r) => ({
    ...r,
    kindLabel: KIND_LABELS[r.kind],
    statusLabel: STATUS_LABELS[r.status],
    rolledBack: r.status === 'rolled_back',
    rollbackHref: latest.has(r.id) ? `/s/${urn}/imports/rollback/${r.kind}` : null,
    who: r.user_name ?? 'Command line'
  }))
}
