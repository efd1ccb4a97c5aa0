// The screen of a school as the contract's `screen` rows (DESIGN.md, Contract): one per pupil, with the
// indicators each was computed from. The `screen` command and the web exports both read this.
import type { Concern } from '../vocabulary'
import type { Kysely } from 'kysely'
import type { Database, LevelColumn, StoredReason } from '../db/schema'
import { attendancePercent, SDQ_INFORMANTS, type SdqInformant, type SdqScores } from './rules'
import { letterLabels, sdqByPupil } from './service'
import * as store from './store'

/** The contract's `sdq` per informant: the scores screening reads, with bands as plain strings. */
export type ScreenSdq = Omit<SdqScores, 'bands'> & { bands: Record<string, string | null> }

export interface ScreenRow {
  upn: string
  surname: string
  forename: string
  form: string | null
  /** staff's decision when there is one, else the suggestion */
  level: LevelColumn | null
  score: number | null
  hidden: boolean
  safeguarding: boolean
  reasons: string[]
  /** filled by the opportunities work; null until then */
  opportunity: string | null
  suggested_level: LevelColumn | null
  /** a scaled score as a number, or the code recorded instead */
  ks2: { reading: number | string | null; maths: number | string | null; gps: number | string | null; writing: string | null }
  attendance_pct: number | null
  sdq: Partial<Record<SdqInformant, ScreenSdq>>
  letter_concern: Concern | null
  sen: 'N' | 'K' | 'E' | null
  looked_after: boolean | null
  social_care: 'none' | 'CIN' | 'CP' | null
}

export const SCREEN_CSV_COLUMNS = ['upn', 'surname', 'forename', 'form', 'level', 'score', 'hidden', 'safeguarding', 'reasons', 'opportunity', 'suggested_level'] as const

/** The school's screen, pupils in name order, re-screening first if the stored results are stale. */
/**
 * The contract's screen rows. `opportunityOf` (each pupil's current offer or placement, by name) comes
 * from the opportunities domain, which sits above screening: its callers pass it in.
 */
export async function loadScreenRows(
  db: Kysely<Database>,
  schoolId: number,
  opportunityOf: ReadonlyMap<number, string> = new Map()
): Promise<{ rows: ScreenRow[]; pupilIds: number[] }> {
  const [records, sdqRows, letters] = await Promise.all([store.listScreenRows(db, schoolId), store.listLatestSdq(db, schoolId), store.listLatestLetters(db, schoolId)])
  const sdq = sdqByPupil(sdqRows)
  const concern = new Map(letters.map((l) => [l.pupil_id, letterLabels(l)?.concern ?? null]))
  const rows = records.map((r): ScreenRow => {
    const bySource = sdq.get(r.id) ?? {}
    const sdqOut: ScreenRow['sdq'] = {}
    for (const informant of SDQ_INFORMANTS) {
      const s = bySource[informant]
      if (!s) continue
      const { completedOn: _completedOn, ...scores } = s
      sdqOut[informant] = { ...scores, bands: { ...(scores.bands as Record<string, string | null>) } }
    }
    const reasons = (r.reasons ?? []) as StoredReason[]
    return {
      upn: r.upn,
      surname: r.surname,
      forename: r.forename,
      form: r.form,
      level: r.decided_level ?? r.suggested_level ?? null,
      score: r.score ?? null,
      hidden: r.hidden ?? false,
      safeguarding: r.safeguarding ?? false,
      reasons: reasons.map((reason) => reason.code),
      opportunity: opportunityOf.get(r.id) ?? null,
      suggested_level: r.suggested_level ?? null,
      ks2: {
        reading: r.ks2_reading_scaled ?? r.ks2_reading ?? null,
        maths: r.ks2_maths_scaled ?? r.ks2_maths ?? null,
        gps: r.ks2_gps_scaled ?? r.ks2_gps ?? null,
        writing: r.ks2_writing ?? null
      },
      attendance_pct: r.possible === null || r.absent === null ? null : attendancePercent({ possible: r.possible, absent: r.absent }),
      sdq: sdqOut,
      letter_concern: concern.get(r.id) ?? null,
      sen: r.sen,
      looked_after: r.looked_after,
      social_care: r.social_care
    }
  })
  return { rows, pupilIds: records.map((r) => r.id) }
}

export function screenCsvRecord(row: ScreenRow) {
  return SCREEN_CSV_COLUMNS.map((c) => {
    const value = row[c]
    return value === null ? '' : value
  })
}
