// The opportunity catalogue's queries (Kysely only, returns rows). Every function takes the database
// first, so it runs inside the caller's transaction, and the school it is scoped to.
import { sql, type Kysely } from 'kysely'
import type { Database, Opportunity } from '../db/schema'
import type { OpportunityInput } from './schemas'

type Db = Kysely<Database>

/** Every opportunity of the school, archived ones too, by name. */
export async function listOpportunities(db: Db, schoolId: number): Promise<Opportunity[]> {
  return db.selectFrom('opportunities').selectAll().where('school_id', '=', schoolId).orderBy('name').orderBy('id').execute()
}

export async function findOpportunity(db: Db, schoolId: number, id: number): Promise<Opportunity | undefined> {
  return db.selectFrom('opportunities').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
}

/** The row for one opportunity, held until the transaction ends (two leads saving at once take turns). */
export async function lockOpportunity(db: Db, schoolId: number, id: number): Promise<Opportunity | undefined> {
  return db.selectFrom('opportunities').selectAll().where('school_id', '=', schoolId).where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Another of the school's opportunities with this name (names are unique per school). */
export async function findOpportunityByName(db: Db, schoolId: number, name: string, exceptId: number | null): Promise<{ id: number } | undefined> {
  let query = db.selectFrom('opportunities').select('id').where('school_id', '=', schoolId).where('name', '=', name)
  if (exceptId !== null) query = query.where('id', '<>', exceptId)
  return query.executeTakeFirst()
}

function columns(input: OpportunityInput) {
  return {
    name: input.name, category: input.category, min_places: input.minPlaces, capacity: input.capacity,
    interests: input.interests, needs: input.needs, year_groups: input.yearGroups, forms: input.forms, rule: input.rule,
    lead: input.lead, schedule: input.schedule, slots: JSON.stringify(input.slots), pupil_description: input.pupilDescription
  }
}

export async function insertOpportunity(db: Db, schoolId: number, input: OpportunityInput): Promise<Opportunity> {
  return db.insertInto('opportunities').values({ school_id: schoolId, ...columns(input) }).returningAll().executeTakeFirstOrThrow()
}

export async function updateOpportunity(db: Db, schoolId: number, id: number, input: OpportunityInput): Promise<Opportunity | undefined> {
  return db.updateTable('opportunities').set({ ...columns(input), updated_at: sql<Date>`now()` }).where('school_id', '=', schoolId).where('id', '=', id).returningAll().executeTakeFirst()
}

/** Archives (with who did it) or restores (userId null: archived = false) one opportunity. */
export async function setArchived(db: Db, schoolId: number, id: number, archived: { by: number | null } | false): Promise<void> {
  await db
    .updateTable('opportunities')
    .set(archived ? { archived_at: sql<Date>`now()`, archived_by: archived.by, updated_at: sql<Date>`now()` } : { archived_at: null, archived_by: null, updated_at: sql<Date>`now()` })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .execute()
}
