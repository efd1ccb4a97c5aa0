// The cluster overview: for someone who works across schools, each school's figures side by side, with
// the totals and a chart. Counts only: no pupil is named, numbered or linked, so no identity crosses
// schools. Each school links in only where the person's own role there opens its pages.
import type { Kysely } from 'kysely'
import type { Database, Role } from '../db/schema'
import { ROLE_LABELS } from '../accounts/schemas'
import { LEVEL_LABELS, LEVELS } from '../screening/rules'
import { barChart } from '../charts/charts'
import { chartMarkup } from '../charts/markup'
import { listClusterCurrentFigures, listClusterLevels, type ClusterCurrentFigures, type ClusterLevels } from './cluster-store'

export interface ClusterAccess {
  id: number
  role: Role
}

/** Each school's pupils per level as last read, by school id, with the key they were read under. */
export type ClusterLevelsCache = Map<number, ClusterLevels>

export type ClusterSchoolFigures = ClusterCurrentFigures & Omit<ClusterLevels, 'school_id' | 'levels_key'>

/**
 * The overview's figures for these schools. Pupils per level are read again only for the schools whose
 * levels key has moved since `cache` last held them (the cache belongs to one app instance; the key
 * is checked on every view, so what it holds is never shown stale).
 */
export async function loadClusterOverview(db: Kysely<Database>, access: readonly ClusterAccess[], today: string, cache: ClusterLevelsCache) {
  const current = await listClusterCurrentFigures(db, access.map((a) => a.id), today)
  const moved = current.filter((s) => cache.get(s.id)?.levels_key !== s.levels_key).map((s) => s.id)
  for (const levels of await listClusterLevels(db, moved)) cache.set(levels.school_id, levels)
  const figures: ClusterSchoolFigures[] = current.map((s) => {
    const { school_id: _id, levels_key: _key, ...levels } = cache.get(s.id)!
    return { ...s, ...levels }
  })
  return { figures, roles: new Map(access.map((a) => [a.id, a.role])), reread: moved.length }
}

export type ClusterData = Awaited<ReturnType<typeof loadClusterOverview>>

type Counts = Pick<
  ClusterSchoolFigures,
  'pupils' | 'unscreened' | 'hidden' | 'alerts_open' | 'actions_overdue' | 'offered' | 'taking_part' | (typeof LEVELS)[number]
>

const percent = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '–')

function countsView(c: Counts) {
  return {
    pupils: c.pupils,
    levels: LEVELS.map((l) => c[l]),
    unscreened: c.unscreened,
    hidden: c.hidden,
    alerts: c.alerts_open,
    actionsOverdue: c.actions_overdue,
    offered: c.offered,
    takingPart: c.taking_part,
    /** take-up: of the pupils offered a place, the share who took it up */
    takeUp: percent(c.taking_part, c.offered)
  }
}

/** Where the school's name leads: its pages as the person's role there opens them, or nowhere. */
function schoolHref(role: Role | undefined, urn: string): string | null {
  if (role === 'lead' || role === 'pastoral') return `/s/${urn}`
  if (role === 'link') return `/s/${urn}/supervision`
  return null
}

export interface ClusterModelInput {
  figures: ReadonlyArray<Counts & { id: number; urn: string; name: string }>
  roles: ReadonlyMap<number, Role>
}

export function clusterOverviewModel(data: ClusterModelInput) {
  const keys: ReadonlyArray<keyof Counts> = ['pupils', 'unscreened', 'hidden', 'alerts_open', 'actions_overdue', 'offered', 'taking_part', ...LEVELS]
  const total = Object.fromEntries(keys.map((k) => [k, 0])) as Counts
  for (const f of data.figures) for (const k of keys) total[k] += f[k]
  const schools = data.figures.map((f) => {
    const role = data.roles.get(f.id)
    return { name: f.name, urn: f.urn, roleLabel: role ? ROLE_LABELS[role] : '', href: schoolHref(role, f.urn), ...countsView(f) }
  })
  const levelCounts = LEVELS.map((l) => total[l])
  return {
    schools,
    total: countsView(total),
    levelHeaders: LEVELS.map((l) => LEVEL_LABELS[l]),
    levelTotals: LEVELS.map((l, i) => ({ label: LEVEL_LABELS[l], count: levelCounts[i]! })),
    levelChart: chartMarkup(
      barChart({ title: `Pupils per level across ${schools.length} school${schools.length === 1 ? '' : 's'}`, id: 'cluster-levels', labels: LEVELS.map((l) => LEVEL_LABELS[l]), values: levelCounts })
    ),
    figuresOnly: schools.some((s) => s.href === null)
  }
}
