// Screening rules: a pupil's indicators -> reasons (with evidence and weight) -> score -> suggested THRIVE level.
// Pure: plain data in, plain data out; no framework, database or file system. Domain facts: DOMAIN.md.
import { isQuantitativeReason, type Indicator, type ReasonCode } from './reasons'
import { DEFAULT_SCREENING_SETTINGS, type ScreeningSettings, type WeightKey } from './settings'
import { lookupTable } from '../lookup'
import type { Concern } from '../vocabulary'
import { INFORMANTS, type Informant, type Scale } from '../sdq/score'
import type { BandedScale, DifficultyBand, ProsocialBand, SdqBand } from '../sdq/bands'
import { label } from '../letters/labels'

export * from './settings'
export type { Indicator, ReasonCode } from './reasons'

export const LEVELS = ['thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support'] as const
export type Level = (typeof LEVELS)[number]
export const LEVEL_LABELS: Record<Level, string> = {
  thriving: 'Thriving',
  getting_advice: 'Getting Advice',
  getting_help: 'Getting Help',
  getting_more_help: 'Getting More Help',
  getting_risk_support: 'Getting Risk Support',
}

/** A test scaled score (80–120) or a code; numeric strings are read as scores. */
export type Ks2Result = number | string | null
export interface Ks2Indicators {
  reading: Ks2Result
  maths: Ks2Result
  gps: Ks2Result
  /** teacher assessment code: GDS, EXS, WTS, PK1–PK6, EM, A, L, F, P */
  writing: string | null
}

export interface AttendanceIndicators {
  possible: number
  absent: number
}

// SDQ names come from the SDQ core (server/sdq/), declared there once.
export type SdqInformant = Informant
export const SDQ_INFORMANTS: readonly SdqInformant[] = INFORMANTS
export type SdqDifficultyBand = DifficultyBand
export type SdqProsocialBand = ProsocialBand
export type { SdqBand }
export type SdqBandedScale = BandedScale

/** An informant's scores as stored, with the band of each banded scale. */
export type SdqScores = Record<Scale, number | null> & { bands: Partial<Record<SdqBandedScale, SdqBand | null>> }

export type LetterConcern = Concern
export interface LetterIndicators {
  concern: LetterConcern
  /** safeguarding categories matched in the letter (DOMAIN.md label set) */
  safeguarding: readonly string[]
  /** who set these labels: the analyser's suggestion, or a member of staff */
  source: 'staff' | 'analyser'
}

export interface PupilIndicators {
  ks2: Ks2Indicators | null
  attendance: AttendanceIndicators | null
  /** the latest administration per informant; an informant is absent when there is none */
  sdq: Partial<Record<SdqInformant, SdqScores | null>> | null
  sen: 'N' | 'K' | 'E' | null
  lookedAfter: boolean | null
  socialCare: 'none' | 'CIN' | 'CP' | null
  /** shown beside the reasons as context; free school meals is not itself a reason */
  fsm: boolean | null
  letter: LetterIndicators | null
}

export interface Reason {
  code: ReasonCode
  /** the human-readable part after the code, e.g. "86.4% of 342 sessions (46 missed)" */
  evidence: string
  weight: number
}

export interface ScreeningResult {
  /** in the order of the reason list (server/screening/reasons.ts) */
  reasons: Reason[]
  score: number
  level: Level
  /** the letter raises concern and no quantitative reason with weight does */
  hidden: boolean
  /** the letter matched a safeguarding category: route to the DSL */
  safeguarding: boolean
  /** indicators with no data, so a quiet profile is not mistaken for a reassuring one */
  missing: Indicator[]
}

/** Attendance %, (possible − absent) / possible, to one decimal place; null when unknown or inconsistent. */
export function attendancePercent(a: AttendanceIndicators | null): number | null {
  if (!validAttendance(a)) return null
  return Math.round(((a.possible - a.absent) * 1000) / a.possible) / 10
}

function validAttendance(a: AttendanceIndicators | null): a is AttendanceIndicators {
  return a !== null && Number.isFinite(a.possible) && Number.isFinite(a.absent) && a.possible > 0 && a.absent >= 0 && a.absent <= a.possible
}

// Compares absent/possible with a percentage without dividing, so 38 of 380 is exactly 10%.
function absentAtLeast(a: AttendanceIndicators, percent: number): boolean {
  return a.absent * 100 - percent * a.possible >= -1e-9
}

function attendanceReasons(a: AttendanceIndicators, s: ScreeningSettings, add: Add): void {
  const evidence = `${attendancePercent(a)!.toFixed(1)}% of ${a.possible} sessions (${a.absent} missed)`
  if (absentAtLeast(a, s.attendance.severeAbsencePercent)) add('ATTENDANCE_SEVERE_ABSENCE', evidence)
  else if (absentAtLeast(a, s.attendance.persistentAbsencePercent)) add('ATTENDANCE_PERSISTENT_ABSENCE', evidence)
}

// Codes that meet the expected standard when a teacher assessment stands in for a test result.
const MEETS_EXPECTED_CODES = new Set(['EXS', 'GDS'])
const TESTED_CODE_MEANINGS = lookupTable<string>({
  B: 'working below the standard of the test',
  A: 'absent from the test',
  WTS: 'working towards the expected standard',
})
// Writing: WTS, PK1–PK6 (and older PKF/PKE, BLW) and EM are below expected; A, L, F, P are no judgement (DOMAIN.md).
const WRITING_BELOW = /^(WTS|PK[0-9A-Z]*|EM|BLW)$/

function codeMeaning(code: string): string {
  if (TESTED_CODE_MEANINGS[code]) return TESTED_CODE_MEANINGS[code]
  if (code.startsWith('PK')) return 'pre-key stage standard'
  if (code === 'EM') return 'engagement model'
  return ''
}

function describeCode(code: string): string {
  const meaning = codeMeaning(code)
  return meaning ? `${code} (${meaning})` : code
}

/** Evidence when a tested subject's result is below expected, else null. A code counts as below (DOMAIN.md). */
function testedBelowExpected(result: Ks2Result, expected: number): string | null {
  if (result === null) return null
  let score: number | null = typeof result === 'number' ? result : null
  let code = ''
  if (typeof result === 'string') {
    const trimmed = result.trim().toUpperCase()
    if (trimmed === '') return null
    if (/^\d+(\.\d+)?$/.test(trimmed)) score = Number(trimmed)
    else code = trimmed
  }
  if (score !== null) return Number.isFinite(score) && score < expected ? `scaled score ${score}` : null
  return MEETS_EXPECTED_CODES.has(code) ? null : `code ${describeCode(code)}`
}

function ks2Reasons(k: Ks2Indicators, s: ScreeningSettings, add: Add): void {
  const expected = s.ks2.expectedScaledScore
  const reading = testedBelowExpected(k.reading, expected)
  if (reading) add('KS2_READING_BELOW_EXPECTED', reading)
  const maths = testedBelowExpected(k.maths, expected)
  if (maths) add('KS2_MATHS_BELOW_EXPECTED', maths)
  const writing = k.writing?.trim().toUpperCase() ?? ''
  if (WRITING_BELOW.test(writing)) add('KS2_WRITING_BELOW_EXPECTED', `teacher assessment ${describeCode(writing)}`)
}

const INFORMANT_NAMES: Record<SdqInformant, string> = { self: 'self-report', parent: 'parent', teacher: 'teacher' }
const DIFFICULTY_SCALES = ['total', 'emotional', 'conduct', 'hyperactivity', 'peer'] as const

function bandWords(band: SdqBand): string {
  return band.replace(/_/g, ' ')
}

function sdqEvidence(sdq: NonNullable<PupilIndicators['sdq']>, scale: SdqBandedScale, raised: ReadonlySet<SdqBand>): string {
  const parts: string[] = []
  for (const informant of SDQ_INFORMANTS) {
    const scores = sdq[informant]
    const band = scores?.bands[scale]
    if (!scores || !band || !raised.has(band)) continue
    const score = scores[scale]
    parts.push(`${INFORMANT_NAMES[informant]} ${score ?? 'score unknown'} (${bandWords(band)})`)
  }
  return parts.join('; ')
}

const HIGH_BANDS: ReadonlySet<SdqBand> = new Set(['high', 'very_high'])
const LOW_BANDS: ReadonlySet<SdqBand> = new Set(['low', 'very_low'])

function sdqReasons(sdq: NonNullable<PupilIndicators['sdq']>, add: Add): void {
  const informants = SDQ_INFORMANTS.filter((i) => sdq[i])
  const anyInBand = (scale: SdqBandedScale, band: SdqBand) => informants.some((i) => sdq[i]!.bands[scale] === band)
  // One reason per scale, at the highest band any informant gives; the evidence names every informant raising it.
  for (const scale of DIFFICULTY_SCALES) {
    const upper = scale.toUpperCase() as Uppercase<typeof scale>
    if (anyInBand(scale, 'very_high')) add(`SDQ_${upper}_VERY_HIGH`, sdqEvidence(sdq, scale, HIGH_BANDS))
    else if (anyInBand(scale, 'high')) add(`SDQ_${upper}_HIGH`, sdqEvidence(sdq, scale, HIGH_BANDS))
  }
  if (anyInBand('prosocial', 'low') || anyInBand('prosocial', 'very_low')) add('SDQ_PROSOCIAL_LOW', sdqEvidence(sdq, 'prosocial', LOW_BANDS))
  if (anyInBand('impact', 'very_high')) add('SDQ_IMPACT_VERY_HIGH', sdqEvidence(sdq, 'impact', HIGH_BANDS))
  else if (anyInBand('impact', 'high')) add('SDQ_IMPACT_HIGH', sdqEvidence(sdq, 'impact', HIGH_BANDS))
}

function letterSource(letter: LetterIndicators): string {
  return letter.source === 'staff' ? 'recorded by staff' : 'found by the letter analyser'
}

function letterReasons(letter: LetterIndicators | null, add: Add): void {
  if (letter === null) {
    add('LETTER_MISSING', 'no letter to self on record', 0)
    return
  }
  if (letter.concern === 'high') add('LETTER_WORRY', `high concern (${letterSource(letter)})`)
  const categories = [...new Set(letter.safeguarding.map((c) => c.trim()).filter((c) => c !== ''))]
  if (categories.length > 0) add('LETTER_SAFEGUARDING', `${categories.map(label).join(', ')} (${letterSource(letter)})`)
}

// Reasons with a weight setting take it from the settings; the others (SOCIAL_CARE, LETTER_MISSING) pass one.
interface Add {
  (code: ReasonCode & WeightKey, evidence: string): void
  (code: ReasonCode, evidence: string, weight: number): void
}

function levelForScore(score: number, cutoffs: ScreeningSettings['levels']): Level {
  if (score >= cutoffs.getting_risk_support) return 'getting_risk_support'
  if (score >= cutoffs.getting_more_help) return 'getting_more_help'
  if (score >= cutoffs.getting_help) return 'getting_help'
  if (score >= cutoffs.getting_advice) return 'getting_advice'
  return 'thriving'
}

function missingIndicators(p: PupilIndicators): Indicator[] {
  const missing: Indicator[] = []
  if (!validAttendance(p.attendance)) missing.push('attendance')
  const k = p.ks2
  if (!k || (k.reading === null && k.maths === null && k.gps === null && k.writing === null)) missing.push('ks2')
  if (!p.sdq || !SDQ_INFORMANTS.some((i) => p.sdq![i])) missing.push('sdq')
  if (p.socialCare === null) missing.push('social_care')
  if (p.lookedAfter === null) missing.push('looked_after')
  if (p.sen === null) missing.push('sen')
  if (p.letter === null) missing.push('letter')
  return missing
}

/** Screens one pupil. Settings are assumed valid (validate a school's settings with the schema first). */
export function screenPupil(p: PupilIndicators, settings: ScreeningSettings = DEFAULT_SCREENING_SETTINGS): ScreeningResult {
  const reasons: Reason[] = []
  const w = settings.weights
  const add: Add = (code: ReasonCode, evidence: string, weight?: number) => {
    reasons.push({ code, evidence, weight: weight ?? w[code as WeightKey] })
  }
  if (validAttendance(p.attendance)) attendanceReasons(p.attendance, settings, add)
  if (p.ks2) ks2Reasons(p.ks2, settings, add)
  if (p.sdq) sdqReasons(p.sdq, add)
  if (p.socialCare === 'CIN') add('SOCIAL_CARE', 'child in need (CIN)', w.SOCIAL_CARE_CIN)
  if (p.socialCare === 'CP') add('SOCIAL_CARE', 'child protection plan (CP)', w.SOCIAL_CARE_CP)
  if (p.lookedAfter === true) add('LOOKED_AFTER', 'looked after by a local authority')
  if (p.sen === 'K') add('SEN_SUPPORT', 'SEN support (K)')
  if (p.sen === 'E') add('SEN_EHCP', 'education, health and care plan (E)')
  letterReasons(p.letter, add)

  let total = 0
  let ks2 = 0
  for (const r of reasons) {
    if (r.code.startsWith('KS2_')) ks2 += r.weight
    else total += r.weight
  }
  total += Math.min(ks2, settings.ks2.maxCombinedWeight)
  const score = Math.round(total * 100) / 100
  const safeguarding = reasons.some((r) => r.code === 'LETTER_SAFEGUARDING')
  const letterConcern = p.letter !== null && (p.letter.concern === 'high' || safeguarding)
  const quantitativeConcern = reasons.some((r) => r.weight > 0 && isQuantitativeReason(r.code))
  return {
    reasons,
    score,
    // A safeguarding match always suggests Getting Risk Support, whatever else is true (DESIGN.md).
    level: safeguarding ? 'getting_risk_support' : levelForScore(score, settings.levels),
    hidden: letterConcern && !quantitativeConcern,
    safeguarding,
    missing: missingIndicators(p),
  }
}

export interface CohortSummary {
  pupils: number
  byLevel: Record<Level, number>
  hidden: number
  safeguarding: number
  /** pupils with each reason, for the dashboard */
  byReason: Partial<Record<ReasonCode, number>>
}

/** Screens many pupils; results are in the order given. */
export function screenCohort(pupils: readonly PupilIndicators[], settings: ScreeningSettings = DEFAULT_SCREENING_SETTINGS): { results: ScreeningResult[]; summary: CohortSummary } {
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>
  const byReason: Partial<Record<ReasonCode, number>> = {}
  let hidden = 0
  let safeguarding = 0
  const results = pupils.map((p) => {
    const r = screenPupil(p, settings)
    byLevel[r.level]++
    if (r.hidden) hidden++
    if (r.safeguarding) safeguarding++
    for (const reason of r.reasons) byReason[reason.code] = (byReason[reason.code] ?? 0) + 1
    return r
  })
  return { results, summary: { pupils: pupils.length, byLevel, hidden, safeguarding, byReason } }
}
