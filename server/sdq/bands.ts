// Four-band SDQ categories (DOMAIN.md). The cut-offs live in this one table so a school can correct
// them: teacher bands come from a published table; self-report and parent bands are marked *check*
// in DOMAIN.md against sdqinfo's current scoring document.
import type { Informant, Scale, SdqScores } from './score'

export const DIFFICULTY_BANDS = ['close_to_average', 'slightly_raised', 'high', 'very_high'] as const
export const PROSOCIAL_BANDS = ['close_to_average', 'slightly_lowered', 'low', 'very_low'] as const
export type DifficultyBand = (typeof DIFFICULTY_BANDS)[number]
export type ProsocialBand = (typeof PROSOCIAL_BANDS)[number]
export type SdqBand = DifficultyBand | ProsocialBand

/** Inclusive score ranges for the four bands, in band order (close to average first). */
export type BandRanges = readonly [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]]
export type BandedScale = Exclude<Scale, 'externalising' | 'internalising'>
export type SdqBandTable = Readonly<Record<Informant, Readonly<Record<BandedScale, BandRanges>>>>

export const DEFAULT_SDQ_BANDS: SdqBandTable = {
  self: {
    total: [[0, 14], [15, 17], [18, 19], [20, 40]],
    emotional: [[0, 4], [5, 5], [6, 6], [7, 10]],
    conduct: [[0, 2], [3, 3], [4, 4], [5, 10]],
    hyperactivity: [[0, 5], [6, 6], [7, 7], [8, 10]],
    peer: [[0, 2], [3, 3], [4, 4], [5, 10]],
    prosocial: [[7, 10], [6, 6], [5, 5], [0, 4]],
    impact: [[0, 0], [1, 1], [2, 2], [3, 10]]
  },
  parent: {
    total: [[0, 13], [14, 16], [17, 19], [20, 40]],
    emotional: [[0, 3], [4, 4], [5, 6], [7, 10]],
    conduct: [[0, 2], [3, 3], [4, 5], [6, 10]],
    hyperactivity: [[0, 5], [6, 7], [8, 8], [9, 10]],
    peer: [[0, 2], [3, 3], [4, 4], [5, 10]],
    prosocial: [[8, 10], [7, 7], [6, 6], [0, 5]],
    impact: [[0, 0], [1, 1], [2, 2], [3, 10]]
  },
  teacher: {
    total: [[0, 11], [12, 15], [16, 18], [19, 40]],
    emotional: [[0, 3], [4, 4], [5, 5], [6, 10]],
    conduct: [[0, 2], [3, 3], [4, 4], [5, 10]],
    hyperactivity: [[0, 5], [6, 7], [8, 8], [9, 10]],
    peer: [[0, 2], [3, 4], [5, 5], [6, 10]],
    prosocial: [[6, 10], [5, 5], [4, 4], [0, 3]],
    impact: [[0, 0], [1, 1], [2, 2], [3, 6]]
  }
}

export const BANDED_SCALES: readonly BandedScale[] = ['total', 'emotional', 'conduct', 'hyperactivity', 'peer', 'prosocial', 'impact']

export type SdqBands = Record<BandedScale, SdqBand | null>

/** The band a score falls in, or null for a missing score or one outside every range. */
export function bandFor(score: number | null, ranges: BandRanges, names: readonly SdqBand[]): SdqBand | null {
  if (score === null) return null
  const i = ranges.findIndex(([lo, hi]) => score >= lo && score <= hi)
  return i < 0 ? null : (names[i] ?? null)
}

/** Four-band category of each banded scale for one informant's scores. */
export function bandSdq(scores: SdqScores, informant: Informant, bands: SdqBandTable = DEFAULT_SDQ_BANDS): SdqBands {
  const table = bands[informant]
  const out = {} as SdqBands
  for (const scale of BANDED_SCALES) {
    out[scale] = bandFor(scores[scale], table[scale], scale === 'prosocial' ? PROSOCIAL_BANDS : DIFFICULTY_BANDS)
  }
  return out
}
