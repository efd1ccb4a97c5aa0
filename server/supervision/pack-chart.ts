// The pack's charts in pdfkit vector drawing, read in black and white: the SDQ profile (shading rises
// with the band — plain, dots, hatch, cross-hatch — and the band is written beside every bar, as the
// page's sdqProfile does) and Goal Based Outcomes ratings (0–10) across meetings.
// Each chart is one tagged Figure whose alternative text lists every figure it shows.
import { SDQ_INFORMANT_LABELS } from '../sdq/labels'
import type { PackPupil, PackSdq, SdqScaleKey } from './pack-model'
import { CONTENT_WIDTH, INK, type Layout, MARGINS, MUTED, RULE, ensure, fitLine, printable, tag, use } from './pack-layout'

const SCALES: ReadonlyArray<[SdqScaleKey, string, number]> = [
  ['emotional', 'Emotional symptoms', 10],
  ['conduct', 'Conduct problems', 10],
  ['hyperactivity', 'Hyperactivity', 10],
  ['peer', 'Peer problems', 10],
  ['prosocial', 'Prosocial (a strength)', 10],
  ['total', 'Total difficulties', 40],
  ['impact', 'Impact', 10],
]

const LEGEND: ReadonlyArray<[string, string]> = [
  ['close_to_average', 'close to average'],
  ['slightly_raised', 'slightly raised / lowered'],
  ['high', 'high / low'],
  ['very_high', 'very high / very low'],
]

type Shade = 'plain' | 'dots' | 'hatch' | 'cross'

export function bandShade(band: string | null | undefined): Shade {
  switch (band) {
    case 'slightly_raised':
    case 'slightly_lowered':
      return 'dots'
    case 'high':
    case 'low':
      return 'hatch'
    case 'very_high':
    case 'very_low':
      return 'cross'
    default:
      return 'plain'
  }
}

export function bandWords(band: string | null | undefined): string {
  return band ? band.replace(/_/g, ' ') : 'no band'
}

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

/** "3 Oct 2024" from YYYY-MM-DD; the text itself if it is not a date. */
export function dateWords(iso: string, withYear = true): string {
  const d = new Date(`${iso}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(d.getTime())) return iso
  return (withYear ? shortDate : dayMonth).format(d)
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1)
}

// Shading clipped to the bar: it reads on a black-and-white printer where colours would not.
function shadeRect(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, shade: Shade): void {
  if (w <= 0) return
  doc.save()
  doc.rect(x, y, w, h).clip()
  if (shade === 'plain') {
    doc.rect(x, y, w, h).fill('#d4d4d4')
  } else if (shade === 'dots') {
    doc.rect(x, y, w, h).fill('#ffffff').fillColor(INK)
    for (let dy = 1.5; dy < h; dy += 3) for (let dx = (dy % 6 > 3 ? 3 : 1.5); dx < w; dx += 3) doc.circle(x + dx, y + dy, 0.55)
    doc.fill(INK)
  } else {
    doc.rect(x, y, w, h).fill('#ffffff')
    doc.lineWidth(0.8).strokeColor(INK)
    for (let d = -h; d < w; d += 3) doc.moveTo(x + d, y + h).lineTo(x + d + h, y)
    if (shade === 'cross') for (let d = -h; d < w; d += 3) doc.moveTo(x + d, y).lineTo(x + d + h, y + h)
    doc.stroke()
  }
  doc.restore()
  doc.lineWidth(0.8).strokeColor(INK).rect(x, y, w, h).stroke()
}

/** The words a reader hears for the SDQ chart: every score and band of every informant. */
export function sdqDescription(sdq: readonly PackSdq[]): string {
  if (sdq.length === 0) return 'No SDQ on record.'
  const parts = SCALES.map(([scale, name, max]) => {
    const readings = sdq.map((s) => {
      const score = s.scores[scale]
      const who = SDQ_INFORMANT_LABELS[s.informant]
      return typeof score === 'number' ? `${who} ${fmt(score)} of ${max}, ${bandWords(s.bands[scale])}` : `${who} not scored`
    })
    return `${name}: ${readings.join('; ')}`
  })
  return `SDQ profile. ${parts.join('. ')}.`
}

/** SDQ profile: scales down the side, one column per informant, each bar shaded by its band. */
const SDQ_ROW_HEIGHT = 17
const SDQ_HEAD_HEIGHT = 26
const SDQ_LEGEND_HEIGHT = 34
/** The height the SDQ chart takes: its heading keeps this much room after it, so it never sits alone. */
export const SDQ_CHART_HEIGHT = SDQ_HEAD_HEIGHT + 7 * SDQ_ROW_HEIGHT + SDQ_LEGEND_HEIGHT

export function sdqChart(l: Layout, parent: PDFKit.PDFStructureElement, sdq: readonly PackSdq[]): void {
  const { doc } = l
  const labelWidth = 112
  const rowHeight = SDQ_ROW_HEIGHT
  const headHeight = SDQ_HEAD_HEIGHT
  const legendHeight = SDQ_LEGEND_HEIGHT
  const height = headHeight + SCALES.length * rowHeight + legendHeight
  ensure(l, height)
  const top = doc.y
  const informants = sdq.slice(0, 4)
  const columnWidth = (CONTENT_WIDTH - labelWidth) / informants.length
  const scoreWidth = 14
  const barWidth = Math.min(56, Math.max(columnWidth - 90, 24))
  const x0 = MARGINS.left
  tag(l, parent, 'Figure', () => {
    informants.forEach((s, i) => {
      const x = x0 + labelWidth + i * columnWidth
      use(l, 'bold', 8.5).text(SDQ_INFORMANT_LABELS[s.informant], x, top, { width: columnWidth - 6, lineBreak: false })
      use(l, 'regular', 7.5, MUTED).text(dateWords(s.administeredOn), x, top + 11, { width: columnWidth - 6, lineBreak: false })
    })
    SCALES.forEach(([scale, name, max], r) => {
      const y = top + headHeight + r * rowHeight
      doc.lineWidth(0.4).strokeColor(RULE).moveTo(x0, y + rowHeight).lineTo(x0 + CONTENT_WIDTH, y + rowHeight).stroke()
      use(l, scale === 'total' ? 'bold' : 'regular', 8.5).text(name, x0, y + 4, { width: labelWidth - 6, lineBreak: false })
      informants.forEach((s, i) => {
        const x = x0 + labelWidth + i * columnWidth
        const barX = x + scoreWidth + 3
        const score = s.scores[scale]
        const barY = y + 4
        const barH = rowHeight - 8
        // the frame is the whole scale, so a bar's length reads against it
        doc.lineWidth(0.4).strokeColor(RULE).rect(barX, barY, barWidth, barH).stroke()
        if (typeof score === 'number' && Number.isFinite(score)) {
          const length = (Math.min(Math.max(score, 0), max) / max) * barWidth
          use(l, 'bold', 8).text(fmt(score), x, y + 4.5, { width: scoreWidth, align: 'right', lineBreak: false })
          shadeRect(doc, barX, barY, length, barH, bandShade(s.bands[scale]))
          const wordsX = barX + barWidth + 5
          use(l, 'regular', 7.5).text(fitLine(doc, bandWords(s.bands[scale]), x + columnWidth - wordsX - 4), wordsX, y + 5, { lineBreak: false })
        } else {
          use(l, 'regular', 7.5, MUTED).text('not scored', barX + barWidth + 5, y + 5, { lineBreak: false })
        }
      })
    })
    const legendY = top + headHeight + SCALES.length * rowHeight + 10
    use(l, 'regular', 7.5, MUTED).text('Shading:', x0, legendY + 1, { lineBreak: false })
    let x = x0 + 42
    for (const [band, words] of LEGEND) {
      shadeRect(doc, x, legendY, 16, 9, bandShade(band))
      use(l, 'regular', 7.5).text(words, x + 20, legendY + 1, { lineBreak: false })
      x += 20 + doc.widthOfString(words) + 16
    }
  }, { alt: sdqDescription(sdq), bbox: [x0, top, x0 + CONTENT_WIDTH, top + height] })
  doc.x = MARGINS.left
  doc.y = top + height + 6
}

type Goal = PackPupil['goals'][number]

export function goalDescription(goal: Goal): string {
  const ratings = goal.ratings.map((r) => `${fmt(r.score)} on ${dateWords(r.date)}`).join(', ')
  return `Goal: ${printable(goal.goal)}. Ratings out of 10: ${ratings || 'none yet'}.`
}

/** One goal's ratings (0–10) across meetings: a small line chart with every rating written on it. */
export function goalChart(l: Layout, parent: PDFKit.PDFStructureElement, goal: Goal): void {
  const { doc } = l
  const chartWidth = 230
  const chartHeight = 64
  use(l, 'bold', 9.5)
  const title = printable(goal.goal)
  const titleHeight = doc.heightOfString(title, { width: CONTENT_WIDTH })
  ensure(l, titleHeight + chartHeight + 34)
  tag(l, parent, 'P', () => doc.text(title, MARGINS.left, doc.y, { width: CONTENT_WIDTH }))
  const top = doc.y + 8
  const x0 = MARGINS.left + 18
  const ratings = goal.ratings.slice(-8)
  const yOf = (score: number) => top + chartHeight - (Math.min(Math.max(score, 0), 10) / 10) * chartHeight
  const step = ratings.length > 1 ? chartWidth / (ratings.length - 1) : 0
  const xOf = (i: number) => (ratings.length > 1 ? x0 + i * step : x0 + chartWidth / 2)
  tag(l, parent, 'Figure', () => {
    for (const v of [0, 5, 10]) {
      doc.lineWidth(v === 0 ? 0.8 : 0.4).strokeColor(v === 0 ? INK : RULE).moveTo(x0, yOf(v)).lineTo(x0 + chartWidth, yOf(v)).stroke()
      use(l, 'regular', 7, MUTED).text(String(v), MARGINS.left, yOf(v) - 3.5, { width: 14, align: 'right', lineBreak: false })
    }
    if (ratings.length > 1) {
      doc.lineWidth(1.4).strokeColor(INK)
      ratings.forEach((r, i) => (i === 0 ? doc.moveTo(xOf(i), yOf(r.score)) : doc.lineTo(xOf(i), yOf(r.score))))
      doc.stroke()
    }
    ratings.forEach((r, i) => {
      const x = xOf(i)
      const y = yOf(r.score)
      doc.rect(x - 2.5, y - 2.5, 5, 5).fill(INK)
      use(l, 'bold', 7.5).text(fmt(r.score), x - 10, y - 13, { width: 20, align: 'center', lineBreak: false })
      use(l, 'regular', 7, MUTED).text(dateWords(r.date, false), x - 20, top + chartHeight + 5, { width: 40, align: 'center', lineBreak: false })
    })
    const summary = ratings.length ? ratings.map((r) => fmt(r.score)).join(' → ') : 'No ratings yet'
    use(l, 'regular', 9).text(`Ratings (out of 10): ${summary}`, x0 + chartWidth + 36, top + chartHeight / 2 - 10, { width: CONTENT_WIDTH - chartWidth - 54 })
  }, { alt: goalDescription(goal), bbox: [MARGINS.left, top - 8, MARGINS.left + CONTENT_WIDTH, top + chartHeight + 16] })
  doc.x = MARGINS.left
  doc.y = top + chartHeight + 22
}
