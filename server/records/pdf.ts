// Plain record PDFs (a subject-access export, a disclosure for the safeguarding record): A4, headings
// and "field: value" lines, OFFICIAL-SENSITIVE at the head of every page. Data in, bytes out.
import PDFDocument from 'pdfkit'
import type { PdfFonts } from '../platform/fonts'
import { readableDate } from '../platform/helpers'

export interface RecordSection {
  heading: string
  /** shown under the heading when there is nothing else */
  empty?: string
  paragraphs?: string[]
  /** each entry a block of field: value lines */
  entries?: Array<Array<[string, string]>>
}

export interface RecordDocument {
  title: string
  subtitle: string
  notice: string
  sections: RecordSection[]
}

/** A stored value as words: times and dates as a reader writes them (London), lists and objects as JSON, nothing as a dash. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (value instanceof Date) return readableDate(value, 'time')
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return readableDate(value)
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (Buffer.isBuffer(value)) return `(${value.length} bytes)`
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

const FIELD_WORDS = new Map([['id', 'Lantern id'], ['dob', 'Date of birth'], ['at', 'When'], ['by', 'By'], ['fsm', 'Free school meals']])
const ACRONYMS = new Set(['upn', 'sen', 'eal', 'ks2', 'sdq', 'urn', 'dsl', 'ip', 'fsm', 'cin', 'cp'])

/** A column name as a field label: `looked_after` → "Looked after", `sen_need` → "SEN need". */
export function fieldLabel(column: string): string {
  const known = FIELD_WORDS.get(column)
  if (known) return known
  const words = column.split('_').map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w)).join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function renderRecordPdf(data: RecordDocument, fonts: PdfFonts): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, lang: 'en-GB', displayTitle: true, font: fonts.regular, bufferPages: true, info: { Title: data.title, Author: 'Lantern', Creator: 'Lantern' } } as PDFKit.PDFDocumentOptions)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const width = doc.page.width - 112
  // a new page before a heading or a field that would not fit, so that each starts in its own font and a
  // heading is never left alone at the foot of a page (pdfkit's own break resets the font)
  const room = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
  }
  doc.font(fonts.bold).fontSize(18).text(data.title, { width })
  doc.font(fonts.regular).fontSize(10).text(data.subtitle, { width }).moveDown(0.5)
  doc.font(fonts.bold).fontSize(10).text(data.notice, { width }).moveDown(1)
  for (const section of data.sections) {
    room(40)
    doc.font(fonts.bold).fontSize(13).text(section.heading, { width }).moveDown(0.3)
    for (const p of section.paragraphs ?? []) doc.font(fonts.regular).fontSize(10).text(p, { width }).moveDown(0.4)
    const entries = section.entries ?? []
    if (!entries.length && !section.paragraphs?.length) doc.font(fonts.regular).fontSize(10).fillColor('#505a5f').text(section.empty ?? 'Nothing recorded.', { width }).fillColor('#0b0c0c')
    for (const entry of entries) {
      for (const [field, value] of entry) {
        room(14)
        doc.font(fonts.bold).fontSize(9).text(`${field}: `, { width, continued: true }).font(fonts.regular).text(value)
      }
      doc.moveDown(0.5)
    }
    doc.moveDown(0.6)
  }
  // the marking and page numbers go on once every page exists, so that drawing them never disturbs
  // the text flowing from one page to the next (a label split from its value, a heading in the wrong size)
  const pages = doc.bufferedPageRange()
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i)
    doc.font(fonts.bold).fontSize(8).fillColor('#505a5f').text(`OFFICIAL-SENSITIVE · page ${i - pages.start + 1} of ${pages.count}`, 56, 30, { width, align: 'right', lineBreak: false })
  }
  doc.end()
  return done
}
