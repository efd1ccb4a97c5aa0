// The school's catalogue as the matcher sees it (Kysely only, school-scoped).
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { MatchOpportunity, MatchSlot, OpportunityCategory } from './match'

const CATEGORY_WORDS = new Map<string, OpportunityCategory>([
  ['learning support', 'learning_support'], ['sport', 'sport'], ['creative', 'creative'], ['stem', 'stem'], ['enrichment', 'enrichment'],
  ['friendship group', 'friendship_group'], ['wellbeing group', 'wellbeing_group'], ['mentoring', 'mentoring']
])

export function categoryKey(value: string): OpportunityCategory {
  const v = value.trim().toLowerCase().replace(/_/g, ' ')
  return CATEGORY_WORDS.get(v) ?? 'enrichment'
}

export async function opportunitiesForMatching(db: Kysely<Database>, schoolId: number): Promise<MatchOpportunity[]> {
  const rows = await db.selectFrom('opportunities').selectAll().where('school_id', '=', schoolId).orderBy('id').execute()
  return rows.map((r) => {
    const slots = (Array.isArray(r.slots) ? r.slots : []) as MatchSlot[]
    return {
      id: r.id,
      name: r.name,
      category: categoryKey(r.category),
      interests: r.interests,
      needs: r.needs,
      minPlaces: r.min_places,
      maxPlaces: r.capacity,
      yearGroups: r.year_groups,
      forms: r.forms,
      rule: r.rule,
      slot: slots[0] ?? null,
      slots,
      archived: r.archived_at !== null
    }
  })
}
