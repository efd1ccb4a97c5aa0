// The import runner: a file in, validated whole, written whole in one transaction or not at all.
// Every import, dry run, refusal and rollback leaves an audit entry (counts only, never pupil data).
import type { Concern } from '../vocabulary'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { CSV_KINDS, detectKind, type CsvKind, type ImportKind } from './columns'
import { looksLikeXml, readCtf } from './ctf'
import { readCsv } from './csv'
import { decodeText, notTextReason } from './text'
import type { ImportError } from './errors'
import { validateRows, type Identity, type RowRecords } from './rows'
import * as store from './store'
import { slotText } from './schedule'
import type { OpportunitySlot } from '../vocabulary'
import { schoolDataChanged } from '../pupils/changes'

export type { ImportError } from './errors'
export type { ImportKind } from './columns'

export interface LetterAnalysis {
  concern: Concern
  /** the analyser's version, kept beside its reading */
  version?: string
  [key: string]: unknown
}

export interface RunImportOptions {
  /** runs inside the import's transaction after a successful (not dry-run) write */
  afterWrite?: (trx: Kysely<Database>, schoolId: number) => Promise<void>
  /** in a set: the set runs afterWrite and the change followers once, after its last file */
  deferFollowers?: boolean
  schoolId: number
  userId: number | null
  fileName: string
  content: Buffer | Uint8Array
  /** detected from the content when not given */
  kind?: ImportKind
  dryRun?: boolean
  analyseLetter?: (text: string) => LetterAnalysis | Promise<LetterAnalysis>
  ip?: string | null
  /** YYYY-MM-DD; dates of birth are checked against the Year 7 intake of this date's year */
  today?: string
  /**
   * Takes the upload being imported out of waiting, inside the import's own transaction (not a dry
   * run): false when it is no longer waiting (a second confirmation), and then nothing is written. A
   * refused import or a crash rolls the claim back with everything else, so the upload still waits.
   */
  claim?: (trx: Kysely<Database>) => Promise<boolean>
}

/** The upload a confirmation names was imported (by another confirmation) or cancelled meanwhile: nothing was written. */
export class NotWaitingError extends Error {
  constructor() {
    super('That upload is no longer waiting')
  }
}

/** Rolls the import's transaction back when it is refused, so its claim on the upload is undone too. */
class Refused extends Error {
  constructor(readonly outcome: WriteOutcome) {
    super('refused')
  }
}

export interface ImportResult {
  kind: ImportKind | null
  rows: number
  created: number
  updated: number
  errors: ImportError[]
  ignoredColumns: string[]
  /** Lantern's column → the header the file gave it (CSV only; empty for a CTF) */
  columns: Record<string, string>
  /** the first few records as they will be stored, for the upload page to show */
  preview: Record<string, unknown>[]
  importId: number | null
  dryRun: boolean
}

const PREVIEW_ROWS = 10

/** Everything a file will write, validated and keyed by UPN; pupil ids are resolved in the transaction. */
interface Plan {
  kind: ImportKind
  rows: number
  records: RowRecords
  ignoredColumns: string[]
  columns: Record<string, string>
  preview: Record<string, unknown>[]
  analyses: Map<number, LetterAnalysis>
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10)
}

/** Reads and validates the file with no database: the plan, or the file's errors. */
async function planImport(options: RunImportOptions): Promise<{ plan?: Plan; kind: ImportKind | null; errors: ImportError[]; ignoredColumns: string[]; columns?: Record<string, string> }> {
  const { content } = options
  const today = options.today ?? todayIso()
  const bytes = content instanceof Buffer ? content : Buffer.from(content)
  const unreadable = unreadableFile(options.fileName, bytes, options.kind)
  if (unreadable) return { kind: options.kind ?? null, ignoredColumns: [], errors: [{ row: null, field: null, message: unreadable }] }

  const xml = looksLikeXml(bytes)
  const kind = options.kind ?? (xml ? 'ctf' : undefined)
  if (kind === 'ctf' || xml) {
    if (kind !== 'ctf') return { kind: kind ?? null, ignoredColumns: [], errors: [{ row: null, field: null, message: `This file is XML (a CTF?), not a ${kind} CSV file. Import it as a CTF.` }] }
    if (!xml) return { kind, ignoredColumns: [], errors: [{ row: null, field: null, message: 'This file is not a Common Transfer File (CTF is XML). For a spreadsheet, import it as CSV.' }] }
    const ctf = readCtf(bytes, today)
    if (ctf.errors.length) return { kind, ignoredColumns: [], errors: ctf.errors }
    const records: RowRecords = { pupils: [], attainment: [], attendance: [], sdq: [], letters: [], opportunities: [] }
    for (const p of ctf.pupils) {
      records.pupils.push({ row: p.position, ...p.pupil })
      const keyed = { row: p.position, upn: p.pupil.upn, temporaryUpn: p.pupil.temporaryUpn, identity: null }
      if (p.attainment) records.attainment.push({ ...keyed, ...p.attainment })
      if (p.attendance) records.attendance.push({ ...keyed, ...p.attendance })
    }
    const preview = ctf.pupils.slice(0, PREVIEW_ROWS).map((p) => ({
      upn: p.pupil.upn, surname: p.pupil.surname, forename: p.pupil.forename, dob: p.pupil.dob, primary_school: p.pupil.primarySchool ?? null,
      ks2_reading: p.attainment?.reading?.result ?? null, ks2_maths: p.attainment?.maths?.result ?? null, ks2_gps: p.attainment?.gps?.result ?? null,
      ks2_writing: p.attainment?.writing?.result ?? null, sessions_possible: p.attendance?.possible ?? null, sessions_absent: p.attendance?.absent ?? null
    }))
    return { kind, ignoredColumns: [], errors: [], plan: { kind, rows: ctf.pupils.length, records, ignoredColumns: [], columns: {}, preview, analyses: new Map() } }
  }

  const csv = readCsv(bytes, kind as CsvKind | undefined)
  if (csv.errors.length) return { kind: csv.kind ?? null, ignoredColumns: csv.ignoredColumns, errors: csv.errors }
  if (!csv.kind || !(CSV_KINDS as readonly string[]).includes(csv.kind)) {
    return {
      kind: null, ignoredColumns: csv.ignoredColumns,
      errors: [{ row: 1, field: null, message: 'Row 1: Lantern cannot tell what this file holds from its column headings. Choose the kind of file (pupils, attainment, attendance, sdq, letters or opportunities) and try again.' }]
    }
  }
  if (!csv.rows.length) return { kind: csv.kind, ignoredColumns: csv.ignoredColumns, errors: [{ row: null, field: null, message: `The file '${options.fileName}' has a header row but no rows below it.` }] }
  const { records, errors } = validateRows(csv, csv.kind, today)
  if (errors.length) return { kind: csv.kind, ignoredColumns: csv.ignoredColumns, columns: csv.headers, errors }

  const analyses = new Map<number, LetterAnalysis>()
  if (options.analyseLetter) {
    for (const letter of records.letters) {
      try {
        analyses.set(letter.row, await options.analyseLetter(letter.text))
      } catch {
        errors.push({ row: letter.row, field: 'letter', message: `Row ${letter.row}: the letter could not be read by the analyser, so it was not imported — tell your Lantern administrator.` })
      }
    }
    if (errors.length) return { kind: csv.kind, ignoredColumns: csv.ignoredColumns, errors }
  }
  const main = records[csv.kind]
  const preview = main.slice(0, PREVIEW_ROWS).map(previewOf)
  return { kind: csv.kind, ignoredColumns: csv.ignoredColumns, errors: [], plan: { kind: csv.kind, rows: main.length, records, ignoredColumns: csv.ignoredColumns, columns: csv.headers, preview, analyses } }
}

/**
 * Why a file cannot be read at all — empty, or not a text file (a spreadsheet, an archive, NUL bytes
 * PostgreSQL cannot store) — in one message naming the file and what to do; or null. The upload page
 * asks before keeping an upload; the runner asks again before reading one.
 */
export function unreadableFile(fileName: string, bytes: Uint8Array, kind?: ImportKind | null): string | null {
  const { text } = decodeText(bytes)
  const reason = notTextReason(bytes, text)
  if (reason) {
    const ctf = kind === 'ctf' || text.trimStart().startsWith('<')
    const fix = ctf ? 'Export the CTF again from your MIS and upload that file.' : 'Save it from your spreadsheet as "CSV UTF-8" and upload that.'
    return `The file '${fileName}' is not a text file (${reason}), so nothing was imported. ${fix}`
  }
  if (text.trim() === '') return `The file '${fileName}' is empty. Export it again from your MIS and upload the saved file.`
  return null
}

function previewOf(record: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    if (key === 'row' || key === 'identity' || key === 'items' || key === 'impact' || value === undefined) continue
    if (key === 'slots') {
      out[key] = (value as OpportunitySlot[]).map(slotText)
      continue
    }
    out[key] = value !== null && typeof value === 'object' && 'result' in value ? (value as { result: string }).result : value
  }
  return out
}

/** Imports one file for one school. Any error: nothing is written (but the attempt is audited). */
export async function runImport(db: Kysely<Database>, options: RunImportOptions): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false
  const { plan, kind, errors, ignoredColumns, columns } = await planImport(options)
  const refuse = async (kind: ImportKind | null, errors: ImportError[], ignored: string[], rows = 0, columns: Record<string, string> = {}): Promise<ImportResult> => {
    await store.writeAudit(db, options.schoolId, {
      userId: options.userId, action: dryRun ? 'import_dry_run' : 'import', importId: null, ip: options.ip ?? null,
      detail: { file_name: options.fileName, kind, status: 'refused', rows, errors: errors.length }
    })
    return { kind, rows, created: 0, updated: 0, errors, ignoredColumns: ignored, columns, preview: [], importId: null, dryRun }
  }
  if (!plan) return refuse(kind, errors, ignoredColumns, 0, columns)

  // one file on its own is one transaction; in a set (`importSet`) it joins the set's transaction
  const inTransaction = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => (db.isTransaction ? fn(db) : db.transaction().execute(fn))
  const claim = dryRun ? undefined : options.claim
  const outcome = await inTransaction(async (trx) => {
    await store.lockImportsForSchool(trx, options.schoolId)
    if (claim && !(await claim(trx))) throw new NotWaitingError()
    const written = await write(trx, options, plan, dryRun)
    if (claim && written.errors.length) throw new Refused(written)
    // what other domains do with the new data (safeguarding alerts; screening follows the change), in the same transaction
    if (!dryRun && written.errors.length === 0 && !options.deferFollowers) {
      if (options.afterWrite) await options.afterWrite(trx, options.schoolId)
      await schoolDataChanged(trx, options.schoolId)
    }
    return written
  }).catch((err: unknown) => {
    if (err instanceof Refused) return err.outcome
    throw err
  })
  if (outcome.errors.length) return refuse(plan.kind, outcome.errors, plan.ignoredColumns, plan.rows, plan.columns)

  let importId = outcome.importId
  if (dryRun) {
    importId = await store.insertImport(db, options.schoolId, { userId: options.userId, fileName: options.fileName, kind: plan.kind, rows: plan.rows, created: outcome.created, updated: outcome.updated, dryRun: true })
    await store.writeAudit(db, options.schoolId, {
      userId: options.userId, action: 'import_dry_run', importId, ip: options.ip ?? null,
      detail: { file_name: options.fileName, kind: plan.kind, status: 'dry_run', rows: plan.rows, created: outcome.created, updated: outcome.updated }
    })
  }
  return { kind: plan.kind, rows: plan.rows, created: outcome.created, updated: outcome.updated, errors: [], ignoredColumns: plan.ignoredColumns, columns: plan.columns, preview: plan.preview, importId, dryRun }
}

interface WriteOutcome { errors: ImportError[]; created: number; updated: number; importId: number | null }

/** Inside the transaction: resolve pupils, check, count, and (unless a dry run) write everything. */
async function write(trx: Kysely<Database>, options: RunImportOptions, plan: Plan, dryRun: boolean): Promise<WriteOutcome> {
  const { schoolId } = options
  const { records } = plan
  const errors: ImportError[] = []

  // Pupils this file is about, and those it adds.
  const pupilKeyed = [...records.attainment, ...records.attendance, ...records.sdq, ...records.letters]
  const upns = [...new Set([...records.pupils.map((p) => p.upn), ...pupilKeyed.map((r) => r.upn)])]
  const known = new Map((await store.findPupilsByUpn(trx, schoolId, upns)).map((p) => [p.upn, p]))
  const newFromIdentity = new Map<string, Identity & { upn: string; temporaryUpn: boolean }>()
  if (plan.kind !== 'ctf') {
    for (const r of pupilKeyed) {
      const pupil = known.get(r.upn)
      if (!pupil && !r.identity) {
        errors.push({ row: r.row, field: 'upn', message: `Row ${r.row}, UPN '${r.upn}': no pupil with this UPN is in Lantern for this school — import the pupils first (CTF or pupils file), or add surname, forename and date of birth columns so Lantern can add them.` })
      } else if (pupil && r.identity && pupil.dob !== r.identity.dob) {
        errors.push({ row: r.row, field: 'dob', message: `Row ${r.row}, UPN '${r.upn}': Lantern has this UPN for a pupil born ${pupil.dob}, but this row says ${r.identity.dob} — check the UPN and date of birth in your MIS.` })
      } else if (!pupil && r.identity) {
        newFromIdentity.set(r.upn, { ...r.identity, upn: r.upn, temporaryUpn: r.temporaryUpn })
      }
    }
  }
  if (errors.length) return { errors, created: 0, updated: 0, importId: null }

  const mainTable: store.ChangeTable = plan.kind === 'ctf' ? 'pupils' : plan.kind === 'sdq' ? 'sdq_administrations' : plan.kind
  const knownIds = [...known.values()].map((p) => p.id)
  const existing = {
    pupils: new Map([...known.values()].map((p) => [p.upn, p.id])),
    attainment: await store.existingRows(trx, schoolId, 'attainment', { pupilIds: records.attainment.length ? knownIds : [] }),
    attendance: await store.existingRows(trx, schoolId, 'attendance', { pupilIds: records.attendance.length ? knownIds : [] }),
    sdq_administrations: await store.existingRows(trx, schoolId, 'sdq_administrations', { pupilIds: records.sdq.length ? knownIds : [] }),
    letters: await store.existingRows(trx, schoolId, 'letters', { pupilIds: records.letters.length ? knownIds : [] }),
    opportunities: await store.existingRows(trx, schoolId, 'opportunities', { names: records.opportunities.map((o) => o.name) })
  } satisfies Record<store.ChangeTable, Map<string, number>>

  const idOf = (upn: string) => known.get(upn)?.id
  const keyOf: Record<store.ChangeTable, (r: any) => string> = {
    pupils: (r) => r.upn,
    attainment: (r) => String(idOf(r.upn)),
    attendance: (r) => String(idOf(r.upn)),
    sdq_administrations: (r) => `${idOf(r.upn)}|${r.informant}|${r.completedOn}`,
    letters: (r) => `${idOf(r.upn)}|${r.writtenOn ?? ''}`,
    opportunities: (r) => r.name
  }
  const mainRecords: object[] = plan.kind === 'ctf' ? records.pupils : records[plan.kind]
  const existingMain = existing[mainTable]
  const countUpdated = mainRecords.filter((r) => existingMain.has(keyOf[mainTable](r))).length
  const counts = { created: mainRecords.length - countUpdated, updated: countUpdated }
  if (dryRun) return { errors: [], ...counts, importId: null }

  const importId = await store.insertImport(trx, schoolId, { userId: options.userId, fileName: options.fileName, kind: plan.kind, rows: plan.rows, ...counts, dryRun: false })

  /** Before-images of the rows about to change, then the write, then the rows it created. */
  const tracked = async (table: store.ChangeTable, keys: string[], upsert: () => Promise<number[]>) => {
    const before = existing[table]
    const touched = keys.map((k) => before.get(k)).filter((id): id is number => id !== undefined)
    await store.captureBefore(trx, schoolId, importId, table, touched)
    const ids = await upsert()
    const old = new Set(touched)
    await store.recordCreated(trx, schoolId, importId, table, ids.filter((id) => !old.has(id)))
  }

  if (records.pupils.length) {
    await tracked('pupils', records.pupils.map((p) => p.upn), async () => {
      const rows = await store.upsertPupils(trx, schoolId, records.pupils.map((p) => ({
        upn: p.upn, temporary_upn: p.temporaryUpn, surname: p.surname, forename: p.forename, dob: p.dob,
        preferred_forename: p.preferredForename ?? null, sex: p.sex ?? null, form: p.form ?? null, primary_school: p.primarySchool ?? null,
        sen: p.sen ?? null, sen_need: p.senNeed ?? null, fsm: p.fsm ?? null, eal: p.eal ?? null, looked_after: p.lookedAfter ?? null, social_care: p.socialCare ?? null
      })))
      for (const r of rows) known.set(r.upn, { id: r.id, upn: r.upn, dob: '' })
      return rows.map((r) => r.id)
    })
  }
  if (newFromIdentity.size) {
    const rows = await store.insertNewPupils(trx, schoolId, [...newFromIdentity.values()].map((p) => ({ upn: p.upn, temporary_upn: p.temporaryUpn, surname: p.surname, forename: p.forename, dob: p.dob })))
    for (const r of rows) known.set(r.upn, { id: r.id, upn: r.upn, dob: '' })
    await store.recordCreated(trx, schoolId, importId, 'pupils', rows.map((r) => r.id))
  }
  const pupilId = (upn: string) => known.get(upn)?.id as number

  if (records.attainment.length) {
    await tracked('attainment', records.attainment.map(keyOf.attainment), () =>
      store.upsertAttainment(trx, schoolId, records.attainment.map((a) => ({
        pupil_id: pupilId(a.upn),
        ks2_reading: a.reading?.result ?? null, ks2_reading_scaled: a.reading?.scaled ?? null,
        ks2_maths: a.maths?.result ?? null, ks2_maths_scaled: a.maths?.scaled ?? null,
        ks2_gps: a.gps?.result ?? null, ks2_gps_scaled: a.gps?.scaled ?? null,
        ks2_writing: a.writing?.result ?? null
      }))))
  }
  if (records.attendance.length) {
    // CSV and CTF alike: the latest figure for screening, and a row of history for change over time
    const rows = records.attendance.map((a) => ({ pupil_id: pupilId(a.upn), possible: a.possible, absent: a.absent, period: a.period }))
    await tracked('attendance', records.attendance.map(keyOf.attendance), () => store.upsertAttendance(trx, schoolId, rows))
    await store.appendAttendanceHistory(trx, schoolId, importId, rows)
  }
  if (records.sdq.length) {
    await tracked('sdq_administrations', records.sdq.map(keyOf.sdq_administrations), () =>
      store.upsertSdq(trx, schoolId, records.sdq.map((s) => ({
        pupil_id: pupilId(s.upn), informant: s.informant, completed_on: s.completedOn, prescored: s.prescored,
        items: s.items ? `{${s.items.map((i) => (i === null ? 'NULL' : String(i))).join(',')}}` : null,
        impact_answers: s.impact ? JSON.stringify(s.impact) : null, scores: JSON.stringify(s.scores), bands: JSON.stringify(s.bands)
      }))))
  }
  if (records.letters.length) {
    const analysed = options.analyseLetter !== undefined
    await tracked('letters', records.letters.map(keyOf.letters), () =>
      store.upsertLetters(trx, schoolId, records.letters.map((l) => {
        const analysis = plan.analyses.get(l.row)
        return {
          pupil_id: pupilId(l.upn), written_on: l.writtenOn, text: l.text,
          concern: analysis?.concern ?? null, analysis: analysis ? JSON.stringify(analysis) : null,
          analyser_version: typeof analysis?.version === 'string' ? analysis.version : null
        }
      }), analysed))
  }
  if (records.opportunities.length) {
    await tracked('opportunities', records.opportunities.map(keyOf.opportunities), () =>
      store.upsertOpportunities(trx, schoolId, records.opportunities.map((o) => ({
        name: o.name, category: o.category, capacity: o.capacity, interests: o.interests, needs: o.needs,
        min_places: o.minPlaces ?? null, year_groups: o.yearGroups ?? null, forms: o.forms ?? null, rule: o.rule ?? null,
        lead: o.lead ?? null, schedule: o.schedule ?? null, slots: o.slots, pupil_description: o.description ?? null
      }))))
  }

  await store.writeAudit(trx, schoolId, {
    userId: options.userId, action: 'import', importId, ip: options.ip ?? null,
    detail: { file_name: options.fileName, kind: plan.kind, status: 'committed', rows: plan.rows, ...counts }
  })
  return { errors: [], ...counts, importId }
}

export interface RollbackResult {
  kind: ImportKind
  importId: number | null
  fileName: string | null
  deleted: number
  restored: number
  errors: ImportError[]
}

/** Undoes the most recent standing import of a kind for a school: rows it created go, rows it changed return. */
export async function rollbackImport(db: Kysely<Database>, options: { schoolId: number; userId: number | null; kind: ImportKind; ip?: string | null }): Promise<RollbackResult> {
  const { schoolId, kind } = options
  const result = await db.transaction().execute(async (trx): Promise<RollbackResult> => {
    await store.lockImportsForSchool(trx, schoolId)
    const latest = await store.latestCommittedImport(trx, schoolId, kind)
    const fail = (message: string): RollbackResult => ({ kind, importId: latest?.id ?? null, fileName: latest?.file_name ?? null, deleted: 0, restored: 0, errors: [{ row: null, field: null, message }] })
    if (!latest) return fail(`There is no ${kind} import to roll back for this school.`)
    const later = await store.laterImportTouchingSameRows(trx, schoolId, latest.id)
    if (later) return fail(`The ${later.kind} import '${later.file_name}' changed the same records after '${latest.file_name}'. Roll that one back first.`)
    const dependants = await store.recordsOnCreatedPupilsFromElsewhere(trx, schoolId, latest.id)
    if (dependants) return fail(`Pupils added by '${latest.file_name}' now have ${dependants} record(s) from later imports. Roll those imports back first.`)
    const kept = await store.keptRecordsOnCreatedRows(trx, schoolId, latest.id)
    if (kept) return fail(`Pupils or letters added by '${latest.file_name}' now have ${kept} safeguarding or supervision record(s) (alerts, level decisions, supervision notes), which are never deleted, so this import cannot be rolled back. A lead can erase a pupil from the pupil's page once any alert is handled.`)
    let deleted = 0
    let restored = 0
    for (const table of store.CHANGE_TABLES) {
      deleted += await store.deleteCreatedRows(trx, schoolId, latest.id, table)
      restored += await store.restoreBeforeImages(trx, schoolId, latest.id, table)
    }
    await store.deleteAttendanceHistoryOf(trx, schoolId, latest.id)
    await store.markRolledBack(trx, schoolId, latest.id, options.userId)
    await schoolDataChanged(trx, schoolId)
    await store.writeAudit(trx, schoolId, {
      userId: options.userId, action: 'import_rollback', importId: latest.id, ip: options.ip ?? null,
      detail: { file_name: latest.file_name, kind, status: 'rolled_back', deleted, restored }
    })
    return { kind, importId: latest.id, fileName: latest.file_name, deleted, restored, errors: [] }
  })
  if (result.errors.length) {
    await store.writeAudit(db, schoolId, {
      userId: options.userId, action: 'import_rollback', importId: result.importId, ip: options.ip ?? null,
      detail: { file_name: result.fileName, kind, status: 'refused', errors: result.errors.length }
    })
  }
  return result
}

/** The order a set of files is imported in: pupils before the files that refer to them. */
const SET_ORDER: readonly ImportKind[] = ['ctf', 'pupils', 'attainment', 'attendance', 'sdq', 'letters', 'opportunities']

/** What a file holds, from its content alone: XML is a CTF; a CSV by its header. */
export function kindOfContent(content: Uint8Array): ImportKind | undefined {
  if (looksLikeXml(content)) return 'ctf'
  const file = readCsv(content)
  return detectKind(new Set(Object.keys(file.headers)))
}

export interface SetFile {
  fileName: string
  content: Buffer
}

export interface SetResult {
  /** in import order; `index` is the file's place in the list given */
  files: Array<{ fileName: string; index: number; result: ImportResult }>
  /** true when every file imported; otherwise nothing from any file was written */
  imported: boolean
}

class SetRolledBack extends Error {}

/**
 * The order a set is imported in: CTFs first, then pupils, KS2, attendance, SDQ, letters and
 * opportunities (by content), files of one kind in the order given, files of no known kind last.
 */
export function importOrder<F extends SetFile>(files: readonly F[]): Array<F & { index: number }> {
  const rank = (kind: ImportKind | undefined) => (kind ? SET_ORDER.indexOf(kind) : SET_ORDER.length)
  return files
    .map((f, index) => ({ ...f, index, rank: rank(kindOfContent(f.content)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ rank, ...f }) => f as F & { index: number })
}

/**
 * Imports several files for one school as one, in `importOrder` and in one transaction, so a CSV can
 * refer to pupils a CTF in the same set adds. Any error in any file: nothing from any of them is
 * written, and every file is still checked so the lead sees every problem at once. A dry run checks
 * the whole set the same way and writes nothing.
 */
export async function importSet(db: Kysely<Database>, files: readonly SetFile[], options: Omit<RunImportOptions, 'fileName' | 'content' | 'kind' | 'dryRun'> & { dryRun?: boolean }): Promise<SetResult> {
  const ordered = importOrder(files)
  const results: SetResult['files'] = []
  const { claim, ...each } = options
  try {
    await db.transaction().execute(async (trx) => {
      if (claim && !options.dryRun) {
        await store.lockImportsForSchool(trx, options.schoolId)
        if (!(await claim(trx))) throw new NotWaitingError()
      }
      for (const f of ordered) {
        results.push({ fileName: f.fileName, index: f.index, result: await runImport(trx, { ...each, fileName: f.fileName, content: f.content, dryRun: false, deferFollowers: true }) })
      }
      // a refused set, or a dry run: roll every file back
      if (options.dryRun || results.some((r) => r.result.errors.length)) throw new SetRolledBack()
      // alerts and re-screening once for the whole set, not once per file, in the same transaction
      if (options.afterWrite) await options.afterWrite(trx, options.schoolId)
      await schoolDataChanged(trx, options.schoolId)
    })
  } catch (err) {
    if (!(err instanceof SetRolledBack)) throw err
    const refused = results.some((r) => r.result.errors.length)
    await store.writeAudit(db, options.schoolId, {
      userId: options.userId, action: options.dryRun ? 'import_dry_run' : 'import', importId: null, ip: options.ip ?? null,
      detail: { set: results.map((r) => ({ file_name: r.fileName, kind: r.result.kind, rows: r.result.rows, errors: r.result.errors.length })), status: refused ? 'refused' : 'dry_run' }
    })
    return { files: results.map((r) => ({ ...r, result: { ...r.result, importId: null, dryRun: options.dryRun === true } })), imported: false }
  }
  return { files: results, imported: true }
}
