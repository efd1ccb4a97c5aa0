// The school's dashboard figures: rows in, exactly what the page shows out (charts with their tables).
// Pure apart from the loader at the bottom.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { LEVEL_LABELS, LEVELS, SDQ_INFORMANTS, type Level, type ScreeningSettings } from '../screening/rules'
import { ensureScreened, loadScreeningSettings, sdqByPupil, type SdqByInformant } from '../screening/service'
import * as store from '../screening/store'
import { attendanceBins, barChart, binValues, histogram } from './charts'
import { chartMarkup } from './markup'

type ScreenRecord = store.ScreenRowRecord

export interface DashboardData {
  records: readonly ScreenRecord[]
  sdq: ReadonlyMap<number, SdqByInformant>
  lettersAwaitingReview: number
  settings: ScreeningSettings
}

const levelOf = (r: ScreenRecord) => (r.decided_level ?? r.suggested_level ?? null) as Level | null

const SDQ_SCALES = [
  ['emotional', 'Emotional symptoms'],
  ['conduct', 'Conduct problems'],
  ['hyperactivity', 'Hyperactivity'],
  ['peer', 'Peer problems'],
  ['prosocial', 'Prosocial'],
  ['total', 'Total difficulties'],
  ['impact', 'Impact']
] as const
// Band rank: the four bands in order, difficulty and prosocial names side by side.
const BAND_RANK: Record<string, number> = { close_to_average: 0, slightly_raised: 1, slightly_lowered: 1, high: 2, low: 2, very_high: 3, very_low: 3 }

function highestBand(entry: SdqByInformant | undefined, scale: string): number | null {
  let best: number | null = null
  for (const informant of SDQ_INFORMANTS) {
    const band = entry?.[informant]?.bands[scale as keyof SdqByInformant['self']] as string | null | undefined
    if (band && band in BAND_RANK) best = Math.max(best ?? 0, BAND_RANK[band]!)
  }
  return best
}

function displayName(r: ScreenRecord) {
  return `${r.surname}, ${r.preferred_forename ?? r.forename}`
}

export function dashboardModel(d: DashboardData, urn: string) {
  const { records } = d
  const levelCounts = LEVELS.map((l) => records.filter((r) => levelOf(r) === l).length)
  const hidden = records.filter((r) => r.hidden).map((r) => ({ id: r.id, name: displayName(r), form: r.form, level: levelOf(r) ? LEVEL_LABELS[levelOf(r)!] : '' }))
  const safeguarding = records.filter((r) => r.safeguarding).length

  const sdqRows = SDQ_SCALES.map(([scale, label]) => {
    const counts = [0, 0, 0, 0]
    let none = 0
    for (const r of records) {
      const rank = highestBand(d.sdq.get(r.id), scale)
      if (rank === null) none++
      else counts[rank]!++
    }
    return { label, counts, none, raised: counts[2]! + counts[3]! }
  })

  const percents: number[] = []
  for (const r of records) if (r.possible !== null && r.absent !== null && r.possible > 0) percents.push(((r.possible - r.absent) * 100) / r.possible)
  const bins = attendanceBins(d.settings.attendance.persistentAbsencePercent, d.settings.attendance.severeAbsencePercent)
  const binCounts = binValues(percents, bins)

  const forms = [...new Set(records.map((r) => r.form ?? ''))].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }))
  const byForm = forms.map((form) => {
    const inForm = records.filter((r) => (r.form ?? '') === form)
    return {
      form: form || 'No form',
      href: form ? `/s/${urn}/pupils?form=${encodeURIComponent(form)}` : null,
      pupils: inForm.length,
      levels: LEVELS.map((l) => inForm.filter((r) => levelOf(r) === l).length),
      hidden: inForm.filter((r) => r.hidden).length,
      safeguarding: inForm.filter((r) => r.safeguarding).length
    }
  })

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
  await ensureScreened(db, schoolId)
  const [records, sdqRows, lettersAwaitingReview, { settings }] = await Promise.all([
    store.listScreenRows(db, schoolId),
    store.listLatestSdq(db, schoolId),
    store.countLettersAwaitingReview(db, schoolId),
    loadScreeningSettings(db, schoolId)
  ])
  return { records, sdq: sdqByPupil(sdqRows), lettersAwaitingReview, settings }
}
