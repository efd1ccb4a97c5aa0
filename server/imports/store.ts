// Import queries (Kysely only, returns rows). Every function takes the database first, so it runs
// inside the caller's transaction, and the school as a required argument. Bulk writes go through
// unnest() arrays: one statement per table per file, never one per row.
import { sql, type Kysely } from 'kysely'
import type { Database, ImportKindColumn, ImportRecord } from '../db/schema'

type Db = Kysely<Database>

export type ChangeTable = 'pupils' | 'attainment' | 'attendance' | 'sdq_administrations' | 'letters' | 'opportunities'
/** Children before parents, so deleting what an import created never trips a foreign key. */
export const CHANGE_TABLES: readonly ChangeTable[] = ['letters', 'sdq_administrations', 'attendance', 'attainment', 'opportunities', 'pupils']

/** Pupil columns a file that leaves them blank does not clear. */
const PUPIL_KEPT = ['preferred_forename', 'sex', 'form', 'primary_school', 'sen', 'sen_need', 'fsm', 'eal', 'looked_after', 'social_care'] as const

/** Columns an import writes, restored from a before-image on rollback. */
const RESTORABLE: Record<ChangeTable, readonly string[]> = {
  pupils: ['upn', 'temporary_upn', 'surname', 'forename', 'preferred_forename', 'dob', 'sex', 'form', 'primary_school', 'sen', 'sen_need', 'fsm', 'eal', 'looked_after', 'social_care', 'updated_at'],
  attainment: ['ks2_reading', 'ks2_reading_scaled', 'ks2_maths', 'ks2_maths_scaled', 'ks2_gps', 'ks2_gps_scaled', 'ks2_writing', 'updated_at'],
  attendance: ['possible', 'absent', 'period', 'updated_at'],
  sdq_administrations: ['prescored', 'items', 'impact_answers', 'scores', 'bands', 'updated_at'],
  letters: ['text', 'concern', 'analysis', 'analyser_version', 'updated_at'],
  opportunities: ['category', 'capacity', 'min_places', 'interests', 'needs', 'year_groups', 'forms', 'rule', 'lead', 'schedule', 'slots', 'pupil_description', 'updated_at']
}

/** Imports for one school run one at a time (held until the transaction ends). */
export async function lockImportsForSchool(db: Db, schoolId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('lantern.imports'), ${schoolId})`.execute(db)
}

export async function findPupilsByUpn(db: Db, schoolId: number, upns: readonly string[]): Promise<{ id: number; upn: string; dob: string }[]> {
  if (!upns.length) return []
  return db
    .selectFrom('pupils')
    .select(['id', 'upn', 'dob'])
    .where('school_id', '=', schoolId)
    .where(sql<boolean>`upn = any(${textArrayLiteral(upns)}::text[])`)
    .execute()
}

/** Existing rows an import would touch, as (id, key): key is what the file identifies the row by. */
export async function existingRows(db: Db, schoolId: number, table: ChangeTable, keys: { pupilIds?: readonly number[]; names?: readonly string[] }): Promise<Map<string, number>> {
  let rows: { id: number; key: string }[] = []
  const pupilIds = [...(keys.pupilIds ?? [])]
  if (table === 'opportunities') {
    rows = (await sql<{ id: number; key: string }>`select id, name as key from opportunities where school_id = ${schoolId} and name = any(${[...(keys.names ?? [])]}::text[])`.execute(db)).rows
  } else if (pupilIds.length) {
    const key =
      table === 'sdq_administrations' ? sql`pupil_id || '|' || informant || '|' || completed_on::text`
      : table === 'letters' ? sql`pupil_id || '|' || coalesce(written_on::text, '')`
      : table === 'pupils' ? sql`upn`
      : sql`pupil_id::text`
    const column = table === 'pupils' ? sql`id` : sql`pupil_id`
    rows = (await sql<{ id: number; key: string }>`select id, ${key} as key from ${sql.table(table)} where school_id = ${schoolId} and ${column} = any(${idList(pupilIds)}::int[])`.execute(db)).rows
  }
  return new Map(rows.map((r) => [r.key, r.id]))
}

export async function insertImport(db: Db, schoolId: number, values: { userId: number | null; fileName: string; kind: ImportKindColumn; rows: number; created: number; updated: number; dryRun: boolean }): Promise<number> {
  const row = await db
    .insertInto('imports')
    .values({ school_id: schoolId, user_id: values.userId, file_name: values.fileName, kind: values.kind, rows: values.rows, created: values.created, updated: values.updated, dry_run: values.dryRun, status: values.dryRun ? 'dry_run' : 'committed' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setImportCounts(db: Db, schoolId: number, importId: number, counts: { rows: number; created: number; updated: number }): Promise<void> {
  await db.updateTable('imports').set(counts).where('school_id', '=', schoolId).where('id', '=', importId).execute()
}

/** Keeps each row as it is now, before the import changes it. */
export async function captureBefore(db: Db, schoolId: number, importId: number, table: ChangeTable, ids: readonly number[]): Promise<void> {
  if (!ids.length) return
  await sql`
    insert into import_changes (import_id, school_id, table_name, row_id, before)
    select ${importId}, ${schoolId}, ${table}, t.id, to_jsonb(t) from ${sql.table(table)} t
    where t.school_id = ${schoolId} and t.id = any(${idList(ids)}::int[])`.execute(db)
}

/** The ids of the rows the import created: one array per import and table, not a row per row. */
export async function recordCreated(db: Db, schoolId: number, importId: number, table: ChangeTable, ids: readonly number[]): Promise<void> {
  if (!ids.length) return
  await sql`
    insert into import_created (import_id, school_id, table_name, ids) values (${importId}, ${schoolId}, ${table}, ${idList(ids)}::int[])
    on conflict (import_id, table_name) do update set ids = import_created.ids || excluded.ids`.execute(db)
}

/** Every row the import touched: those it changed (import_changes) and those it created (import_created). */
const touchedBy = (schoolId: number, importId: number) => sql`
  select table_name, row_id from import_changes where import_id = ${importId} and school_id = ${schoolId}
  union all
  select table_name, unnest(ids) from import_created where import_id = ${importId} and school_id = ${schoolId}`

export interface PupilRow {
  upn: string; temporary_upn: boolean; surname: string; forename: string; dob: string
  preferred_forename: string | null; sex: string | null; form: string | null; primary_school: string | null
  sen: string | null; sen_need: string | null; fsm: boolean | null; eal: boolean | null; looked_after: boolean | null; social_care: string | null
}

/** A PostgreSQL array literal of text values, for passing arrays of arrays through unnest(). */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map(quoted).join(',')}}`
}

/**
 * One column of the rows as a PostgreSQL array literal, for unnest(). Built here because pg's own
 * conversion of a JavaScript array, element by element, costs about a second for an SDQ file.
 */
function column<T, K extends keyof T>(rows: readonly T[], key: K): string {
  let out = '{'
  for (let i = 0; i < rows.length; i++) {
    const value = (rows[i] as T)[key]
    if (i) out += ','
    if (value === null || value === undefined) out += 'NULL'
    else if (typeof value === 'number' || typeof value === 'boolean') out += String(value)
    else out += quoted(String(value))
  }
  return out + '}'
}

const quoted = (text: string) => (/["\\]/.test(text) ? `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${text}"`)

/** Whole numbers as an array literal (pg converts a JavaScript array element by element). */
const idList = (ids: readonly number[]) => `{${ids.join(',')}}`

/** Adds or updates pupils by UPN. A null optional field means "not in this file": the stored value stays. */
export async function upsertPupils(db: Db, schoolId: number, rows: readonly PupilRow[]): Promise<{ id: number; upn: string }[]> {
  if (!rows.length) return []
  // identifiers through sql.ref, never raw text
  const keep = (c: (typeof PUPIL_KEPT)[number]) => sql`${sql.ref(c)} = coalesce(${sql.ref(`excluded.${c}`)}, ${sql.ref(`pupils.${c}`)})`
  const result = await sql<{ id: number; upn: string }>`
    insert into pupils (school_id, upn, temporary_upn, surname, forename, dob, preferred_forename, sex, form, primary_school, sen, sen_need, fsm, eal, looked_after, social_care)
    select ${schoolId}, * from unnest(
      ${column(rows, 'upn')}::text[], ${column(rows, 'temporary_upn')}::bool[], ${column(rows, 'surname')}::text[], ${column(rows, 'forename')}::text[],
      ${column(rows, 'dob')}::date[], ${column(rows, 'preferred_forename')}::text[], ${column(rows, 'sex')}::text[], ${column(rows, 'form')}::text[],
      ${column(rows, 'primary_school')}::text[], ${column(rows, 'sen')}::text[], ${column(rows, 'sen_need')}::text[], ${column(rows, 'fsm')}::bool[],
      ${column(rows, 'eal')}::bool[], ${column(rows, 'looked_after')}::bool[], ${column(rows, 'social_care')}::text[])
    on conflict (school_id, upn) do update set
      temporary_upn = excluded.temporary_upn, surname = excluded.surname, forename = excluded.forename, dob = excluded.dob,
      ${sql.join(PUPIL_KEPT.map(keep))},
      updated_at = now()
    returning id, upn`.execute(db)
  return result.rows
}

/** Adds pupils that a data file identifies (UPN, names, date of birth) and Lantern did not know. */
export async function insertNewPupils(db: Db, schoolId: number, rows: readonly Pick<PupilRow, 'upn' | 'temporary_upn' | 'surname' | 'forename' | 'dob'>[]): Promise<{ id: number; upn: string }[]> {
  if (!rows.length) return []
  const result = await sql<{ id: number; upn: string }>`
    insert into pupils (school_id, upn, temporary_upn, surname, forename, dob)
    select ${schoolId}, * from unnest(${column(rows, 'upn')}::text[], ${column(rows, 'temporary_upn')}::bool[], ${column(rows, 'surname')}::text[], ${column(rows, 'forename')}::text[], ${column(rows, 'dob')}::date[])
    returning id, upn`.execute(db)
  return result.rows
}

export interface AttainmentRow {
  pupil_id: number
  ks2_reading: string | null; ks2_reading_scaled: number | null; ks2_maths: string | null; ks2_maths_scaled: number | null
  ks2_gps: string | null; ks2_gps_scaled: number | null; ks2_writing: string | null
}

/** One KS2 record per pupil; a subject the file leaves blank keeps its stored result. */
export async function upsertAttainment(db: Db, schoolId: number, rows: readonly AttainmentRow[]): Promise<number[]> {
  if (!rows.length) return []
  const subject = (s: 'ks2_reading' | 'ks2_maths' | 'ks2_gps') => {
    const [col, scaled] = [sql.ref(s), sql.ref(`${s}_scaled`)]
    const [newCol, newScaled] = [sql.ref(`excluded.${s}`), sql.ref(`excluded.${s}_scaled`)]
    const [oldCol, oldScaled] = [sql.ref(`attainment.${s}`), sql.ref(`attainment.${s}_scaled`)]
    return sql`${col} = coalesce(${newCol}, ${oldCol}), ${scaled} = case when ${newCol} is null then ${oldScaled} else ${newScaled} end`
  }
  const result = await sql<{ id: number }>`
    insert into attainment (school_id, pupil_id, ks2_reading, ks2_reading_scaled, ks2_maths, ks2_maths_scaled, ks2_gps, ks2_gps_scaled, ks2_writing)
    select ${schoolId}, * from unnest(${column(rows, 'pupil_id')}::int[], ${column(rows, 'ks2_reading')}::text[], ${column(rows, 'ks2_reading_scaled')}::int[],
      ${column(rows, 'ks2_maths')}::text[], ${column(rows, 'ks2_maths_scaled')}::int[], ${column(rows, 'ks2_gps')}::text[], ${column(rows, 'ks2_gps_scaled')}::int[], ${column(rows, 'ks2_writing')}::text[])
    on conflict (school_id, pupil_id) do update set
      ${sql.join((['ks2_reading', 'ks2_maths', 'ks2_gps'] as const).map(subject))},
      ks2_writing = coalesce(excluded.ks2_writing, attainment.ks2_writing), updated_at = now()
    returning id`.execute(db)
  return result.rows.map((r) => r.id)
}

export interface AttendanceRow { pupil_id: number; possible: number; absent: number; period: string | null }

export async function upsertAttendance(db: Db, schoolId: number, rows: readonly AttendanceRow[]): Promise<number[]> {
  if (!rows.length) return []
  const result = await sql<{ id: number }>`
    insert into attendance (school_id, pupil_id, possible, absent, period)
    select ${schoolId}, * from unnest(${column(rows, 'pupil_id')}::int[], ${column(rows, 'possible')}::int[], ${column(rows, 'absent')}::int[], ${column(rows, 'period')}::text[])
    on conflict (school_id, pupil_id) do update set possible = excluded.possible, absent = excluded.absent, period = excluded.period, updated_at = now()
    returning id`.execute(db)
  return result.rows.map((r) => r.id)
}

/**
 * Adds each pupil's figure to the attendance history, except where it repeats the pupil's latest
 * history row (the same file imported again adds nothing). Returns how many rows it added.
 */
export async function appendAttendanceHistory(db: Db, schoolId: number, importId: number, rows: readonly AttendanceRow[]): Promise<number> {
  if (!rows.length) return 0
  const result = await sql`
    insert into attendance_history (school_id, pupil_id, possible, absent, period, import_id)
    select ${schoolId}, u.p, u.pos, u.ab, u.per, ${importId}
    from unnest(${column(rows, 'pupil_id')}::int[], ${column(rows, 'possible')}::int[], ${column(rows, 'absent')}::int[], ${column(rows, 'period')}::text[]) as u(p, pos, ab, per)
    where not exists (
      select 1 from (
        select h.possible, h.absent, h.period from attendance_history h
        where h.school_id = ${schoolId} and h.pupil_id = u.p order by h.recorded_at desc, h.id desc limit 1
      ) latest
      where latest.possible = u.pos and latest.absent = u.ab and latest.period is not distinct from u.per)`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/** Undoing an import: the attendance history rows it wrote go with it. */
export async function deleteAttendanceHistoryOf(db: Db, schoolId: number, importId: number): Promise<number> {
  const result = await db.deleteFrom('attendance_history').where('school_id', '=', schoolId).where('import_id', '=', importId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export interface SdqRow {
  pupil_id: number; informant: string; completed_on: string; prescored: boolean
  /** a PostgreSQL array literal of 25 responses, or null */
  items: string | null
  /** JSON texts */
  impact_answers: string | null; scores: string; bands: string
}

/**
 * The jsonb columns go as one JSON array each, zipped with the other columns by ROWS FROM: about a
 * third faster for an SDQ file than JSON text quoted inside a text[] literal and cast row by row.
 */
export async function upsertSdq(db: Db, schoolId: number, rows: readonly SdqRow[]): Promise<number[]> {
  if (!rows.length) return []
  const result = await sql<{ id: number }>`
    insert into sdq_administrations (school_id, pupil_id, informant, completed_on, prescored, items, impact_answers, scores, bands)
    select ${schoolId}, p, i, c, pre, it::smallint[], nullif(ia, 'null'::jsonb), s, b from rows from (
      unnest(${column(rows, 'pupil_id')}::int[], ${column(rows, 'informant')}::text[], ${column(rows, 'completed_on')}::date[], ${column(rows, 'prescored')}::bool[], ${column(rows, 'items')}::text[]),
      jsonb_array_elements(${jsonArray(rows, 'impact_answers')}::jsonb), jsonb_array_elements(${jsonArray(rows, 'scores')}::jsonb), jsonb_array_elements(${jsonArray(rows, 'bands')}::jsonb)
    ) as u(p, i, c, pre, it, ia, s, b)
    on conflict (school_id, pupil_id, informant, completed_on) do update set
      prescored = excluded.prescored, items = excluded.items, impact_answers = excluded.impact_answers, scores = excluded.scores, bands = excluded.bands, updated_at = now()
    returning id`.execute(db)
  return result.rows.map((r) => r.id)
}

/** A column of JSON texts as one JSON array (a null is JSON null). */
function jsonArray<T, K extends keyof T>(rows: readonly T[], key: K): string {
  let out = '['
  for (let i = 0; i < rows.length; i++) {
    const value = (rows[i] as T)[key]
    if (i) out += ','
    out += value === null || value === undefined ? 'null' : String(value)
  }
  return out + ']'
}

export interface LetterRow { pupil_id: number; written_on: string | null; text: string; concern: string | null; analysis: string | null; analyser_version: string | null }

/**
 * Adds or replaces letters. With a fresh analysis (`analysed`) it is stored; without one, a letter
 * whose text is unchanged keeps its analysis and a changed letter loses it, so a stale reading of
 * different words is never shown.
 */
export async function upsertLetters(db: Db, schoolId: number, rows: readonly LetterRow[], analysed: boolean): Promise<number[]> {
  if (!rows.length) return []
  const keep = (c: 'concern' | 'analysis' | 'analyser_version') =>
    sql`${sql.ref(c)} = case when cast(${analysed} as boolean) then ${sql.ref(`excluded.${c}`)} when letters.text = excluded.text then ${sql.ref(`letters.${c}`)} else null end`
  const result = await sql<{ id: number }>`
    insert into letters (school_id, pupil_id, written_on, text, concern, analysis, analyser_version)
    select ${schoolId}, p, w, t, c, a::jsonb, v from unnest(
      ${column(rows, 'pupil_id')}::int[], ${column(rows, 'written_on')}::date[], ${column(rows, 'text')}::text[], ${column(rows, 'concern')}::text[],
      ${column(rows, 'analysis')}::text[], ${column(rows, 'analyser_version')}::text[]) as u(p, w, t, c, a, v)
    on conflict (school_id, pupil_id, (coalesce(written_on, '-infinity'::date))) do update set
      ${sql.join((['concern', 'analysis', 'analyser_version'] as const).map(keep))}, text = excluded.text, updated_at = now()
    returning id`.execute(db)
  return result.rows.map((r) => r.id)
}

export interface OpportunityRow {
  name: string
  category: string
  capacity: number
  interests: string[]
  needs: string[]
  /** null: the file does not say (a new row takes the default, an existing one keeps its own) */
  min_places: number | null
  year_groups: number[] | null
  forms: string[] | null
  rule: string | null
  lead: string | null
  schedule: string | null
  slots: readonly object[]
  pupil_description: string | null
}

/**
 * Adds or updates opportunities by name. Columns the file leaves blank keep what the lead set in the
 * app; slots follow the schedule's wording unless the wording is unchanged and the lead has set the
 * times; the fewest places never passes the most. An archived opportunity stays archived.
 */
export async function upsertOpportunities(db: Db, schoolId: number, rows: readonly OpportunityRow[]): Promise<number[]> {
  if (!rows.length) return []
  const arrays = (values: ReadonlyArray<readonly unknown[] | null>) => values.map((v) => (v === null ? null : textArrayLiteral(v.map(String))))
  const result = await sql<{ id: number }>`
    with input as (select * from unnest(
      ${column(rows, 'name')}::text[], ${column(rows, 'category')}::text[], ${column(rows, 'capacity')}::int[], ${column(rows, 'min_places')}::int[],
      ${rows.map((r) => textArrayLiteral(r.interests))}::text[], ${rows.map((r) => textArrayLiteral(r.needs))}::text[],
      ${arrays(rows.map((r) => r.year_groups))}::text[], ${arrays(rows.map((r) => r.forms))}::text[], ${column(rows, 'rule')}::text[],
      ${column(rows, 'lead')}::text[], ${column(rows, 'schedule')}::text[], ${rows.map((r) => JSON.stringify(r.slots))}::text[],
      ${column(rows, 'pupil_description')}::text[]) as u(n, c, cap, mn, i, nd, y, f, r, l, s, sl, d))
    insert into opportunities (school_id, name, category, capacity, min_places, interests, needs, year_groups, forms, rule, lead, schedule, slots, pupil_description)
    select ${schoolId}, n, c, cap, least(coalesce(mn, 0), cap), i::text[], nd::text[], coalesce(y::int[], '{7}'), coalesce(f::text[], '{}'), r, l, s, sl::jsonb, d from input
    on conflict (school_id, name) do update set
      category = excluded.category, capacity = excluded.capacity, interests = excluded.interests, needs = excluded.needs,
      min_places = least(coalesce((select mn from input where n = excluded.name), opportunities.min_places), excluded.capacity),
      year_groups = coalesce((select y::int[] from input where n = excluded.name), opportunities.year_groups),
      forms = coalesce((select f::text[] from input where n = excluded.name), opportunities.forms),
      rule = coalesce(excluded.rule, opportunities.rule),
      lead = coalesce(excluded.lead, opportunities.lead),
      slots = case
        when excluded.schedule is null then opportunities.slots
        when excluded.schedule = opportunities.schedule and jsonb_array_length(opportunities.slots) > 0 then opportunities.slots
        else excluded.slots end,
      schedule = coalesce(excluded.schedule, opportunities.schedule),
      pupil_description = coalesce(excluded.pupil_description, opportunities.pupil_description), updated_at = now()
    returning id`.execute(db)
  return result.rows.map((r) => r.id)
}

// --- rollback ---

export async function latestCommittedImport(db: Db, schoolId: number, kind: ImportKindColumn): Promise<ImportRecord | undefined> {
  return db.selectFrom('imports').selectAll().where('school_id', '=', schoolId).where('kind', '=', kind).where('status', '=', 'committed').orderBy('id', 'desc').limit(1).executeTakeFirst()
}

/**
 * A later, still-standing import that changed a row this import also created or changed. A later
 * import cannot have created one of them (ids are never reused), so its before-images are enough.
 */
export async function laterImportTouchingSameRows(db: Db, schoolId: number, importId: number): Promise<ImportRecord | undefined> {
  const { rows } = await sql<ImportRecord>`
    with mine as (${touchedBy(schoolId, importId)})
    select imports.* from mine
    join import_changes later on later.table_name = mine.table_name and later.row_id = mine.row_id
    join imports on imports.id = later.import_id
    where later.import_id > ${importId} and later.school_id = ${schoolId} and imports.school_id = ${schoolId} and imports.status = 'committed'
    order by imports.id desc
    limit 1`.execute(db)
  return rows[0]
}

/** Records about pupils this import created that this import did not write (so came later). */
export async function recordsOnCreatedPupilsFromElsewhere(db: Db, schoolId: number, importId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with created as (select unnest(ids) as row_id from import_created where import_id = ${importId} and school_id = ${schoolId} and table_name = 'pupils'),
    mine as (${touchedBy(schoolId, importId)})
    select (
      (select count(*) from attainment t where t.school_id = ${schoolId} and t.pupil_id in (select row_id from created) and not exists (select 1 from mine where table_name = 'attainment' and row_id = t.id)) +
      (select count(*) from attendance t where t.school_id = ${schoolId} and t.pupil_id in (select row_id from created) and not exists (select 1 from mine where table_name = 'attendance' and row_id = t.id)) +
      (select count(*) from sdq_administrations t where t.school_id = ${schoolId} and t.pupil_id in (select row_id from created) and not exists (select 1 from mine where table_name = 'sdq_administrations' and row_id = t.id)) +
      (select count(*) from letters t where t.school_id = ${schoolId} and t.pupil_id in (select row_id from created) and not exists (select 1 from mine where table_name = 'letters' and row_id = t.id))
    )::int as n`.execute(db)
  return rows[0]?.n ?? 0
}

/**
 * Kept records (safeguarding alerts, level decisions, supervision records) on pupils or letters this
 * import created: the database refuses to delete them, so such an import cannot be rolled back.
 */
export async function keptRecordsOnCreatedRows(db: Db, schoolId: number, importId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with pupils_made as (select unnest(ids) as id from import_created where import_id = ${importId} and school_id = ${schoolId} and table_name = 'pupils'),
    letters_made as (select unnest(ids) as id from import_created where import_id = ${importId} and school_id = ${schoolId} and table_name = 'letters')
    select (
      (select count(*) from safeguarding_alert_records a where a.school_id = ${schoolId} and (a.pupil_id in (select id from pupils_made) or a.letter_id in (select id from letters_made))) +
      (select count(*) from level_decisions x where x.school_id = ${schoolId} and x.pupil_id in (select id from pupils_made)) +
      (select count(*) from discussion_entries x where x.school_id = ${schoolId} and x.pupil_id in (select id from pupils_made)) +
      (select count(*) from agenda_changes x where x.school_id = ${schoolId} and x.pupil_id in (select id from pupils_made)) +
      (select count(*) from consent_events x where x.school_id = ${schoolId} and x.pupil_id in (select id from pupils_made)) +
      (select count(*) from supervision_actions x join action_updates u on u.action_id = x.id where x.school_id = ${schoolId} and x.pupil_id in (select id from pupils_made))
    )::int as n`.execute(db)
  return rows[0]?.n ?? 0
}

export async function deleteCreatedRows(db: Db, schoolId: number, importId: number, table: ChangeTable): Promise<number> {
  const result = await sql`
    delete from ${sql.table(table)} t
    where t.school_id = ${schoolId}
      and t.id in (select unnest(ids) from import_created where import_id = ${importId} and school_id = ${schoolId} and table_name = ${table})`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

export async function restoreBeforeImages(db: Db, schoolId: number, importId: number, table: ChangeTable): Promise<number> {
  const columns = RESTORABLE[table]
  const result = await sql`
    update ${sql.table(table)} t set (${sql.join(columns.map((c) => sql.id(c)))}) = (${sql.join(columns.map((c) => sql.ref(`r.${c}`)))})
    from import_changes c, jsonb_populate_record(null::${sql.table(table)}, c.before) r
    where c.import_id = ${importId} and c.school_id = ${schoolId} and c.table_name = ${table} and c.before is not null
      and t.id = c.row_id and t.school_id = ${schoolId}`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

export async function markRolledBack(db: Db, schoolId: number, importId: number, userId: number | null): Promise<void> {
  await db.updateTable('imports').set({ status: 'rolled_back', rolled_back_at: sql<Date>`now()`, rolled_back_by: userId }).where('school_id', '=', schoolId).where('id', '=', importId).execute()
}

export async function writeAudit(db: Db, schoolId: number, entry: { userId: number | null; action: 'import' | 'import_dry_run' | 'import_rollback'; importId: number | null; ip: string | null; detail: Record<string, unknown> }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ user_id: entry.userId, school_id: schoolId, action: entry.action, subject_type: 'import', subject_id: entry.importId === null ? null : String(entry.importId), ip: entry.ip, detail: JSON.stringify(entry.detail) })
    .execute()
}
