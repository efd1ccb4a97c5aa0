// Screening queries: what each pupil's screening is computed from, the stored results, settings and
// level decisions. Kysely only; every function takes the school it is scoped to.
import { sql, type Kysely } from 'kysely'
import type { Database, LevelColumn, StoredReason } from '../db/schema'
import { lookupTable } from '../lookup'

export { findPupil, listLatestLetters, listLatestSdq } from '../pupils/store'

type Db = Kysely<Database>

export async function findSettings(db: Db, schoolId: number) {
  return db.selectFrom('screening_settings').selectAll().where('school_id', '=', schoolId).executeTakeFirst()
}

export async function saveSettingsOverrides(db: Db, schoolId: number, overrides: Record<string, unknown>, userId: number | null) {
  await db
    .insertInto('screening_settings')
    .values({ school_id: schoolId, overrides: JSON.stringify(overrides), updated_by: userId, updated_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('school_id').doUpdateSet({ overrides: JSON.stringify(overrides), updated_by: userId, updated_at: sql<Date>`now()` }))
    .execute()
}

/** Records when the school was screened and the data version its stored results are now of. */
export async function markScreened(db: Db, schoolId: number, version: number) {
  await db
    .insertInto('screening_settings')
    .values({ school_id: schoolId, screened_at: sql<Date>`now()`, screened_version: version })
    .onConflict((oc) => oc.column('school_id').doUpdateSet({ screened_at: sql<Date>`now()`, screened_version: version }))
    .execute()
}

/** Serialises re-screening of one school, so two at once cannot interleave their writes. */
export async function lockSchoolScreening(db: Db, schoolId: number) {
  await sql`select pg_advisory_xact_lock(hashtext('lantern_screening'), ${schoolId})`.execute(db)
}

/**
 * True when the stored results are out of date: a pupil has none, or the school's data have changed
 * (school_data_versions) since the version the results were computed from.
 */
export async function screeningIsStale(db: Db, schoolId: number): Promise<boolean> {
  const { rows } = await sql<{ stale: boolean }>`
    select
      exists (select 1 from pupils p where p.school_id = ${schoolId}
              and not exists (select 1 from screening_results r where r.school_id = p.school_id and r.pupil_id = p.id))
      or coalesce((select version from school_data_versions v where v.school_id = ${schoolId}), 0)
         is distinct from coalesce((select screened_version from screening_settings s where s.school_id = ${schoolId}), 0)
      as stale`.execute(db)
  return rows[0]?.stale ?? true
}

/** Schools whose stored results are out of date, for bringing a database up to date at start. */
export async function listStaleSchools(db: Db): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select s.id from schools s
    where exists (select 1 from pupils p where p.school_id = s.id
                  and not exists (select 1 from screening_results r where r.school_id = p.school_id and r.pupil_id = p.id))
       or coalesce((select version from school_data_versions v where v.school_id = s.id), 0)
          is distinct from coalesce((select screened_version from screening_settings x where x.school_id = s.id), 0)
    order by s.id`.execute(db)
  return rows.map((r) => r.id)
}

// ---- indicators ---------------------------------------------------------------------------------

export interface PupilScreeningRow {
  id: number
  sen: Database['pupils']['sen']
  fsm: boolean | null
  looked_after: boolean | null
  social_care: Database['pupils']['social_care']
  attainment_id: number | null
  ks2_reading: string | null
  ks2_maths: string | null
  ks2_gps: string | null
  ks2_writing: string | null
  possible: number | null
  absent: number | null
  /** the latest administration per informant (as listLatestSdq chooses it), null with none */
  sdq: Array<{ informant: Database['sdq_administrations']['informant']; completed_on: string; scores: unknown; bands: unknown }> | null
  /** the latest letter (as listLatestLetters chooses it): null columns with none */
  letter_pupil_id: number | null
  letter_concern: Database['letters']['concern']
  letter_review_concern: Database['letters']['review_concern']
  /** of the letter's analysis, only its concern and safeguarding matches */
  letter_analysis: Record<string, unknown> | null
  /** the stored result: null columns when the pupil has none */
  result_pupil_id: number | null
  result_level: LevelColumn | null
  result_score: number | null
  result_hidden: boolean | null
  result_safeguarding: boolean | null
  result_reasons: unknown
  result_missing: unknown
}

/**
 * Every pupil of the school with everything screening reads, in one statement: the pupil's record,
 * attainment and attendance, the latest SDQ per informant, what screening uses of the latest letter,
 * and the stored result to compare a re-screen with. By pupil id.
 */
export async function listPupilScreeningRows(db: Db, schoolId: number): Promise<PupilScreeningRow[]> {
  const { rows } = await sql<PupilScreeningRow>`
    with sdq as (
      select distinct on (pupil_id, informant) pupil_id, informant, completed_on, scores, bands
      from sdq_administrations where school_id = ${schoolId}
      order by pupil_id, informant, completed_on desc, id desc
    ), sdq_of as (
      select pupil_id, json_agg(json_build_object('informant', informant, 'completed_on', completed_on, 'scores', scores, 'bands', bands)) as sdq
      from sdq group by pupil_id
    ), letter as (
      select distinct on (pupil_id) pupil_id, concern, review_concern,
        case when analysis is null then null else jsonb_build_object('concern', analysis -> 'concern', 'safeguarding', analysis -> 'safeguarding') end as analysis
      from letters where school_id = ${schoolId}
      order by pupil_id, written_on desc nulls last, id desc
    )
    select p.id, p.sen, p.fsm, p.looked_after, p.social_care,
      a.id as attainment_id, a.ks2_reading, a.ks2_maths, a.ks2_gps, a.ks2_writing,
      t.possible, t.absent,
      s.sdq,
      l.pupil_id as letter_pupil_id, l.concern as letter_concern, l.review_concern as letter_review_concern, l.analysis as letter_analysis,
      r.pupil_id as result_pupil_id, r.level as result_level, r.score as result_score, r.hidden as result_hidden,
      r.safeguarding as result_safeguarding, r.reasons as result_reasons, r.missing as result_missing
    from pupils p
    left join attainment a on a.school_id = p.school_id and a.pupil_id = p.id
    left join attendance t on t.school_id = p.school_id and t.pupil_id = p.id
    left join sdq_of s on s.pupil_id = p.id
    left join letter l on l.pupil_id = p.id
    left join screening_results r on r.school_id = p.school_id and r.pupil_id = p.id
    where p.school_id = ${schoolId}
    order by p.id`.execute(db)
  return rows
}

/**
 * What a re-screen starts from, read in one statement under the school's screening lock: the
 * school's data version, its settings overrides and the version its stored results are of.
 */
export async function findScreeningState(db: Db, schoolId: number) {
  const { rows } = await sql<{ version: string | number | null; overrides: unknown; screened_version: number | null }>`
    select v.version, s.overrides, s.screened_version
    from (select ${schoolId}::int as school_id) x
    left join school_data_versions v on v.school_id = x.school_id
    left join screening_settings s on s.school_id = x.school_id`.execute(db)
  const row = rows[0]
  return { version: Number(row?.version ?? 0), overrides: (row?.overrides ?? {}) as Record<string, unknown>, screenedVersion: row?.screened_version ?? null }
}

/** Letters the analyser has read that no member of staff has reviewed yet. */
export async function countLettersAwaitingReview(db: Db, schoolId: number): Promise<number> {
  const row = await db
    .selectFrom('letters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_id', '=', schoolId)
    .where('analysis', 'is not', null)
    .where('reviewed_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// ---- results ------------------------------------------------------------------------------------

export interface ResultToStore {
  pupilId: number
  level: LevelColumn
  score: number
  hidden: boolean
  safeguarding: boolean
  reasons: StoredReason[]
  missing: string[]
}

const CHUNK = 1000

/** A stored result as a re-screen compares with it: only the columns a result is made of. */
export interface StoredResult {
  level: LevelColumn
  score: number
  hidden: boolean
  safeguarding: boolean
  reasons: unknown
  missing: unknown
}

/**
 * True only when `value`, written as JSON, is certainly `stored` (a value read back from jsonb): key
 * order aside, and leaving out object keys whose value is undefined, as JSON.stringify does. Anything
 * JSON would change on the way (a number that is not finite, undefined in an array, a Date or other
 * non-plain object) counts as different, so the row is written again rather than judged unchanged.
 */
export function sameAsStored(value: unknown, stored: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value === stored
  if (typeof value === 'number') return Number.isFinite(value) && value === stored
  if (typeof value !== 'object' || stored === null || typeof stored !== 'object') return false
  if (Array.isArray(value)) {
    if (!Array.isArray(stored) || stored.length !== value.length) return false
    for (let i = 0; i < value.length; i++) if (!sameAsStored(value[i], stored[i])) return false
    return true
  }
  const proto = Object.getPrototypeOf(value) as unknown
  if ((proto !== Object.prototype && proto !== null) || Array.isArray(stored)) return false
  const object = value as Record<string, unknown>
  const storedObject = stored as Record<string, unknown>
  let keys = 0
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue
    const v = object[key]
    if (v === undefined) continue
    keys++
    if (!Object.hasOwn(storedObject, key) || !sameAsStored(v, storedObject[key])) return false
  }
  let storedKeys = 0
  for (const key in storedObject) if (Object.hasOwn(storedObject, key)) storedKeys++
  return keys === storedKeys
}

function sameResult(r: ResultToStore, s: StoredResult): boolean {
  return (
    r.level === s.level &&
    Number.isFinite(r.score) &&
    r.score === s.score &&
    r.hidden === s.hidden &&
    r.safeguarding === s.safeguarding &&
    sameAsStored(r.reasons, s.reasons) &&
    sameAsStored(r.missing, s.missing)
  )
}

export interface ResultWrites {
  inserted: number
  updated: number
  deleted: number
}

/**
 * Makes the school's stored results exactly `results`, given what they are now (`storedResults`, by
 * pupil, read in the same transaction under the lock), writing only the rows that differ: a result
 * for a pupil who had none is inserted, one that differs is updated (its computed_at becomes now: it
 * is when the result last changed), one for a pupil no longer in `results` is deleted, and an equal
 * one is left alone. Records each pupil whose suggested level changed. The caller holds the school's
 * screening lock in its transaction, so nothing else writes these rows meanwhile.
 */
export async function writeResults(db: Db, schoolId: number, results: readonly ResultToStore[], storedResults: ReadonlyMap<number, StoredResult>): Promise<ResultWrites> {
  const stored = new Map(storedResults)
  const toInsert: ResultToStore[] = []
  const toUpdate: ResultToStore[] = []
  const suggestions: ResultToStore[] = []
  for (const r of results) {
    const before = stored.get(r.pupilId)
    stored.delete(r.pupilId)
    if (!before) toInsert.push(r)
    else if (!sameResult(r, before)) toUpdate.push(r)
    if (before?.level !== r.level) suggestions.push(r)
  }
  const gone = [...stored.keys()]
  for (let i = 0; i < gone.length; i += CHUNK) {
    await db.deleteFrom('screening_results').where('school_id', '=', schoolId).where('pupil_id', 'in', gone.slice(i, i + CHUNK)).execute()
  }
  for (let i = 0; i < toUpdate.length; i += CHUNK) {
    const chunk = toUpdate.slice(i, i + CHUNK)
    const column = <T>(f: (r: ResultToStore) => T) => chunk.map(f)
    await sql`
      update screening_results r
      set level = v.level, score = v.score, hidden = v.hidden, safeguarding = v.safeguarding, reasons = v.reasons, missing = v.missing, computed_at = now()
      from unnest(
        ${column((r) => r.pupilId)}::int[], ${column((r) => r.level)}::text[], ${column((r) => r.score)}::float8[],
        ${column((r) => r.hidden)}::bool[], ${column((r) => r.safeguarding)}::bool[],
        ${column((r) => JSON.stringify(r.reasons))}::jsonb[], ${column((r) => JSON.stringify(r.missing))}::jsonb[]
      ) as v(pupil_id, level, score, hidden, safeguarding, reasons, missing)
      where r.school_id = ${schoolId} and r.pupil_id = v.pupil_id`.execute(db)
  }
  for (let i = 0; i < toInsert.length; i += CHUNK) {
    await db
      .insertInto('screening_results')
      .values(
        toInsert.slice(i, i + CHUNK).map((r) => ({
          school_id: schoolId,
          pupil_id: r.pupilId,
          level: r.level,
          score: r.score,
          hidden: r.hidden,
          safeguarding: r.safeguarding,
          reasons: JSON.stringify(r.reasons),
          missing: JSON.stringify(r.missing)
        }))
      )
      .execute()
  }
  for (let i = 0; i < suggestions.length; i += CHUNK) {
    await db
      .insertInto('level_suggestions')
      .values(suggestions.slice(i, i + CHUNK).map((r) => ({ school_id: schoolId, pupil_id: r.pupilId, level: r.level, score: r.score })))
      .execute()
  }
  return { inserted: toInsert.length, updated: toUpdate.length, deleted: gone.length }
}

/**
 * One row per pupil with everything the list, the dashboard and the exports show: identity, the
 * stored result, the latest staff decision, KS2 and attendance. One query.
 */
export async function listScreenRows(db: Db, schoolId: number) {
  return db
    .selectFrom('pupils as p')
    .leftJoin('screening_results as r', (j) => j.onRef('r.pupil_id', '=', 'p.id').onRef('r.school_id', '=', 'p.school_id'))
    .leftJoin('attainment as a', (j) => j.onRef('a.pupil_id', '=', 'p.id').onRef('a.school_id', '=', 'p.school_id'))
    .leftJoin('attendance as t', (j) => j.onRef('t.pupil_id', '=', 'p.id').onRef('t.school_id', '=', 'p.school_id'))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('level_decisions as d')
          .select(['d.level as decided_level'])
          .whereRef('d.school_id', '=', 'p.school_id')
          .whereRef('d.pupil_id', '=', 'p.id')
          .orderBy('d.id', 'desc')
          .limit(1)
          .as('d'),
      (j) => j.onTrue()
    )
    .select([
      'p.id',
      'p.upn',
      'p.surname',
      'p.forename',
      'p.preferred_forename',
      'p.form',
      'p.sen',
      'p.fsm',
      'p.looked_after',
      'p.social_care',
      'r.level as suggested_level',
      'r.score',
      'r.hidden',
      'r.safeguarding',
      'r.reasons',
      'd.decided_level',
      'a.ks2_reading',
      'a.ks2_reading_scaled',
      'a.ks2_maths',
      'a.ks2_maths_scaled',
      'a.ks2_gps',
      'a.ks2_gps_scaled',
      'a.ks2_writing',
      't.possible',
      't.absent'
    ])
    .where('p.school_id', '=', schoolId)
    .orderBy('p.surname')
    .orderBy('p.forename')
    .orderBy('p.id')
    .execute()
}

export type ScreenRowRecord = Awaited<ReturnType<typeof listScreenRows>>[number]

/** The dashboard's narrow rows: no reasons, no SDQ, just what its counts and lists need. */
export async function listDashboardRows(db: Db, schoolId: number) {
  return db
    .selectFrom('pupils as p')
    .leftJoin('screening_results as r', (j) => j.onRef('r.pupil_id', '=', 'p.id').onRef('r.school_id', '=', 'p.school_id'))
    .leftJoin('attendance as t', (j) => j.onRef('t.pupil_id', '=', 'p.id').onRef('t.school_id', '=', 'p.school_id'))
    .select((eb) => [
      'p.id',
      'p.surname',
      'p.forename',
      'p.preferred_forename',
      'p.form',
      eb.fn
        .coalesce(
          eb
            .selectFrom('level_decisions as d')
            .select('d.level')
            .whereRef('d.school_id', '=', 'p.school_id')
            .whereRef('d.pupil_id', '=', 'p.id')
            .orderBy('d.id', 'desc')
            .limit(1),
          'r.level'
        )
        .as('level'),
      'r.hidden',
      'r.safeguarding',
      't.possible',
      't.absent'
    ])
    .where('p.school_id', '=', schoolId)
    .orderBy('p.surname')
    .orderBy('p.forename')
    .orderBy('p.id')
    .execute()
}

export type DashboardRow = Awaited<ReturnType<typeof listDashboardRows>>[number]

export const SDQ_BAND_RANK = lookupTable<number>({ close_to_average: 0, slightly_raised: 1, slightly_lowered: 1, high: 2, low: 2, very_high: 3, very_low: 3 })

/**
 * Pupils per SDQ scale and band, counting each pupil once per scale at the highest band that any
 * informant's latest administration gives (rank 0 close to average … 3 very high / very low).
 */
export async function countSdqBands(db: Db, schoolId: number, scales: readonly string[]) {
  const rank = sql.join(Object.entries(SDQ_BAND_RANK).map(([band, r]) => sql`when ${band} then ${r}::int`), sql` `)
  const { rows } = await sql<{ scale: string; rank: number; pupils: number }>`
    with latest as (
      select distinct on (pupil_id, informant) pupil_id, bands
      from sdq_administrations where school_id = ${schoolId}
      order by pupil_id, informant, completed_on desc, id desc
    ), ranked as (
      select l.pupil_id, s.scale, max(case l.bands ->> s.scale ${rank} end) as rank
      from latest l cross join unnest(${sql.val(scales)}::text[]) as s(scale)
      group by l.pupil_id, s.scale
    )
    select scale, rank, count(*)::int as pupils from ranked where rank is not null group by scale, rank`.execute(db)
  return rows
}

// ---- one pupil ----------------------------------------------------------------------------------


export async function findPupilRecords(db: Db, schoolId: number, pupilId: number) {
  const [attainment, attendance, result] = await Promise.all([
    db.selectFrom('attainment').selectAll().where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).executeTakeFirst(),
    db.selectFrom('attendance').selectAll().where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).executeTakeFirst(),
    db.selectFrom('screening_results').selectAll().where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).executeTakeFirst()
  ])
  return { attainment, attendance, result }
}

export async function listDecisions(db: Db, schoolId: number, pupilId: number) {
  return db
    .selectFrom('level_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .select(['d.id', 'd.level', 'd.suggested_level', 'd.reason', 'd.decided_at', 'u.name as decided_by_name'])
    .where('d.school_id', '=', schoolId)
    .where('d.pupil_id', '=', pupilId)
    .orderBy('d.id', 'desc')
    .execute()
}

export async function listSuggestions(db: Db, schoolId: number, pupilId: number) {
  return db
    .selectFrom('level_suggestions')
    .select(['id', 'level', 'score', 'suggested_at'])
    .where('school_id', '=', schoolId)
    .where('pupil_id', '=', pupilId)
    .orderBy('id', 'desc')
    .execute()
}

export async function insertDecision(
  db: Db,
  schoolId: number,
  d: { pupilId: number; level: LevelColumn; suggestedLevel: LevelColumn | null; reason: string; userId: number | null }
) {
  return db
    .insertInto('level_decisions')
    .values({ school_id: schoolId, pupil_id: d.pupilId, level: d.level, suggested_level: d.suggestedLevel, reason: d.reason, decided_by: d.userId })
    .returning(['id', 'decided_at'])
    .executeTakeFirstOrThrow()
}
