// Plain pupils and opportunities for the matching tests: everything a test does not name is neutral.
import type { MatchOpportunity, MatchPupil } from '../../server/opportunities/match'

export function pupil(id: number, extra: Partial<MatchPupil> = {}): MatchPupil {
  return { id, form: '7A', yearGroup: 7, level: 'thriving', hidden: false, safeguarding: false, sen: 'N', interests: [], strengths: [], worries: [], reasons: [], ...extra }
}

export function opportunity(id: number, extra: Partial<MatchOpportunity> = {}): MatchOpportunity {
  return { id, name: `Club ${id}`, category: 'enrichment', interests: [], needs: [], minPlaces: 0, maxPlaces: 20, yearGroups: [], forms: [], rule: null, slot: null, archived: false, ...extra }
}

export const likes = (...keys: string[]) => keys.map((key) => ({ key, source: 'letter' as const }))
