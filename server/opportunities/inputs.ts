// What the matcher reads about each pupil, loaded in two queries: their screening (staff's level over
// Lantern's suggestion, hidden, safeguarding, reason codes), and their latest letter as staff reviewed
// it (interests and worries; the analyser's reading until a review), with the child's own words for
// the invitation slip. Plain data out.
import type { Kysely } from 'kysely'
import type { Database, LevelColumn, StoredReason } from '../db/schema'
import * as screening from '../screening/store'
import * as placements from './placement-store'

export interface PupilForMatching {
  id: number
  upn: string
  form: string | null
  sen: 'N' | 'K' | 'E' | null
  level: LevelColumn
  hidden: boolean
  safeguarding: boolean
  reasons: string[]
  interests: Array<{ key: string; source: 'letter' | 'staff' }>
  worries: string[]
  strengths: string[]
  /** the pupil's own words for what they like, from the letter, keyed by interest */
  words: Map<string, string>
  /** an offer or place staff have confirmed: the allocation never overturns it */
  confirmed: { placementId: number; opportunityId: number } | null
  /** opportunities declined for this pupil: the allocation does not propose them again */
  declined: number[]
}

interface StoredAnalysis {
  interests?: Array<{ interest?: unknown; text?: unknown }>
  worries?: Array<{ theme?: unknown }>
  strengths?: Array<{ strength?: unknown }>
}

const strings = (list: unknown[] | undefined, key: string): string[] =>
  (list ?? []).map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[key] : undefined)).filter((v): v is string => typeof v === 'string')

export async function loadPupilsForMatching(db: Kysely<Database>, schoolId: number): Promise<PupilForMatching[]> {
  const [rows, letters, live, declinedRows] = await Promise.all([
    screening.listScreenRows(db, schoolId),
    screening.listLatestLetters(db, schoolId),
    placements.listLivePlacements(db, schoolId),
    db.selectFrom('placements').select(['pupil_id', 'opportunity_id']).where('school_id', '=', schoolId).where('status', '=', 'declined').execute()
  ])
  const declinedOf = new Map<number, number[]>()
  for (const d of declinedRows) declinedOf.set(d.pupil_id, [...(declinedOf.get(d.pupil_id) ?? []), d.opportunity_id])
  const letterOf = new Map(letters.map((l) => [l.pupil_id, l]))
  const confirmedOf = new Map<number, { placementId: number; opportunityId: number }>()
  for (const p of live) if (placements.CONFIRMED.includes(p.status) && !confirmedOf.has(p.pupil_id)) confirmedOf.set(p.pupil_id, { placementId: p.id, opportunityId: p.opportunity_id })
  return rows.map((r) => {
    const letter = letterOf.get(r.id)
    const analysis = (letter?.analysis ?? {}) as StoredAnalysis
    const analysedInterests = strings(analysis.interests, 'interest')
    const words = new Map<string, string>()
    for (const i of analysis.interests ?? []) if (typeof i.interest === 'string' && typeof i.text === 'string' && !words.has(i.interest)) words.set(i.interest, i.text)
    const reviewed = letter?.review_interests ?? null
    const interests = reviewed
      ? reviewed.map((key) => ({ key, source: analysedInterests.includes(key) ? ('letter' as const) : ('staff' as const) }))
      : [...new Set(analysedInterests)].map((key) => ({ key, source: 'letter' as const }))
    return {
      id: r.id,
      upn: r.upn,
      form: r.form,
      sen: r.sen,
      level: (r.decided_level ?? r.suggested_level ?? 'thriving') as LevelColumn,
      hidden: r.hidden ?? false,
      safeguarding: r.safeguarding ?? false,
      reasons: ((r.reasons ?? []) as StoredReason[]).map((x) => x.code),
      interests,
      worries: letter?.review_worries ?? [...new Set(strings(analysis.worries, 'theme'))],
      strengths: [...new Set(strings(analysis.strengths, 'strength'))],
      words,
      confirmed: confirmedOf.get(r.id) ?? null,
      declined: declinedOf.get(r.id) ?? []
    }
  })
}
