// SVG charts as strings, for pages and packs. Pure: data in, markup out.
// Accessible: role="img" with a <title> and a <desc> that lists the figures, every value written as text,
// and meaning carried by patterns and words as well as colour. Pages still show a data table beside each chart.
import { SDQ_INFORMANT_LABELS } from '../sdq/labels'

const TEXT = '#0b0c0c'
const BAR = '#1d70b8'
const DARK = '#003078'
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Arial, sans-serif" font-size="14"'
const MAX_LABEL_CHARS = 28

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry. */
export function escapeXml(value: unknown): string {
  return String(value)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function shortened(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1)
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0
}

// Deterministic ids, so the same data renders the same markup; pass `id` when a page shows two charts alike.
function chartId(explicit: string | undefined, title: string, seed: string): string {
  if (explicit) return explicit.replace(/[^A-Za-z0-9_-]/g, '-')
  let hash = 5381
  seed = title + '\u0000' + seed
  for (let i = 0; i < seed.length; i++) hash = ((hash * 33) ^ seed.charCodeAt(i)) >>> 0
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 24)
  return `chart-${slug || 'x'}-${hash.toString(36)}`
}

function svgOpen(id: string, width: number, height: number, title: string, description: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`
  )
}

// Patterns: diagonal hatching marks emphasised bars, so emphasis never depends on colour.
function patternDefs(id: string): string {
  return (
    `<defs>` +
    `<pattern id="${id}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="8" height="8" fill="${DARK}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="3"/></pattern>` +
    `<pattern id="${id}-dots" width="6" height="6" patternUnits="userSpaceOnUse">` +
    `<rect width="6" height="6" fill="${BAR}"/><circle cx="3" cy="3" r="1.2" fill="#ffffff"/></pattern>` +
    `<pattern id="${id}-cross" width="6" height="6" patternUnits="userSpaceOnUse">` +
    `<rect width="6" height="6" fill="${DARK}"/><path d="M0 0L6 6M6 0L0 6" stroke="#ffffff" stroke-width="1"/></pattern>` +
    `</defs>`
  )
}

export interface BarChartOptions {
  title: string
  labels: readonly string[]
  values: readonly number[]
  /** read out after the title; defaults to each label with its value */
  description?: string
  id?: string
  /** written after each value, e.g. "%" or " pupils" */
  unit?: string
  width?: number
  /** the value a full-length bar stands for; defaults to the largest value */
  max?: number
  /** bars drawn hatched, e.g. attendance bins under the persistent-absence line */
  emphasis?: readonly boolean[]
  /** the legend's words for a hatched bar; required for the legend to appear */
  emphasisLabel?: string
}

/** A horizontal bar chart: one labelled row per value, the value written at the end of its bar. */
export function barChart(o: BarChartOptions): string {
  const width = o.width ?? 640
  const unit = o.unit ?? ''
  const values = o.labels.map((_, i) => finite(o.values[i] ?? 0))
  const max = Math.max(finite(o.max ?? 0), ...values, 0) || 1
  const id = chartId(o.id, o.title, o.labels.join('|'))
  const labelWidth = 250
  const valueWidth = 90
  const barSpace = Math.max(width - labelWidth - valueWidth, 40)
  const rowHeight = 28
  const top = 8
  const hasLegend = Boolean(o.emphasisLabel) && (o.emphasis ?? []).some(Boolean)
  const height = top + values.length * rowHeight + (hasLegend ? 36 : 8)
  const description = o.description ?? o.labels.map((l, i) => `${l}: ${formatNumber(values[i]!)}${unit}`).join('; ')

  const rows = values.map((v, i) => {
    const label = o.labels[i]!
    const y = top + i * rowHeight
    const length = Math.max(0, (v / max) * barSpace)
    const emphasised = o.emphasis?.[i] === true
    const fill = emphasised ? `url(#${id}-hatch)` : BAR
    return (
      `<g><title>${escapeXml(`${label}: ${formatNumber(v)}${unit}`)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end" fill="${TEXT}">${escapeXml(shortened(label))}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${length.toFixed(1)}" height="${rowHeight - 8}" fill="${fill}" stroke="${DARK}"/>` +
      `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 18}" fill="${TEXT}">${escapeXml(formatNumber(v) + unit)}</text></g>`
    )
  })
  const axis = `<line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${top + values.length * rowHeight}" stroke="${TEXT}"/>`
  const legendY = top + values.length * rowHeight + 12
  const legend = hasLegend
    ? `<g><rect x="8" y="${legendY}" width="16" height="16" fill="url(#${id}-hatch)" stroke="${DARK}"/>` +
      `<text x="30" y="${legendY + 13}" fill="${TEXT}">Hatched: ${escapeXml(o.emphasisLabel)}</text></g>`
    : ''
  return `${svgOpen(id, width, height, o.title, description)}${patternDefs(id)}${rows.join('')}${axis}${legend}</svg>`
}

export interface HistogramBin {
  label: string
  /** the bin holds values up to and including this, above the previous bin's max */
  max: number
  emphasis?: boolean
}

export interface HistogramOptions extends Omit<BarChartOptions, 'labels' | 'values' | 'emphasis'> {
  values: readonly number[]
  bins: readonly HistogramBin[]
}

/** Counts each value into the first bin whose max it does not exceed; values above every bin are left out. */
export function binValues(values: readonly number[], bins: readonly HistogramBin[]): number[] {
  const counts = bins.map(() => 0)
  for (const v of values) {
    if (!Number.isFinite(v)) continue
    const i = bins.findIndex((b) => v <= b.max)
    if (i >= 0) counts[i]!++
  }
  return counts
}

/** A distribution: bins drawn as a bar chart of counts. */
export function histogram(o: HistogramOptions): string {
  const { bins, values, ...rest } = o
  return barChart({
    ...rest,
    unit: rest.unit ?? '',
    labels: bins.map((b) => b.label),
    values: binValues(values, bins),
    emphasis: bins.map((b) => b.emphasis === true),
  })
}

/**
 * Bins for a distribution of attendance percentages, split at the persistent and severe absence lines
 * (attendance of exactly 90.0% is persistent absence). Pass unrounded percentages.
 */
export function attendanceBins(persistentAbsencePercent = 10, severeAbsencePercent = 50): HistogramBin[] {
  const persistentLine = 100 - persistentAbsencePercent
  const severeLine = 100 - severeAbsencePercent
  const bins: HistogramBin[] = [
    { label: `${formatNumber(severeLine)}% or less: severe`, max: severeLine, emphasis: true },
    { label: `Above ${formatNumber(severeLine)}% to ${formatNumber(persistentLine)}%: persistent`, max: persistentLine, emphasis: true },
  ]
  if (persistentLine < 95) bins.push({ label: `Above ${formatNumber(persistentLine)}% to 95%`, max: 95 })
  bins.push({ label: `Above ${formatNumber(Math.max(95, persistentLine))}%`, max: 100 })
  return bins
}

export type SdqProfileScale = 'emotional' | 'conduct' | 'hyperactivity' | 'peer' | 'prosocial' | 'total' | 'impact'
export interface SdqProfileInformant {
  informant: 'self' | 'parent' | 'teacher'
  scores: Partial<Record<SdqProfileScale, number | null>>
  bands: Partial<Record<SdqProfileScale, string | null>>
}
export interface SdqProfileOptions {
  title: string
  informants: readonly SdqProfileInformant[]
  id?: string
  width?: number
}

const PROFILE_SCALES: ReadonlyArray<[SdqProfileScale, string, number]> = [
  ['emotional', 'Emotional symptoms', 10],
  ['conduct', 'Conduct problems', 10],
  ['hyperactivity', 'Hyperactivity', 10],
  ['peer', 'Peer problems', 10],
  ['prosocial', 'Prosocial (a strength)', 10],
  ['total', 'Total difficulties', 40],
  ['impact', 'Impact', 10],
]
const INFORMANT_LABELS = SDQ_INFORMANT_LABELS

// Shading rises with the band: plain, dotted, hatched, cross-hatched; the band is also written beside the bar.
function bandFill(id: string, band: string | null | undefined): string {
  switch (band) {
    case 'slightly_raised':
    case 'slightly_lowered':
      return `url(#${id}-dots)`
    case 'high':
    case 'low':
      return `url(#${id}-hatch)`
    case 'very_high':
    case 'very_low':
      return `url(#${id}-cross)`
    default:
      return '#9cc2e5'
  }
}

const BAND_LEGEND: ReadonlyArray<[string, string]> = [
  ['close_to_average', 'close to average'],
  ['slightly_raised', 'slightly raised / lowered'],
  ['high', 'high / low'],
  ['very_high', 'very high / very low'],
]

function bandWords(band: string | null | undefined): string {
  return band ? band.replace(/_/g, ' ') : 'no band'
}

/** A pupil's SDQ: one bar per scale per informant, shaded by band, with score and band written beside it. */
export function sdqProfile(o: SdqProfileOptions): string {
  const width = o.width ?? 640
  const id = chartId(o.id, o.title, o.informants.map((i) => i.informant).join('|'))
  const labelWidth = 190
  const barSpace = Math.max(width - labelWidth - 170, 40)
  const rowHeight = 22
  if (o.informants.length === 0) {
    return `${svgOpen(id, width, 40, o.title, 'No SDQ on record.')}<text x="8" y="24" fill="${TEXT}">No SDQ on record.</text></svg>`
  }
  const parts: string[] = []
  const said: string[] = []
  let y = 8
  for (const [scale, name, max] of PROFILE_SCALES) {
    parts.push(`<text x="8" y="${y + 16}" font-weight="bold" fill="${TEXT}">${escapeXml(name)}</text>`)
    y += rowHeight
    const readings: string[] = []
    for (const inf of o.informants) {
      const who = INFORMANT_LABELS[inf.informant]
      const score = inf.scores[scale]
      const band = inf.bands[scale]
      const scored = typeof score === 'number' && Number.isFinite(score)
      const length = scored ? (Math.min(Math.max(score, 0), max) / max) * barSpace : 0
      const words = scored ? `${formatNumber(score)} of ${max}, ${bandWords(band)}` : 'not scored'
      readings.push(`${who} ${words}`)
      parts.push(
        `<g><text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" fill="${TEXT}">${escapeXml(who)}</text>` +
          `<rect x="${labelWidth}" y="${y + 3}" width="${barSpace}" height="${rowHeight - 6}" fill="none" stroke="#b1b4b6"/>` +
          `<rect x="${labelWidth}" y="${y + 3}" width="${length.toFixed(1)}" height="${rowHeight - 6}" fill="${bandFill(id, band)}" stroke="${DARK}"/>` +
          `<text x="${labelWidth + barSpace + 8}" y="${y + 15}" fill="${TEXT}">${escapeXml(scored ? `${formatNumber(score)} ${bandWords(band)}` : 'not scored')}</text></g>`,
      )
      y += rowHeight
    }
    said.push(`${name}: ${readings.join(', ')}`)
    y += 6
  }
  y += 4
  BAND_LEGEND.forEach(([band, words], i) => {
    const x = 8 + (i % 2) * 300
    const rowY = y + Math.floor(i / 2) * 22
    parts.push(
      `<g><rect x="${x}" y="${rowY}" width="16" height="16" fill="${bandFill(id, band)}" stroke="${DARK}"/>` +
        `<text x="${x + 22}" y="${rowY + 13}" fill="${TEXT}">${escapeXml(words)}</text></g>`,
    )
  })
  y += 48
  return `${svgOpen(id, width, y, o.title, said.join('. '))}${patternDefs(id)}${parts.join('')}</svg>`
}
