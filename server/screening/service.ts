// Screening with the database: each pupil's indicators are loaded, screened by the pure rules with the
// school's settings, and the results stored, so pages and exports read them rather than recompute.
import type { Kysely } from 'kysely'
import type { Database, LevelColumn, Letter } from '../db/schema'
import { recordAudit } from '../platform/audit'
import {
  LEVELS,
  resolveScreeningSettings,
  screenCohort,
  type CohortSummary,
  type LetterIndicators,
  type PupilIndicators,
  type ScreeningSettings,
  type ScreeningSettingsOverrides,
  type SdqInformant,
  type SdqScores
} from './rules'
import * as store from './store'
import { followSchoolDataChanges } from '../pupils/changes'

type Db = Kysely<Database>

export interface Actor {
  userId: number | null
  ip?: string | null
}

// ---- settings -----------------------------------------------------------------------------------

export interface SchoolScreeningSettings {
  settings: ScreeningSettings
  overrides: ScreeningSettingsOverrides
  updatedAt: Date | null
  updatedBy: number | null
}

export async function loadScreeningSettings(db: Db, schoolId: number): Promise<SchoolScreeningSettings> {
  const row = await store.findSettings(db, schoolId)
  const overrides = (row?.overrides ?? {}) as ScreeningSettingsOverrides
  return { settings: resolveScreeningSettings(overrides), overrides, updatedAt: row?.updated_at ?? null, updatedBy: row?.updated_by ?? null }
}

type Changes = Record<string, { from: number; to: number }>

function settingChanges(before: ScreeningSettings, after: ScreeningSettings): Changes {
  const changes: Changes = {}
  for (const group of Object.keys(before) as (keyof ScreeningSettings)[]) {
    for (const [key, from] of Object.entries(before[group])) {
      const to = (after[group] as Record<string, number>)[key]!
      if (to !== from) changes[`${group}.${key}`] = { from, to }
    }
  }
  return changes
}

/**
 * Saves a school's overrides (validated by resolving them: throws a ZodError naming each bad field),
 * re-screens the school in the same transaction and audits what changed.
 */
export async function updateScreeningSettings(db: Db, schoolId: number, actor: Actor, overrides: ScreeningSettingsOverrides) {
  const settings = resolveScreeningSettings(overrides)
  return db.transaction().execute(async (trx) => {
    const before = await loadScreeningSettings(trx, schoolId)
    const changes = settingChanges(before.settings, settings)
    await store.saveSettingsOverrides(trx, schoolId, overrides, actor.userId)
    const summary = await rescreenSchool(trx, schoolId)
    await recordAudit(trx, {
      action: 'screening_settings_changed',
      userId: actor.userId,
      schoolId,
      ip: actor.ip ?? null,
      subjectType: 'school',
      subjectId: schoolId,
      detail: { changes, pupils: summary.pupils }
    })
    return { changes, summary }
  })
}

// ---- indicators ---------------------------------------------------------------------------------

interface LetterAnalysisJson {
  concern?: unknown
  safeguarding?: unknown
}

/**
 * The labels screening uses from a letter: a member of staff's decision when there is one, otherwise the
 * analyser's. Every reader of a letter's concern and safeguarding goes through here, so the review
 * workflow changes only this function. Null when nobody has read the letter yet.
 */
export function letterLabels(letter: Pick<Letter, 'analysis' | 'concern' | 'review_concern'>): LetterIndicators | null {
  const analysis = (letter.analysis ?? null) as LetterAnalysisJson | null
  const analysed = letter.concern ?? (isConcern(analysis?.concern) ? analysis.concern : null)
  const concern = letter.review_concern ?? analysed
  if (concern === null) return null
  const matches = Array.isArray(analysis?.safeguarding) ? (analysis.safeguarding as unknown[]) : []
  const safeguarding = matches
    .map((m) => (m && typeof m === 'object' && typeof (m as { category?: unknown }).category === 'string' ? (m as { category: string }).category : ''))
    .filter((c) => c.trim() !== '')
  // Safeguarding matches stay whatever a review says: the DSL decides on each alert, and staff can set
  // the pupil's level with a reason; screening never drops a match by itself.
  return { concern, safeguarding, source: letter.review_concern ? 'staff' : 'analyser' }
}

function isConcern(value: unknown): value is LetterIndicators['concern'] {
  return value === 'none' || value === 'some' || value === 'high'
}

export type SdqByInformant = Partial<Record<SdqInformant, SdqScores & { completedOn: string }>>

export function sdqByPupil(rows: Awaited<ReturnType<typeof store.listLatestSdq>>): Map<number, SdqByInformant> {
  const map = new Map<number, SdqByInformant>()
  for (const row of rows) {
    const s = row.scores as Record<string, number | null>
    const scores: SdqScores & { completedOn: string } = {
      emotional: s.emotional ?? null,
      conduct: s.conduct ?? null,
      hyperactivity: s.hyperactivity ?? null,
      peer: s.peer ?? null,
      prosocial: s.prosocial ?? null,
      total: s.total ?? null,
      externalising: s.externalising ?? null,
      internalising: s.internalising ?? null,
      impact: s.impact ?? null,
      bands: row.bands as SdqScores['bands'],
      completedOn: row.completed_on
    }
    const entry = map.get(row.pupil_id) ?? {}
    entry[row.informant] = scores
    map.set(row.pupil_id, entry)
  }
  return map
}

const UNREAD_LETTER = 'a letter to self is on record but nobody has read it yet: it awaits the analyser or a member of staff'

interface Screened {
  pupilIds: number[]
  indicators: PupilIndicators[]
  unreadLetter: Set<number>
  stored: Map<number, store.StoredResult>
}

async function loadIndicators(db: Db, schoolId: number): Promise<Screened> {
  const pupils = await store.listPupilScreeningRows(db, schoolId)
  const sdq = sdqByPupil(pupils.flatMap((p) => (p.sdq ?? []).map((s) => ({ ...s, pupil_id: p.id }))) as Awaited<ReturnType<typeof store.listLatestSdq>>)
  const unreadLetter = new Set<number>()
  const stored = new Map<number, store.StoredResult>()
  const indicators = pupils.map((p): PupilIndicators => {
    const labels = p.letter_pupil_id === null ? null : letterLabels({ concern: p.letter_concern, review_concern: p.letter_review_concern, analysis: p.letter_analysis })
    if (p.letter_pupil_id !== null && !labels) unreadLetter.add(p.id)
    if (p.result_pupil_id !== null) {
      stored.set(p.id, { level: p.result_level!, score: p.result_score!, hidden: p.result_hidden!, safeguarding: p.result_safeguarding!, reasons: p.result_reasons, missing: p.result_missing })
    }
    return {
      ks2: p.attainment_id === null ? null : { reading: p.ks2_reading, maths: p.ks2_maths, gps: p.ks2_gps, writing: p.ks2_writing },
      attendance: p.possible === null || p.absent === null ? null : { possible: p.possible, absent: p.absent },
      sdq: sdq.get(p.id) ?? null,
      sen: p.sen,
      lookedAfter: p.looked_after,
      socialCare: p.social_care,
      fsm: p.fsm,
      letter: labels
    }
  })
  return { pupilIds: pupils.map((p) => p.id), indicators, unreadLetter, stored }
}

// ---- screening ----------------------------------------------------------------------------------

export interface SchoolScreening {
  /** the school's data version the results are exactly for */
  version: number
  /** the data version the stored results were recorded as being of (null: never screened) */
  screenedVersion: number | null
  results: store.ResultToStore[]
  /** the stored results as they are, by pupil */
  stored: Map<number, store.StoredResult>
  summary: CohortSummary
}

/**
 * Screens every pupil of the school from the data as they are now, beside what is stored. The caller
 * holds the school's screening lock, in the transaction it will store the results in.
 */
export async function screenSchool(trx: Db, schoolId: number): Promise<SchoolScreening> {
  // read under the lock and in the writer's transaction: the results are exactly this version's
  const { version, overrides, screenedVersion } = await store.findScreeningState(trx, schoolId)
  const settings = resolveScreeningSettings(overrides as ScreeningSettingsOverrides)
  const { pupilIds, indicators, unreadLetter, stored } = await loadIndicators(trx, schoolId)
  const { results, summary } = screenCohort(indicators, settings)
  return {
    version,
    screenedVersion,
    stored,
    summary,
    results: results.map((r, i) => {
      const pupilId = pupilIds[i]!
      const reasons = r.reasons.map((reason) =>
        reason.code === 'LETTER_MISSING' && unreadLetter.has(pupilId) ? { ...reason, evidence: UNREAD_LETTER } : reason
      )
      return { pupilId, level: r.level, score: r.score, hidden: r.hidden, safeguarding: r.safeguarding, reasons, missing: r.missing }
    })
  }
}

/**
 * Screens every pupil of the school and stores the results, in one transaction (joining the caller's,
 * if it passes one), writing only the results that differ from those stored: a re-screen that changes
 * nothing writes nothing, so it moves neither the school's view_version nor the cluster's levels key.
 * It follows every change to the data it reads (pupils/changes.ts), inside the writer's transaction;
 * settings changes call it directly.
 */
export async function rescreenSchool(db: Db, schoolId: number): Promise<CohortSummary> {
  const run = async (trx: Db) => {
    await store.lockSchoolScreening(trx, schoolId)
    const { version, screenedVersion, results, stored, summary } = await screenSchool(trx, schoolId)
    const writes = await store.writeResults(trx, schoolId, results, stored)
    const changed = writes.inserted + writes.updated + writes.deleted > 0
    if (changed || screenedVersion !== version) await store.markScreened(trx, schoolId, version)
    return summary
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}

// Every write through a service re-screens in its own transaction.
followSchoolDataChanges(rescreenSchool)

/**
 * Re-screens the schools whose results are out of date: data written before the version counter
 * existed, or by a process that did not load screening. Run when a database is brought up to date
 * and by the `screen` command, never by a page.
 */
export async function rescreenStaleSchools(db: Db, schoolIds?: number[]): Promise<number[]> {
  const stale = (await store.listStaleSchools(db)).filter((id) => !schoolIds || schoolIds.includes(id))
  for (const schoolId of stale) await rescreenSchool(db, schoolId)
  return stale
}

// ---- staff decisions ----------------------------------------------------------------------------

export function isLevel(value: unknown): value is LevelColumn {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value)
}

/** Records a level chosen by staff with their reason; earlier decisions are kept. Null if no such pupil. */
export async function decideLevel(db: Db, schoolId: number, actor: Actor, pupilId: number, level: LevelColumn, reason: string) {
  return db.transaction().execute(async (trx) => {
    const pupil = await store.findPupil(trx, schoolId, pupilId)
    if (!pupil) return null
    const { result } = await store.findPupilRecords(trx, schoolId, pupilId)
    const decision = await store.insertDecision(trx, schoolId, { pupilId, level, suggestedLevel: result?.level ?? null, reason, userId: actor.userId })
    await recordAudit(trx, {
      action: 'level_decided',
      userId: actor.userId,
      schoolId,
      ip: actor.ip ?? null,
      subjectType: 'pupil',
      subjectId: pupilId,
      detail: { level, suggested_level: result?.level ?? null }
    })
    return decision
  })
}
