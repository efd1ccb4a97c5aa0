// The cluster overview's figures: one statement, aggregated in PostgreSQL, for the given schools only.
// It returns counts per school and nothing about any one pupil, so no identity can cross schools.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface ClusterSchoolFigures {
  id: number
  urn: string
  name: string
  pupils: number
  /** pupils with neither a stored result nor a staff decision yet */
  unscreened: number
  thriving: number
  getting_advice: number
  getting_help: number
  getting_more_help: number
  getting_risk_support: number
  hidden: number
  /** safeguarding alerts no DSL has recorded an outcome for */
  alerts_open: number
  /** supervision actions still open or in progress after their due date */
  actions_overdue: number
  /** pupils offered a place on an opportunity (offered, taking part or finished) */
  offered: number
  /** pupils who took up a place (taking part or finished) */
  taking_part: number
  /** register entries of those places, and how many of them the pupil came to */
  sessions: number
  present: number
}

/**
 * Every figure of the overview for these schools, one row per school, in name order. A pupil's level is
 * staff's latest decision when there is one, else Lantern's suggestion (as on each school's dashboard).
 * `today` (YYYY-MM-DD, England) decides which actions are overdue.
 */
export async function listClusterFigures(db: Kysely<Database>, schoolIds: readonly number[], today: string): Promise<ClusterSchoolFigures[]> {
  if (schoolIds.length === 0) return []
  const ids = sql`${sql.val([...schoolIds])}::int[]`
  const { rows } = await sql<ClusterSchoolFigures>`
    with decided as (
      select distinct on (school_id, pupil_id) school_id, pupil_id, level
      from level_decisions where school_id = any(${ids})
      order by school_id, pupil_id, id desc
    ), levels as (
      select p.school_id,
        count(*)::int as pupils,
        count(*) filter (where coalesce(d.level, r.level) is null)::int as unscreened,
        count(*) filter (where coalesce(d.level, r.level) = 'thriving')::int as thriving,
        count(*) filter (where coalesce(d.level, r.level) = 'getting_advice')::int as getting_advice,
        count(*) filter (where coalesce(d.level, r.level) = 'getting_help')::int as getting_help,
        count(*) filter (where coalesce(d.level, r.level) = 'getting_more_help')::int as getting_more_help,
        count(*) filter (where coalesce(d.level, r.level) = 'getting_risk_support')::int as getting_risk_support,
        count(*) filter (where r.hidden)::int as hidden
      from pupils p
      left join screening_results r on r.school_id = p.school_id and r.pupil_id = p.id
      left join decided d on d.school_id = p.school_id and d.pupil_id = p.id
      where p.school_id = any(${ids})
      group by p.school_id
    ), alerts as (
      select school_id, count(*)::int as alerts_open
      from safeguarding_alerts where school_id = any(${ids}) and status = 'open'
      group by school_id
    ), actions as (
      select a.school_id, count(*)::int as actions_overdue
      from supervision_actions a
      left join lateral (
        select u.status from action_updates u
        where u.school_id = a.school_id and u.action_id = a.id
        order by u.id desc limit 1
      ) u on true
      where a.school_id = any(${ids}) and a.due_on < ${today}::date and coalesce(u.status, 'open') in ('open', 'in_progress')
      group by a.school_id
    ), places as (
      select school_id,
        count(distinct pupil_id) filter (where status in ('offered', 'active', 'ended'))::int as offered,
        count(distinct pupil_id) filter (where status in ('active', 'ended'))::int as taking_part
      from placements where school_id = any(${ids})
      group by school_id
    ), registers as (
      select pa.school_id, count(*)::int as sessions, count(*) filter (where pa.present)::int as present
      from placement_attendance pa
      join placements pl on pl.id = pa.placement_id and pl.school_id = pa.school_id
      where pa.school_id = any(${ids}) and pl.status in ('active', 'ended')
      group by pa.school_id
    )
    select s.id, btrim(s.urn) as urn, s.name,
      coalesce(l.pupils, 0) as pupils, coalesce(l.unscreened, 0) as unscreened,
      coalesce(l.thriving, 0) as thriving, coalesce(l.getting_advice, 0) as getting_advice,
      coalesce(l.getting_help, 0) as getting_help, coalesce(l.getting_more_help, 0) as getting_more_help,
      coalesce(l.getting_risk_support, 0) as getting_risk_support, coalesce(l.hidden, 0) as hidden,
      coalesce(al.alerts_open, 0) as alerts_open, coalesce(ac.actions_overdue, 0) as actions_overdue,
      coalesce(pl.offered, 0) as offered, coalesce(pl.taking_part, 0) as taking_part,
      coalesce(rg.sessions, 0) as sessions, coalesce(rg.present, 0) as present
    from schools s
    left join levels l on l.school_id = s.id
    left join alerts al on al.school_id = s.id
    left join actions ac on ac.school_id = s.id
    left join places pl on pl.school_id = s.id
    left join registers rg on rg.school_id = s.id
    where s.id = any(${ids})
    order by s.name, s.urn`.execute(db)
  return rows
}
