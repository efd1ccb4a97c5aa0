// The cluster overview's figures, aggregated in PostgreSQL for the given schools only. They are counts
// per school and nothing about any one pupil, so no identity can cross schools.
//
// Two statements. The first, on every view, reads what changes without a re-screen (alerts, actions,
// places) and each school's *levels key*; the second reads pupils per level for only the schools
// whose key has moved since the app last read them. The key is exact for every write through
// Lantern's services: pupils and stored results change only together with a re-screen, which stamps
// `screening_settings.screened_at` (microseconds) in its own transaction; staff decisions are only ever
// added, so their count and last id move with each one. Data written around the services are
// brought into line, as screening's are, by the re-screen at start-up or the `screen` command.
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../db/schema'

export interface ClusterCurrentFigures {
  id: number
  urn: string
  name: string
  /** changes whenever the school's levels can have changed (see above) */
  levels_key: string
  /** safeguarding alerts no DSL has recorded an outcome for */
  alerts_open: number
  /** supervision actions still open or in progress after their due date */
  actions_overdue: number
  /** pupils offered a place on an opportunity (offered, taking part or finished) */
  offered: number
  /** pupils who took up a place (taking part or finished) */
  taking_part: number
}

export interface ClusterLevels {
  school_id: number
  levels_key: string
  pupils: number
  /** pupils with neither a stored result nor a staff decision yet */
  unscreened: number
  thriving: number
  getting_advice: number
  getting_help: number
  getting_more_help: number
  getting_risk_support: number
  hidden: number
}

type Ids = RawBuilder<unknown>

const idsOf = (schoolIds: readonly number[]): Ids => sql`${sql.val([...schoolIds])}::int[]`

/** A CTE `levels_keys (school_id, levels_key)` for the schools. */
function levelsKeys(ids: Ids) {
  return sql`levels_keys as (
      select s.id as school_id,
        concat_ws('/', coalesce(ss.screened_at::text, '-'), coalesce(d.n, 0), coalesce(d.last, 0)) as levels_key
      from schools s
      left join screening_settings ss on ss.school_id = s.id
      left join (
        select school_id, count(*) as n, max(id) as last from level_decisions where school_id = any(${ids}) group by school_id
      ) d on d.school_id = s.id
      where s.id = any(${ids})
    )`
}

/**
 * For every one of these schools, in name order: what changes between re-screens, and its levels key.
 * `today` (YYYY-MM-DD, England) decides which actions are overdue.
 */
export async function listClusterCurrentFigures(db: Kysely<Database>, schoolIds: readonly number[], today: string): Promise<ClusterCurrentFigures[]> {
  const ids = idsOf(schoolIds)
  const { rows } = await sql<ClusterCurrentFigures>`
    with ${levelsKeys(ids)}, alerts as (
      select school_id, count(*)::int as alerts_open
      from safeguarding_alerts where school_id = any(${ids}) and status = 'open'
      group by school_id
    ), latest_update as (
      select distinct on (school_id, action_id) school_id, action_id, status
      from action_updates where school_id = any(${ids})
      order by school_id, action_id, id desc
    ), actions as (
      select a.school_id, count(*)::int as actions_overdue
      from supervision_actions a
      left join latest_update u on u.school_id = a.school_id and u.action_id = a.id
      where a.school_id = any(${ids}) and a.due_on < ${today}::date and coalesce(u.status, 'open') in ('open', 'in_progress')
      group by a.school_id
    ), places as (
      select school_id,
        count(distinct pupil_id) filter (where status in ('offered', 'active', 'ended'))::int as offered,
        count(distinct pupil_id) filter (where status in ('active', 'ended'))::int as taking_part
      from placements where school_id = any(${ids})
      group by school_id
    )
    select s.id, btrim(s.urn) as urn, s.name, k.levels_key,
      coalesce(al.alerts_open, 0) as alerts_open, coalesce(ac.actions_overdue, 0) as actions_overdue,
      coalesce(pl.offered, 0) as offered, coalesce(pl.taking_part, 0) as taking_part
    from schools s
    join levels_keys k on k.school_id = s.id
    left join alerts al on al.school_id = s.id
    left join actions ac on ac.school_id = s.id
    left join places pl on pl.school_id = s.id
    where s.id = any(${ids})
    order by s.name, s.urn`.execute(db)
  return rows
}

/**
 * Pupils per level for these schools, with each school's levels key read in the same statement (so the
 * counts are exactly the key's). A pupil's level is staff's latest decision when there is one, else
 * Lantern's suggestion, as on each school's dashboard. Each table is aggregated per school on its own,
 * so no per-pupil join builds a 70,000-row hash: the stored results' counts are moved by the few
 * pupils staff have decided a level for, and only those rows are joined.
 */
export async function listClusterLevels(db: Kysely<Database>, schoolIds: readonly number[]): Promise<ClusterLevels[]> {
  if (schoolIds.length === 0) return []
  const ids = idsOf(schoolIds)
  const { rows } = await sql<ClusterLevels>`
    with ${levelsKeys(ids)}, results as (
      select school_id,
        count(*)::int as screened,
        count(*) filter (where level = 'thriving')::int as thriving,
        count(*) filter (where level = 'getting_advice')::int as getting_advice,
        count(*) filter (where level = 'getting_help')::int as getting_help,
        count(*) filter (where level = 'getting_more_help')::int as getting_more_help,
        count(*) filter (where level = 'getting_risk_support')::int as getting_risk_support,
        count(*) filter (where hidden)::int as hidden
      from screening_results where school_id = any(${ids})
      group by school_id
    ), roll as (
      select school_id, count(*)::int as pupils from pupils where school_id = any(${ids}) group by school_id
    ), decided as (
      select distinct on (school_id, pupil_id) school_id, pupil_id, level
      from level_decisions where school_id = any(${ids})
      order by school_id, pupil_id, id desc
    ), moved as (
      select d.school_id,
        count(*) filter (where r.pupil_id is null)::int as decided_unscreened,
        (count(*) filter (where d.level = 'thriving') - count(*) filter (where r.level = 'thriving'))::int as thriving,
        (count(*) filter (where d.level = 'getting_advice') - count(*) filter (where r.level = 'getting_advice'))::int as getting_advice,
        (count(*) filter (where d.level = 'getting_help') - count(*) filter (where r.level = 'getting_help'))::int as getting_help,
        (count(*) filter (where d.level = 'getting_more_help') - count(*) filter (where r.level = 'getting_more_help'))::int as getting_more_help,
        (count(*) filter (where d.level = 'getting_risk_support') - count(*) filter (where r.level = 'getting_risk_support'))::int as getting_risk_support
      from decided d
      left join screening_results r on r.school_id = d.school_id and r.pupil_id = d.pupil_id
      group by d.school_id
    )
    select k.school_id, k.levels_key,
      coalesce(p.pupils, 0) as pupils,
      coalesce(p.pupils, 0) - coalesce(r.screened, 0) - coalesce(m.decided_unscreened, 0) as unscreened,
      coalesce(r.thriving, 0) + coalesce(m.thriving, 0) as thriving,
      coalesce(r.getting_advice, 0) + coalesce(m.getting_advice, 0) as getting_advice,
      coalesce(r.getting_help, 0) + coalesce(m.getting_help, 0) as getting_help,
      coalesce(r.getting_more_help, 0) + coalesce(m.getting_more_help, 0) as getting_more_help,
      coalesce(r.getting_risk_support, 0) + coalesce(m.getting_risk_support, 0) as getting_risk_support,
      coalesce(r.hidden, 0) as hidden
    from levels_keys k
    left join roll p on p.school_id = k.school_id
    left join results r on r.school_id = k.school_id
    left join moved m on m.school_id = k.school_id`.execute(db)
  return rows
}
