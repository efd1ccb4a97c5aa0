// The pack's page furniture and building blocks over pdfkit: A4 geometry, type styles, the running
// header and footer, continuation pages, headings, paragraphs, lists and tables that never split a row.
// Pure drawing: no database, no files (pdfkit reads only the font paths passed in).
// Everything a reader should hear is tagged (Document → Sect → H1/H2/P/L/Table); page furniture and
// rules are artifacts. pdfkit forbids an artifact inside tagged content, so rules are drawn between tags.
import type { PdfFonts } from '../platform/fonts'

export const INK = '#0b0c0c'
export const MUTED = '#505a5f'
export const RULE = '#b1b4b6'
export const SHADE = '#f3f2f1'

export const A4 = { width: 595.28, height: 841.89 }
export const MARGINS = { top: 92, bottom: 84, left: 56, right: 56 }
export const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right
export const CONTENT_BOTTOM = A4.height - MARGINS.bottom
const PAGE_OPTIONS: PDFKit.PDFDocumentOptions = { size: 'A4', margins: MARGINS }

type FontKey = keyof PdfFonts
interface Style {
  font: FontKey
  size: number
  color: string
}

export interface Layout {
  doc: PDFKit.PDFDocument
  fonts: PdfFonts
  root: PDFKit.PDFStructureElement
  /** repeated at the top of a page the current section runs onto ("P-7F3K — continued"), or none */
  continuation: string | null
  style: Style
  detach: () => void
}

// @types/pdfkit lags pdfkit 0.20's structure options (table header scope, figure bounding box).
type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row'; bbox?: [number, number, number, number] }

/** Text as pdfkit can set it: NFC, no control characters or lone surrogates, tabs as spaces. */
export function printable(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .trim()
}

export function use(l: Layout, font: FontKey, size: number, color = INK): PDFKit.PDFDocument {
  l.style = { font, size, color }
  return l.doc.font(l.fonts[font]).fontSize(size).fillColor(color)
}

/** Draws page furniture outside the reading order. */
export function artifact(l: Layout, draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
  l.doc.markContent('Artifact', { type })
  draw()
  l.doc.endMarkedContent()
}

/** Adds a structure element under `parent` and draws its content now, in reading order. */
export function tag(l: Layout, parent: PDFKit.PDFStructureElement, type: string, draw: () => void, options: StructOptions = {}): PDFKit.PDFStructureElement {
  const el = l.doc.struct(type, options)
  parent.add(el)
  el.add(draw)
  el.end()
  return el
}

/** An open structure element (a section, a list, a table) to add children to; call `.end()` when done. */
export function group(l: Layout, parent: PDFKit.PDFStructureElement, type: string, options: StructOptions = {}): PDFKit.PDFStructureElement {
  const el = l.doc.struct(type, options)
  parent.add(el)
  return el
}

export function startLayout(doc: PDFKit.PDFDocument, fonts: PdfFonts): Layout {
  const root = doc.struct('Document')
  doc.addStructure(root)
  const l: Layout = { doc, fonts, root, continuation: null, style: { font: 'regular', size: 10, color: INK }, detach: () => undefined }
  const onPageAdded = () => continuationHeading(l)
  doc.on('pageAdded', onPageAdded)
  l.detach = () => doc.removeListener('pageAdded', onPageAdded)
  return l
}

// Runs on every new page, also when a paragraph flows over: pdfkit has closed the page's tagged
// content by then and reopens it after, so the repeated heading is an artifact between the two.
function continuationHeading(l: Layout): void {
  if (!l.continuation) return
  const saved = l.style
  const { doc } = l
  const words = l.continuation
  artifact(l, () => {
    use(l, 'bold', 11, MUTED).text(fitLine(doc, words, CONTENT_WIDTH), MARGINS.left, MARGINS.top, { width: CONTENT_WIDTH, lineBreak: false })
    doc.lineWidth(0.5).strokeColor(RULE).moveTo(MARGINS.left, MARGINS.top + 17).lineTo(MARGINS.left + CONTENT_WIDTH, MARGINS.top + 17).stroke()
  }, 'Pagination')
  use(l, saved.font, saved.size, saved.color)
  doc.x = MARGINS.left
  doc.y = MARGINS.top + 28
}

/** Starts a section on a fresh page; pages it runs onto repeat `title` with "continued". */
export function sectionPage(l: Layout, title: string): void {
  l.continuation = null
  l.doc.addPage(PAGE_OPTIONS)
  l.continuation = `${title} — continued`
}

/** Moves to a new page unless `height` fits below the cursor. */
export function ensure(l: Layout, height: number): void {
  if (l.doc.y + height > CONTENT_BOTTOM) l.doc.addPage(PAGE_OPTIONS)
}

export function pageCount(l: Layout): number {
  return l.doc.bufferedPageRange().count
}

/** The text cut at a word with an ellipsis to fit `height` at `width` in the current font. */
export function fitHeight(doc: PDFKit.PDFDocument, text: string, width: number, height: number, lineGap = 1): string {
  if (doc.heightOfString(text, { width, lineGap }) <= height) return text
  const words = text.split(' ')
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (doc.heightOfString(`${words.slice(0, mid).join(' ')} …`, { width, lineGap }) <= height) lo = mid
    else hi = mid - 1
  }
  return `${words.slice(0, lo).join(' ')} …`
}

/** The text cut with an ellipsis to fit one line of `width` in the current font. */
export function fitLine(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text
  let lo = 0
  let hi = text.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (doc.widthOfString(`${text.slice(0, mid).trimEnd()}…`) <= width) lo = mid
    else hi = mid - 1
  }
  return `${text.slice(0, lo).trimEnd()}…`
}

export function heading(l: Layout, parent: PDFKit.PDFStructureElement, text: string, level: 1 | 2): void {
  const { doc } = l
  const size = level === 1 ? 18 : 12.5
  // keep a heading with at least a few lines of what follows it
  if (level === 2) {
    ensure(l, 64)
    doc.y += 10
  }
  use(l, 'bold', size)
  tag(l, parent, `H${level}`, () => doc.text(printable(text), MARGINS.left, doc.y, { width: CONTENT_WIDTH }))
  if (level === 2) {
    const y = doc.y + 1
    artifact(l, () => doc.lineWidth(0.75).strokeColor(INK).moveTo(MARGINS.left, y).lineTo(MARGINS.left + CONTENT_WIDTH, y).stroke())
    doc.y = y + 6
  } else {
    doc.y += 4
  }
}

export interface ParagraphOptions {
  font?: FontKey
  size?: number
  color?: string
  indent?: number
  width?: number
  gapAfter?: number
}

export function paragraph(l: Layout, parent: PDFKit.PDFStructureElement, text: string, o: ParagraphOptions = {}): void {
  const { doc } = l
  use(l, o.font ?? 'regular', o.size ?? 10, o.color ?? INK)
  const x = MARGINS.left + (o.indent ?? 0)
  const width = o.width ?? CONTENT_WIDTH - (o.indent ?? 0)
  ensure(l, doc.currentLineHeight(true) * 2 + 2)
  tag(l, parent, 'P', () => doc.text(printable(text), x, doc.y, { width, lineGap: 1.5 }))
  doc.y += o.gapAfter ?? 4
}

/** A labelled field: the label in a narrow column, its text beside it, flowing on if long. */
export function field(l: Layout, parent: PDFKit.PDFStructureElement, label: string, text: string, labelWidth = 118): void {
  const { doc } = l
  use(l, 'regular', 10)
  ensure(l, doc.currentLineHeight(true) * 2 + 2)
  const top = doc.y
  const startPage = pageCount(l)
  const div = group(l, parent, 'Div')
  use(l, 'bold', 9.5, MUTED)
  tag(l, div, 'P', () => doc.text(printable(label), MARGINS.left, top, { width: labelWidth - 10 }))
  const labelBottom = doc.y
  use(l, 'regular', 10)
  tag(l, div, 'P', () => doc.text(printable(text) || '—', MARGINS.left + labelWidth, top, { width: CONTENT_WIDTH - labelWidth, lineGap: 1.5 }))
  div.end()
  if (pageCount(l) === startPage) doc.y = Math.max(doc.y, labelBottom)
  doc.x = MARGINS.left
  doc.y += 5
}

export function bullets(l: Layout, parent: PDFKit.PDFStructureElement, items: readonly string[], size = 10, indent = 0): void {
  const { doc } = l
  const list = group(l, parent, 'L')
  const x = MARGINS.left + indent
  for (const item of items) {
    use(l, 'regular', size)
    ensure(l, doc.currentLineHeight(true) + 2)
    const y = doc.y
    const li = group(l, list, 'LI')
    artifact(l, () => doc.circle(x + 4, y + size * 0.62, 1.8).fill(INK))
    use(l, 'regular', size)
    tag(l, li, 'LBody', () => doc.text(printable(item), x + 14, y, { width: CONTENT_WIDTH - indent - 14, lineGap: 1.5 }))
    li.end()
    doc.y += 2
  }
  list.end()
  doc.x = MARGINS.left
  doc.y += 3
}

/** A labelled list: the label in the narrow column, the items as a list beside it. */
export function fieldList(l: Layout, parent: PDFKit.PDFStructureElement, label: string, items: readonly string[], labelWidth = 118): void {
  const { doc } = l
  use(l, 'regular', 10)
  ensure(l, doc.currentLineHeight(true) * 2 + 2)
  const top = doc.y
  const div = group(l, parent, 'Div')
  use(l, 'bold', 9.5, MUTED)
  tag(l, div, 'P', () => doc.text(printable(label), MARGINS.left, top, { width: labelWidth - 10 }))
  const labelBottom = doc.y
  doc.y = top
  bullets(l, div, items, 10, labelWidth - 14)
  div.end()
  doc.y = Math.max(doc.y, labelBottom + 5)
}

export interface Column {
  header: string
  /** a share of the table's width */
  width: number
}
export interface Cell {
  text: string
  bold?: boolean
  muted?: string
}
export type Row = Array<string | Cell>

const PAD_X = 5
const PAD_Y = 4

function cellOf(c: string | Cell): Cell {
  return typeof c === 'string' ? { text: c } : c
}

/**
 * A table that never splits a row: each row is measured before it is drawn and moves to a new page,
 * under a repeated header, if it does not fit. A row taller than a whole page is cut with an ellipsis.
 */
export function table(l: Layout, parent: PDFKit.PDFStructureElement, columns: readonly Column[], rows: readonly Row[], o: { size?: number; title?: string; minRowHeight?: number } = {}): void {
  const { doc } = l
  const size = o.size ?? 9
  const total = columns.reduce((s, c) => s + c.width, 0)
  const widths = columns.map((c) => (c.width / total) * CONTENT_WIDTH)
  const xs = widths.map((_, i) => MARGINS.left + widths.slice(0, i).reduce((s, w) => s + w, 0))
  const lineGap = 1
  const measure = (cells: readonly Cell[], bold: boolean): number => {
    let h = 0
    cells.forEach((c, i) => {
      use(l, bold || c.bold ? 'bold' : 'regular', size)
      let ch = doc.heightOfString(printable(c.text) || ' ', { width: widths[i]! - 2 * PAD_X, lineGap })
      if (c.muted) {
        use(l, 'regular', size - 0.5)
        ch += doc.heightOfString(printable(c.muted), { width: widths[i]! - 2 * PAD_X, lineGap }) + 2
      }
      h = Math.max(h, ch)
    })
    return Math.max(h + 2 * PAD_Y, bold ? 0 : (o.minRowHeight ?? 0))
  }
  const headerCells = columns.map((c) => ({ text: c.header }))
  const headerHeight = measure(headerCells, true)
  // the most a row may take: a fresh page under a continuation heading and the table's header
  const maxRow = CONTENT_BOTTOM - MARGINS.top - 28 - headerHeight - 4

  const drawCells = (cells: readonly Cell[], top: number, height: number, bold: boolean, parentRow: PDFKit.PDFStructureElement | null, clamped = false) => {
    cells.forEach((c, i) => {
      const x = xs[i]! + PAD_X
      const width = widths[i]! - 2 * PAD_X
      const draw = () => {
        use(l, bold || c.bold ? 'bold' : 'regular', size)
        // only a row cut to a page's height needs its text cut to the row
        const words = clamped ? fitHeight(doc, printable(c.text), width, height - 2 * PAD_Y - (c.muted ? 14 : 0), lineGap) : printable(c.text)
        doc.text(words, x, top + PAD_Y, { width, lineGap, height: height - 2 * PAD_Y, ellipsis: true })
        if (c.muted) {
          use(l, 'regular', size - 0.5, MUTED)
          doc.text(printable(c.muted), x, doc.y + 2, { width, lineGap, height: Math.max(top + height - PAD_Y - doc.y - 2, 1), ellipsis: true })
        }
      }
      if (parentRow) tag(l, parentRow, bold ? 'TH' : 'TD', draw, bold ? { scope: 'Column' } : {})
      else draw()
    })
  }
  const drawHeader = (tagged: boolean) => {
    const top = doc.y
    artifact(l, () => {
      doc.rect(MARGINS.left, top, CONTENT_WIDTH, headerHeight).fill(SHADE)
      doc.lineWidth(1).strokeColor(INK).moveTo(MARGINS.left, top + headerHeight).lineTo(MARGINS.left + CONTENT_WIDTH, top + headerHeight).stroke()
    })
    if (tagged) {
      const tr = group(l, el, 'TR')
      drawCells(headerCells, top, headerHeight, true, tr)
      tr.end()
    } else {
      // a header repeated on a later page is furniture: a reader has heard it once
      artifact(l, () => drawCells(headerCells, top, headerHeight, true, null), 'Pagination')
    }
    doc.y = top + headerHeight
  }

  // the title, the header and the first row stay together
  const first = rows[0] ? Math.min(measure(rows[0].map(cellOf), false), maxRow) : 0
  ensure(l, headerHeight + first + (o.title ? 38 : 0))
  if (o.title) heading(l, parent, o.title, 2)
  const el = group(l, parent, 'Table')
  drawHeader(true)
  for (const row of rows) {
    const cells = row.map(cellOf)
    const natural = measure(cells, false)
    const height = Math.min(natural, maxRow)
    if (doc.y + height > CONTENT_BOTTOM) {
      doc.addPage(PAGE_OPTIONS)
      drawHeader(false)
    }
    const top = doc.y
    const tr = group(l, el, 'TR')
    drawCells(cells, top, height, false, tr, natural > maxRow)
    tr.end()
    artifact(l, () => doc.lineWidth(0.5).strokeColor(RULE).moveTo(MARGINS.left, top + height).lineTo(MARGINS.left + CONTENT_WIDTH, top + height).stroke())
    doc.y = top + height
  }
  el.end()
  doc.x = MARGINS.left
  doc.y += 8
}

/** Ruled lines for handwriting, from the cursor to the foot of the page (at least `minLines`). */
export function ruledLines(l: Layout, minLines: number, spacing = 22): void {
  const { doc } = l
  ensure(l, minLines * spacing + 4)
  const top = doc.y + 4
  const lines = Math.floor((CONTENT_BOTTOM - top) / spacing)
  artifact(l, () => {
    doc.lineWidth(0.5).strokeColor(RULE)
    for (let i = 1; i <= lines; i++) doc.moveTo(MARGINS.left, top + i * spacing).lineTo(MARGINS.left + CONTENT_WIDTH, top + i * spacing).stroke()
  })
  doc.y = top + lines * spacing + 4
}

/** A bordered box with a bold line and optional words under it (the copy, a planning note, a safeguarding note). */
export function callout(l: Layout, parent: PDFKit.PDFStructureElement, title: string, body: string | null, weight = 1.5): void {
  const { doc } = l
  const inner = CONTENT_WIDTH - 24
  use(l, 'bold', 11.5)
  let height = doc.heightOfString(printable(title), { width: inner }) + 20
  if (body) {
    use(l, 'regular', 9.5)
    height += doc.heightOfString(printable(body), { width: inner, lineGap: 1.5 }) + 4
  }
  ensure(l, height + 4)
  const top = doc.y
  artifact(l, () => doc.lineWidth(weight).strokeColor(INK).rect(MARGINS.left + weight / 2, top, CONTENT_WIDTH - weight, height).stroke())
  use(l, 'bold', 11.5)
  tag(l, parent, 'P', () => doc.text(printable(title), MARGINS.left + 12, top + 10, { width: inner }))
  if (body) {
    use(l, 'regular', 9.5)
    tag(l, parent, 'P', () => doc.text(printable(body), MARGINS.left + 12, doc.y + 4, { width: inner, lineGap: 1.5 }))
  }
  doc.x = MARGINS.left
  doc.y = top + height + 10
}

/** The marking, the running header and the footer on every page, once the page count is known. */
export function furnish(l: Layout, header: { left: string; right: string }, printed: string): void {
  const { doc } = l
  l.continuation = null
  const { start, count } = doc.bufferedPageRange()
  const right = MARGINS.left + CONTENT_WIDTH
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    // text below the bottom margin would start a new page
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    artifact(l, () => {
      use(l, 'bold', 10).text('OFFICIAL-SENSITIVE', MARGINS.left, 24, { width: CONTENT_WIDTH, align: 'center', lineBreak: false, characterSpacing: 1 })
      use(l, 'regular', 8, MUTED)
      // the copy is never cut; a long school name gives way to it
      const copyWidth = Math.min(doc.widthOfString(header.right) + 1, CONTENT_WIDTH * 0.6)
      const schoolWidth = CONTENT_WIDTH - copyWidth - 12
      doc.text(fitLine(doc, header.left, schoolWidth), MARGINS.left, 46, { width: schoolWidth, lineBreak: false })
      doc.text(fitLine(doc, header.right, copyWidth), right - copyWidth, 46, { width: copyWidth, align: 'right', lineBreak: false })
      doc.lineWidth(0.5).strokeColor(RULE).moveTo(MARGINS.left, 60).lineTo(right, 60).stroke()
      const foot = A4.height - 66
      doc.moveTo(MARGINS.left, foot).lineTo(right, foot).stroke()
      use(l, 'regular', 8, MUTED)
      doc.text(fitLine(doc, printed, CONTENT_WIDTH - 110), MARGINS.left, foot + 8, { width: CONTENT_WIDTH - 110, lineBreak: false })
      use(l, 'bold', 8.5).text(`Page ${i - start + 1} of ${count}`, right - 100, foot + 8, { width: 100, align: 'right', lineBreak: false })
      use(l, 'bold', 10).text('OFFICIAL-SENSITIVE', MARGINS.left, foot + 30, { width: CONTENT_WIDTH, align: 'center', lineBreak: false, characterSpacing: 1 })
    }, 'Pagination')
    doc.page.margins.bottom = bottom
  }
}
