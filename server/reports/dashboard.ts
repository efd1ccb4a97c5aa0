// The school's dashboard figures: rows in, exactly what the page shows out (charts with their tables).
// Pure apart from the loader at the bottom.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { LEVEL_LABELS, LEVELS, type Level, type ScreeningSettings } from '../screening/rules'
import { loadScreeningSettings } from '../screening/service'
import * as store from '../screening/store'
import { attendanceBins, barChart, binValues, histogram } from '../charts/charts'
import { chartMarkup } from '../charts/markup'
import { SDQ_SCALE_LABELS } from '../sdq/labels'

type ScreenRecord = store.DashboardRow

export interface DashboardData {
  records: readonly ScreenRecord[]
  /** pupils per scale and band rank (store.countSdqBands) */
  sdqBands: ReadonlyArray<{ scale: string; rank: number; pupils: number }>
  lettersAwaitingReview: number
  settings: ScreeningSettings
}

const levelOf = (r: ScreenRecord) => (r.level ?? null) as Level | null

function displayName(r: ScreenRecord) {
  return `${r.surname}, ${r.preferred_forename ?? r.forename}`
}

export function dashboardModel(d: DashboardData, urn: string) {
  const { records } = d
  const levelCounts = LEVELS.map(() => 0)
  for (const r of records) {
    const level = levelOf(r)
    if (level) levelCounts[LEVELS.indexOf(level)]!++
  }
  const hidden = records.filter((r) => r.hidden).map((r) => ({ id: r.id, name: displayName(r), form: r.form, level: levelOf(r) ? LEVEL_LABELS[levelOf(r)!] : '' }))
  const safeguarding = records.filter((r) => r.safeguarding).length

  const sdqRows = SDQ_SCALE_LABELS.map(([scale, label]) => {
    const counts = [0, 0, 0, 0]
    for (const c of d.sdqBands) if (c.scale === scale && c.rank >= 0 && c.rank < 4) counts[c.rank] = c.pupils
    const none = records.length - counts.reduce((a, b) => a + b, 0)
    return { label, counts, none, raised: counts[2]! + counts[3]! }
  })

  const percents: number[] = []
  for (const r of records) if (r.possible !== null && r.absent !== null && r.possible > 0) percents.push(((r.possible - r.absent) * 100) / r.possible)
  const bins = attendanceBins(d.settings.attendance.persistentAbsencePercent, d.settings.attendance.severeAbsencePercent)
  const binCounts = binValues(percents, bins)

  // One pass: each form's pupils per level, hidden and safeguarding.
  const formTotals = new Map<string, { pupils: number; levels: number[]; hidden: number; safeguarding: number }>()
  for (const r of records) {
    const key = r.form ?? ''
    const f = formTotals.get(key) ?? { pupils: 0, levels: LEVELS.map(() => 0), hidden: 0, safeguarding: 0 }
    f.pupils++
    const level = levelOf(r)
    if (level) f.levels[LEVELS.indexOf(level)]!++
    if (r.hidden) f.hidden++
    if (r.safeguarding) f.safeguarding++
    formTotals.set(key, f)
  }
  const byForm = [...formTotals.keys()]
    .sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }))
    .map((form) => ({ form: form || 'No form', href: form ? `/s/${urn}/pupils?form=${encodeURIComponent(form)}` : null, ...formTotals.get(form)! }))

  return {
    pupils: records.length,
    levels: LEVELS.map((l, i) => ({ value: l, label: LEVEL_LABELS[l], count: levelCounts[i]!, href: `/s/${urn}/pupils?level=${l}` })),
    levelChart: chartMarkup(barChart({ title: 'Pupils per level', id: 'levels', labels: LEVELS.map((l) => LEVEL_LABELS[l]), values: levelCounts, unit: '' })),
    hidden,
    safeguarding,
    lettersAwaitingReview: d.lettersAwaitingReview,
    sdq: {
      rows: sdqRows,
      chart: chartMarkup(
        barChart({
          title: 'Pupils in the high or very high band (low or very low for prosocial), by SDQ scale',
          id: 'sdq-bands',
          labels: sdqRows.map((r) => r.label),
          values: sdqRows.map((r) => r.raised)
        })
      )
    },
    attendance: {
      rows: bins.map((b, i) => ({ label: b.label, count: binCounts[i]! })),
      none: records.length - percents.length,
      chart: chartMarkup(histogram({ title: 'Attendance in the latest period', id: 'attendance', values: percents, bins, emphasisLabel: 'persistent or severe absence' }))
    },
    levelHeaders: LEVELS.map((l) => LEVEL_LABELS[l]),
    byForm
  }
}

export async function loadDashboard(db: Kysely<Database>, schoolId: number): Promise<DashboardData> {
  const [records, sdqBands, lettersAwaitingReview, { settings }] = await Promise.all([
    store.listDashboardRows(db, schoolId),
    store.countSdqBands(db, schoolId, SDQ_SCALE_LABELS.map(([scale]) => scale)),
    store.countLettersAwaitingReview(db, schoolId),
    loadScreeningSettings(db, schoolId)
  ])
  return { records, sdqBands, lettersAwaitingReview, settings }
}
