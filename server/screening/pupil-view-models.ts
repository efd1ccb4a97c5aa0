// Rows → exactly what the pupil list and profile show. Pure: no database, no Fastify.
import { describeReason, isReasonCode, REASONS } from './reasons'
import { attendancePercent, LEVEL_LABELS, LEVELS, type Level } from './rules'
import type { StoredReason } from '../db/schema'
import type { ScreenRowRecord } from './store'
import { lookupTable } from '../lookup'
import { displayName } from '../pupils/names'

export const LEVEL_TAG: Record<Level, string> = {
  thriving: 'govuk-tag--green',
  getting_advice: 'govuk-tag--blue',
  getting_help: 'govuk-tag--yellow',
  getting_more_help: 'govuk-tag--orange',
  getting_risk_support: 'govuk-tag--red'
}

export function levelView(level: Level | null | undefined) {
  if (!level) return null
  return { value: level, label: LEVEL_LABELS[level], tag: LEVEL_TAG[level] }
}

export function reasonLabel(code: string): string {
  return isReasonCode(code) ? describeReason(code).label : code
}

export function reasonsView(reasons: readonly StoredReason[] | null) {
  return (reasons ?? []).map((r) => ({ code: r.code, label: reasonLabel(r.code), evidence: r.evidence, weight: r.weight }))
}

const INDICATOR_WORDS = lookupTable<string>({
  attendance: 'attendance',
  ks2: 'KS2 results',
  sdq: 'SDQ',
  social_care: 'social care status',
  looked_after: 'looked-after status',
  sen: 'SEN status',
  letter: 'letter to self'
})

/** Indicators with no data, in words, so a quiet profile is not mistaken for a reassuring one. */
export function missingWords(missing: readonly string[] | null): string[] {
  return (missing ?? []).map((m) => INDICATOR_WORDS[m] ?? m.replace(/_/g, ' '))
}


// ---- the list -----------------------------------------------------------------------------------

export interface ListQuery {
  q: string
  level: string
  reason: string
  form: string
  hidden: boolean
  safeguarding: boolean
  sen: string
  fsm: boolean
  lookedAfter: boolean
  sort: 'name' | 'form' | 'level' | 'score' | 'attendance'
  dir: 'asc' | 'desc'
}

const SORTS = ['name', 'form', 'level', 'score', 'attendance'] as const

export function parseListQuery(raw: Record<string, unknown>): ListQuery {
  const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim().slice(0, 100) : '')
  const sort = text('sort') as ListQuery['sort']
  return {
    q: text('q'),
    level: (LEVELS as readonly string[]).includes(text('level')) ? text('level') : '',
    reason: isReasonCode(text('reason')) ? text('reason') : '',
    form: text('form'),
    hidden: text('hidden') === 'yes',
    safeguarding: text('safeguarding') === 'yes',
    sen: ['K', 'E', 'any'].includes(text('sen')) ? text('sen') : '',
    fsm: text('fsm') === 'yes',
    lookedAfter: text('looked_after') === 'yes',
    sort: (SORTS as readonly string[]).includes(sort) ? sort : 'name',
    dir: text('dir') === 'desc' ? 'desc' : 'asc'
  }
}

export interface PupilListRow {
  id: number
  href: string
  name: string
  upn: string
  form: string | null
  level: ReturnType<typeof levelView>
  suggested: ReturnType<typeof levelView>
  overridden: boolean
  score: number | null
  hidden: boolean
  safeguarding: boolean
  reasons: { code: string; label: string }[]
  sen: string | null
  fsm: boolean
  lookedAfter: boolean
  attendance: number | null
  attendanceText: string
}

export function listRow(r: ScreenRowRecord, urn: string): PupilListRow {
  const level = (r.decided_level ?? r.suggested_level ?? null) as Level | null
  const attendance = r.possible === null || r.absent === null ? null : attendancePercent({ possible: r.possible, absent: r.absent })
  return {
    id: r.id,
    href: `/s/${urn}/pupils/${r.id}`,
    name: displayName(r),
    upn: r.upn,
    form: r.form,
    level: levelView(level),
    suggested: levelView(r.suggested_level as Level | null),
    overridden: r.decided_level !== null && r.decided_level !== r.suggested_level,
    score: r.score,
    hidden: r.hidden === true,
    safeguarding: r.safeguarding === true,
    reasons: ((r.reasons ?? []) as StoredReason[]).filter((x) => x.code !== 'LETTER_MISSING').map((x) => ({ code: x.code, label: reasonLabel(x.code) })),
    sen: r.sen === 'K' ? 'SEN support' : r.sen === 'E' ? 'EHCP' : null,
    fsm: r.fsm === true,
    lookedAfter: r.looked_after === true,
    attendance,
    attendanceText: attendance === null ? '–' : `${attendance.toFixed(1)}%`
  }
}

function matches(r: ScreenRowRecord, row: PupilListRow, q: ListQuery): boolean {
  if (q.q) {
    const needle = q.q.toLowerCase()
    const hay = `${r.forename} ${r.surname} ${r.preferred_forename ?? ''} ${r.surname}, ${r.forename} ${r.upn}`.toLowerCase()
    if (!hay.includes(needle)) return false
  }
  if (q.level && row.level?.value !== q.level) return false
  if (q.reason && !((r.reasons ?? []) as StoredReason[]).some((x) => x.code === q.reason)) return false
  if (q.form && r.form !== q.form) return false
  if (q.hidden && !row.hidden) return false
  if (q.safeguarding && !row.safeguarding) return false
  if (q.sen === 'any' && r.sen !== 'K' && r.sen !== 'E') return false
  if ((q.sen === 'K' || q.sen === 'E') && r.sen !== q.sen) return false
  if (q.fsm && !row.fsm) return false
  if (q.lookedAfter && !row.lookedAfter) return false
  return true
}

// made once: localeCompare with a locale builds a collator on every call
const NAMES = new Intl.Collator('en-GB')
const FORMS = new Intl.Collator('en-GB', { numeric: true })

const levelRank = (row: PupilListRow) => (row.level ? LEVELS.indexOf(row.level.value) : -1)
const nullsLast = (a: number | null, b: number | null, dir: number) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : (a - b) * dir)

/** Every record with its row and the school's forms: what a list needs before filters, made once per change of the data. */
export interface PreparedList {
  records: readonly ScreenRowRecord[]
  rows: ReadonlyArray<{ record: ScreenRowRecord; row: PupilListRow }>
  forms: string[]
}

export function prepareList(records: readonly ScreenRowRecord[], urn: string): PreparedList {
  return {
    records,
    rows: records.map((record) => ({ record, row: listRow(record, urn) })),
    forms: [...new Set(records.map((r) => r.form).filter((f): f is string => !!f))].sort(FORMS.compare)
  }
}

function selectRows(list: PreparedList, q: ListQuery): PupilListRow[] {
  const rows: PupilListRow[] = []
  for (const { record, row } of list.rows) if (matches(record, row, q)) rows.push(row)
  const dir = q.dir === 'desc' ? -1 : 1
  const byName = (a: PupilListRow, b: PupilListRow) => NAMES.compare(a.name, b.name)
  const compare: Record<ListQuery['sort'], (a: PupilListRow, b: PupilListRow) => number> = {
    name: (a, b) => byName(a, b) * dir,
    form: (a, b) => FORMS.compare(a.form ?? '', b.form ?? '') * dir || byName(a, b),
    level: (a, b) => (levelRank(a) - levelRank(b)) * dir || byName(a, b),
    score: (a, b) => nullsLast(a.score, b.score, dir) || byName(a, b),
    attendance: (a, b) => nullsLast(a.attendance, b.attendance, dir) || byName(a, b)
  }
  return rows.sort(compare[q.sort])
}

/** Column headers that sort: the link flips direction on the current column; aria-sort says which it is. */
export function sortHeaders(q: ListQuery, base: string) {
  const labels: Record<ListQuery['sort'], string> = { name: 'Name', form: 'Form', level: 'Level', score: 'Score', attendance: 'Attendance' }
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries({ q: q.q, level: q.level, reason: q.reason, form: q.form, sen: q.sen })) if (v) params.set(k, v)
  for (const [k, v] of Object.entries({ hidden: q.hidden, safeguarding: q.safeguarding, fsm: q.fsm, looked_after: q.lookedAfter })) if (v) params.set(k, 'yes')
  return Object.fromEntries(
    SORTS.map((s) => {
      const current = q.sort === s
      const p = new URLSearchParams(params)
      p.set('sort', s)
      p.set('dir', current && q.dir === 'asc' ? 'desc' : 'asc')
      return [s, { label: labels[s], href: `${base}?${p.toString()}`, ariaSort: current ? (q.dir === 'asc' ? 'ascending' : 'descending') : 'none' }]
    })
  )
}

// ---- the letter ---------------------------------------------------------------------------------

/** The pupil list page: every pupil of the school filtered and sorted in memory (400 rows from one query). */
export function pupilListModel(from: readonly ScreenRowRecord[] | PreparedList, query: Record<string, unknown>, urn: string) {
  const list = 'rows' in from ? from : prepareList(from, urn)
  const { records, forms } = list
  const q = parseListQuery(query)
  const rows = selectRows(list, q)
  return {
    title: 'Pupils',
    rows,
    total: records.length,
    shown: rows.length,
    filtered: rows.length !== records.length,
    query: q,
    headers: sortHeaders(q, `/s/${urn}/pupils`),
    levels: LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l], selected: q.level === l })),
    reasons: REASONS.filter((r) => r.code !== 'LETTER_MISSING').map((r) => ({ value: r.code, label: r.label, selected: q.reason === r.code })),
    forms: forms.map((f) => ({ value: f, selected: q.form === f })),
    senOptions: [
      { value: 'any', label: 'Any SEN', selected: q.sen === 'any' },
      { value: 'K', label: 'SEN support (K)', selected: q.sen === 'K' },
      { value: 'E', label: 'EHCP (E)', selected: q.sen === 'E' }
    ]
  }
}
