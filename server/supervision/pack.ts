// The printed supervision pack: a pure render function over fully loaded PackData (the loader has
// already decided what this copy may show). A4, OFFICIAL-SENSITIVE on every page, tagged for reading
// out in order. Cover, contents, last meeting's recap and the action review, the agenda, a page or
// more per pupil with ruled space for notes, and the action tracker.
// Belt and braces on the link team's copy: a DSL item shows only that the DSL will update, a form
// only where the pupil is identified, the letter's words only where identified and allowed.
import PDFDocument from 'pdfkit'
import type { PdfFonts } from '../platform/fonts'
import { LEVEL_LABELS } from '../screening/rules'
import type { ActionStatus, DiscussionOutcome, PackAction, PackChange, PackCopy, PackData, PackPupil } from './pack-model'
import { dateWords, goalChart, SDQ_CHART_HEIGHT, sdqChart } from './pack-chart'
import {
  CONTENT_BOTTOM, CONTENT_WIDTH, INK, MARGINS, MUTED, artifact, bullets, callout, ensure, field, fieldList, furnish, group, heading,
  pageCount, paragraph, printable, ruledLines, sectionPage, startLayout, table, tag, use, type Column, type Layout, type Row,
} from './pack-layout'

export const COPY_WORDS: Record<PackCopy, string> = {
  school: 'School copy — identified',
  link: 'Link team copy — pseudonymised where consent is not recorded',
}
const HEADER_COPY_WORDS: Record<PackCopy, string> = { school: 'School copy — identified', link: 'Link team copy — pseudonymised' }
export const DSL_WORDS = 'Safeguarding follow-up: the DSL will update'
export const PLANNING_WORDS = 'Planning pack: proposed agenda'
export const OUTCOME_WORDS: Record<DiscussionOutcome, string> = {
  strategies: 'Strategies in school',
  signposting: 'Signposting',
  referral: 'Referral to the MHST or CAMHS',
  dsl: 'Passed to the DSL',
}
export const STATUS_WORDS: Record<ActionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' }
const CHANGE_WORDS: Record<NonNullable<PackChange['change']>, string> = { better: 'Better', worse: 'Worse', same: 'No change', new: 'New' }

const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const printedFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })

/** "Tuesday 12 November 2024" from YYYY-MM-DD. */
export function meetingDateWords(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return iso
  const part = (type: string) => longDate.formatToParts(d).find((x) => x.type === type)?.value ?? ''
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`
}

/** "Printed by Sam Lee on 12 November 2024 at 14:05" (UK time, whatever the server's zone). */
export function printedWords(data: PackData): string {
  const when = printedFormat.format(data.printedAt).replace(', ', ' at ')
  return `Printed by ${printable(data.printedBy)} on ${when}`
}

/** "Open — overdue": overdue in words, never by colour alone. */
export function statusWords(a: Pick<PackAction, 'status' | 'overdue'>): string {
  const live = a.status === 'open' || a.status === 'in_progress'
  return `${STATUS_WORDS[a.status]}${a.overdue && live ? ' — overdue' : ''}`
}

export function yearWords(p: PackPupil): string {
  const year = p.yearGroup === null ? 'Year not recorded' : `Year ${p.yearGroup}`
  return p.identified && p.form ? `${year} · Form ${p.form}` : year
}

export function levelWords(p: PackPupil): string {
  return p.level ? LEVEL_LABELS[p.level] : 'No level yet'
}

export function packTitle(data: PackData): string {
  return `Supervision pack: ${data.school.name}, ${meetingDateWords(data.meeting.date)} (${COPY_WORDS[data.copy]})`
}

/** The options a pack's document is created with (A4 pages are added by renderPack itself). */
export function packDocumentOptions(data: PackData, fonts: PdfFonts): PDFKit.PDFDocumentOptions {
  return {
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    // @types/pdfkit knows only the PDF/A subsets; pdfkit 0.20 also writes PDF/UA's identification
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    lang: 'en-GB',
    displayTitle: true,
    font: fonts.regular,
    info: { Title: packTitle(data), Author: 'Lantern', Creator: 'Lantern', Subject: 'CAMHS link team supervision pack' },
  }
}

/** Creates the document, renders the pack and collects the PDF. */
export function packPdf(data: PackData, fonts: PdfFonts): Promise<Buffer> {
  const doc = new PDFDocument(packDocumentOptions(data, fonts))
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  renderPack(doc, data, fonts)
  doc.end()
  return done
}

interface Entry {
  title: string
  detail: string
  page: number
  destination: string
}

/** What a copy may show about each pupil, decided once. */
interface Shown {
  data: PackData
  /** labels of DSL items on the link team's copy: their actions and recap carry no detail either */
  withheld: ReadonlySet<string>
}

function isWithheld(shown: Shown, label: string | null): boolean {
  return label !== null && shown.withheld.has(label)
}

/** Draws the whole pack on a document created with `autoFirstPage: false, bufferPages: true`. */
export function renderPack(doc: PDFKit.PDFDocument, data: PackData, fonts: PdfFonts): void {
  doc.info.Title = packTitle(data)
  doc.info.Author = 'Lantern'
  doc.info.Creator = 'Lantern'
  const l = startLayout(doc, fonts)
  const shown: Shown = { data, withheld: new Set(data.copy === 'link' ? data.pupils.filter((p) => p.dslItem).map((p) => p.label) : []) }
  const entries: Entry[] = [
    { title: 'Last meeting: recap and action review', detail: data.recap ? dateWords(data.recap.date) : '', page: 0, destination: 'recap' },
    { title: data.meeting.status === 'planning' ? 'Proposed agenda' : 'Agenda', detail: `${data.pupils.length} ${data.pupils.length === 1 ? 'pupil' : 'pupils'}`, page: 0, destination: 'agenda' },
    ...data.pupils.map((p, i) => ({ title: printable(p.label), detail: `${yearWords(p)} · ${isWithheld(shown, p.label) ? 'DSL item' : levelWords(p)}`, page: 0, destination: `pupil-${i + 1}` })),
    { title: 'Action tracker', detail: `${data.tracker.length} ${data.tracker.length === 1 ? 'action' : 'actions'}`, page: 0, destination: 'tracker' },
  ]
  const at = (i: number) => {
    entries[i]!.page = pageCount(l)
    doc.addNamedDestination(entries[i]!.destination)
    doc.outline.addItem(entries[i]!.title)
  }

  cover(l, data)
  const contents = reserveContents(l, entries.length)
  sectionPage(l, 'Last meeting')
  at(0)
  recapSection(l, shown)
  sectionPage(l, entries[1]!.title)
  at(1)
  agendaSection(l, shown)
  data.pupils.forEach((p, i) => {
    sectionPage(l, printable(p.label))
    at(i + 2)
    pupilSection(l, shown, p)
  })
  sectionPage(l, 'Action tracker')
  at(entries.length - 1)
  trackerSection(l, shown)
  fillContents(l, contents, entries)

  const copy = `${data.meeting.status === 'planning' ? 'Planning pack · ' : ''}${HEADER_COPY_WORDS[data.copy]}`
  furnish(l, { left: `${printable(data.school.name)} · Supervision ${dateWords(data.meeting.date)}`, right: copy }, printedWords(data))
  l.detach()
  l.root.end()
}

function cover(l: Layout, data: PackData): void {
  const { doc } = l
  sectionPage(l, 'Cover')
  doc.outline.addItem('Cover')
  const sect = group(l, l.root, 'Sect')
  doc.y = MARGINS.top + 30
  paragraph(l, sect, 'Supervision with the CAMHS link team', { size: 12, color: MUTED, gapAfter: 6 })
  use(l, 'bold', 26)
  tag(l, sect, 'H1', () => doc.text(printable(data.school.name), MARGINS.left, doc.y, { width: CONTENT_WIDTH }))
  doc.y += 6
  const when = `${meetingDateWords(data.meeting.date)}${data.meeting.time ? `, ${data.meeting.time}` : ''}`
  paragraph(l, sect, when, { font: 'bold', size: 14, gapAfter: 2 })
  paragraph(l, sect, data.meeting.location ? `Location: ${data.meeting.location}` : 'Location not recorded', { size: 11, gapAfter: 2 })
  paragraph(l, sect, `URN ${data.school.urn}`, { size: 9.5, color: MUTED, gapAfter: 18 })
  callout(l, sect, COPY_WORDS[data.copy], data.copy === 'school'
    ? 'Names every pupil. For school staff: keep it in school, and destroy it as the school’s records policy says.'
    : 'A pupil is named only where consent to share with the link team is recorded; every other pupil appears as a pseudonym (such as P-7F3K) with the year group only.', 2)
  if (data.meeting.status === 'planning') {
    callout(l, sect, PLANNING_WORDS, 'No meeting is recorded for this date yet. The agenda is proposed from the school’s data, in priority order: write on it and bring it to the meeting.', 1)
  }
  doc.y += 6
  heading(l, sect, 'Who is meeting', 2)
  field(l, sect, 'Link worker', data.meeting.linkWorker ?? 'Not named yet')
  field(l, sect, 'Cover', data.meeting.cover ?? 'None named')
  doc.y += 4
  if (data.attendees.length) table(l, sect, [{ header: 'Attendee', width: 3 }, { header: 'Role', width: 4 }], data.attendees.map((a) => [a.name, a.role]), { size: 9.5 })
  else paragraph(l, sect, 'No attendees recorded yet.', { color: MUTED })
  // the handling note sits at the foot of the cover when there is room
  use(l, 'regular', 9)
  const note = 'OFFICIAL-SENSITIVE: this pack holds children’s health information. Do not leave it unattended or take it home; return it or shred it after the meeting.'
  const noteHeight = doc.heightOfString(note, { width: CONTENT_WIDTH, lineGap: 1.5 })
  if (doc.y + noteHeight + 20 < CONTENT_BOTTOM) doc.y = CONTENT_BOTTOM - noteHeight - 4
  paragraph(l, sect, note, { size: 9, color: MUTED })
  sect.end()
}

interface ContentsPlan {
  pages: number[]
  perPage: number[]
  sect: PDFKit.PDFStructureElement
  toc: PDFKit.PDFStructureElement
}

const CONTENTS_ROW = 19
const CONTENTS_TOP = MARGINS.top + 40

// Contents come before the pages they count: reserve enough pages now, fill them in at the end.
function reserveContents(l: Layout, count: number): ContentsPlan {
  const { doc } = l
  sectionPage(l, 'Contents')
  doc.outline.addItem('Contents')
  const sect = group(l, l.root, 'Sect')
  heading(l, sect, 'Contents', 1)
  const toc = group(l, sect, 'TOC')
  const first = Math.floor((CONTENT_BOTTOM - CONTENTS_TOP) / CONTENTS_ROW)
  const later = Math.floor((CONTENT_BOTTOM - MARGINS.top - 28) / CONTENTS_ROW)
  const plan: ContentsPlan = { pages: [pageCount(l) - 1], perPage: [first], sect, toc }
  for (let left = count - first; left > 0; left -= later) {
    doc.addPage({ size: 'A4', margins: MARGINS })
    plan.pages.push(pageCount(l) - 1)
    plan.perPage.push(later)
  }
  return plan
}

function fillContents(l: Layout, plan: ContentsPlan, entries: readonly Entry[]): void {
  const { doc } = l
  let next = 0
  plan.pages.forEach((page, p) => {
    doc.switchToPage(page)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    let y = p === 0 ? CONTENTS_TOP : MARGINS.top + 28
    for (let n = 0; n < plan.perPage[p]! && next < entries.length; n++, next++) {
      const e = entries[next]!
      const pupil = next >= 2 && next < entries.length - 1
      const x = MARGINS.left + (pupil ? 14 : 0)
      const rowY = y
      // read out as one phrase: "Khan, Ash, Year 7 · Getting Help, page 5"
      tag(l, plan.toc, 'TOCI', () => {
        use(l, pupil ? 'regular' : 'bold', 10).text(e.title, x, rowY, { width: 230 - (pupil ? 14 : 0), lineBreak: false, height: CONTENTS_ROW, ellipsis: true, goTo: e.destination })
        use(l, 'regular', 9, MUTED).text(e.detail, MARGINS.left + 240, rowY + 1, { width: CONTENT_WIDTH - 300, lineBreak: false, height: CONTENTS_ROW, ellipsis: true })
        use(l, 'bold', 10).text(String(e.page), MARGINS.left + CONTENT_WIDTH - 50, rowY, { width: 50, align: 'right', lineBreak: false })
      }, { actual: `${e.title}${e.detail ? `, ${e.detail}` : ''}, page ${e.page}` })
      artifact(l, () => doc.lineWidth(0.4).strokeColor('#dddddd').moveTo(MARGINS.left, rowY + CONTENTS_ROW - 4).lineTo(MARGINS.left + CONTENT_WIDTH, rowY + CONTENTS_ROW - 4).stroke())
      y += CONTENTS_ROW
    }
    doc.page.margins.bottom = bottom
  })
  plan.toc.end()
  plan.sect.end()
}

const REVIEW_BOXES = '□ done\n□ in progress\n□ dropped'

function actionRows(shown: Shown, actions: readonly PackAction[], withPupil: boolean, reviewColumn: boolean): Row[] {
  return actions.map((a) => {
    const hidden = isWithheld(shown, a.pupil)
    const row: Row = []
    if (withPupil) row.push({ text: printable(a.pupil) || 'Whole school', bold: true })
    row.push(hidden ? DSL_WORDS : a.text)
    row.push(a.owner, a.due ? dateWords(a.due) : 'No date')
    row.push({ text: statusWords(a), bold: a.overdue, muted: a.note && !hidden ? `Note: ${a.note}` : undefined })
    if (reviewColumn) row.push({ text: REVIEW_BOXES, muted: 'Note:' })
    return row
  })
}

const REVIEW_COLUMNS: Column[] = [
  { header: 'Pupil', width: 15 }, { header: 'Action', width: 28 }, { header: 'Owner', width: 14 },
  { header: 'Due', width: 12 }, { header: 'Status', width: 14 }, { header: 'Review today', width: 17 },
]
const TRACKER_COLUMNS: Column[] = [
  { header: 'Pupil', width: 18 }, { header: 'Action', width: 34 }, { header: 'Owner', width: 16 },
  { header: 'Due', width: 12 }, { header: 'Status', width: 20 },
]

function recapSection(l: Layout, shown: Shown): void {
  const { data } = shown
  const sect = group(l, l.root, 'Sect')
  heading(l, sect, data.recap ? `Last meeting: ${meetingDateWords(data.recap.date)}` : 'Last meeting', 1)
  heading(l, sect, 'Recap: advice and actions', 2)
  if (!data.recap || data.recap.items.length === 0) {
    paragraph(l, sect, data.recap ? 'No pupils were discussed at the last meeting.' : 'No previous meeting is recorded.', { color: MUTED })
  } else {
    const rows: Row[] = data.recap.items.map((item) => {
      const hidden = isWithheld(shown, item.pupil)
      const actions = hidden ? DSL_WORDS : item.actions.map((a) => `• ${a.text} — ${a.owner}, ${a.due ? `due ${dateWords(a.due)}` : 'no date'}`).join('\n')
      return [{ text: item.pupil, bold: true }, hidden ? DSL_WORDS : (item.advice ?? '—'), actions || 'No actions']
    })
    table(l, sect, [{ header: 'Pupil', width: 18 }, { header: 'Advice', width: 38 }, { header: 'Actions: owner, due', width: 44 }], rows)
  }
  heading(l, sect, 'Action review', 2)
  paragraph(l, sect, 'Every action open at the start of this meeting, reviewed before new business: done, in progress or dropped, with a note.', { size: 9, color: MUTED })
  if (data.actionReview.length === 0) paragraph(l, sect, 'No open actions to review.', { color: MUTED })
  else table(l, sect, REVIEW_COLUMNS, actionRows(shown, data.actionReview, true, true))
  sect.end()
}

function agendaSection(l: Layout, shown: Shown): void {
  const { data } = shown
  const sect = group(l, l.root, 'Sect')
  heading(l, sect, data.meeting.status === 'planning' ? 'Proposed agenda' : 'Agenda', 1)
  if (data.meeting.status === 'planning') callout(l, sect, PLANNING_WORDS, 'Proposed from the school’s data in priority order. Add or strike out pupils by hand; the lead fixes the agenda when the meeting starts.', 1)
  if (data.pupils.length === 0) {
    paragraph(l, sect, 'No pupils on the agenda.', { color: MUTED })
  } else {
    const rows: Row[] = data.pupils.map((p, i) => {
      const hidden = isWithheld(shown, p.label)
      return [String(i + 1), { text: p.label, bold: true }, p.yearGroup === null ? '—' : String(p.yearGroup), hidden ? '—' : levelWords(p), hidden ? DSL_WORDS : p.agendaReasons.join('\n') || '—']
    })
    table(l, sect, [{ header: '#', width: 5 }, { header: 'Pupil', width: 22 }, { header: 'Year', width: 7 }, { header: 'Level', width: 23 }, { header: 'Why on the agenda', width: 43 }], rows)
  }
  sect.end()
}

function atAGlance(p: PackPupil): Array<[string, string]> {
  const a = p.attendance
  const attendance = a.percent === null
    ? 'Not recorded'
    : `${a.percent.toFixed(1)}%${a.period ? ` (${a.period})` : ''}${a.baseline === null ? '' : `; baseline ${a.baseline.toFixed(1)}%`}`
  const k = p.ks2
  const ks2 = [k.reading, k.maths, k.gps, k.writing].every((v) => v === null)
    ? 'Not recorded'
    : `Reading ${k.reading ?? '—'} · Maths ${k.maths ?? '—'} · GPS ${k.gps ?? '—'} · Writing ${k.writing ?? '—'}`
  const o = p.opportunity
  const opportunity = o
    ? o.sessions > 0
      ? `${o.name} (${o.status}): attended ${o.attended} of ${o.sessions} ${o.sessions === 1 ? 'session' : 'sessions'} (${Math.round((o.attended / o.sessions) * 100)}%)`
      : `${o.name} (${o.status}): no sessions on the register yet`
    : 'None at present'
  const rows: Array<[string, string]> = [['Attendance', attendance], ['KS2', ks2], ['Opportunity', opportunity]]
  if (p.letter) rows.push(['Letter themes', p.letter.themes.join(', ') || 'None marked'])
  return rows
}

function pupilHeader(l: Layout, sect: PDFKit.PDFStructureElement, p: PackPupil): void {
  const { doc } = l
  const boxWidth = 150
  const top = doc.y
  use(l, 'bold', 18)
  tag(l, sect, 'H1', () => doc.text(printable(p.label), MARGINS.left, top, { width: CONTENT_WIDTH - boxWidth - 14 }))
  const afterLabel = doc.y
  paragraph(l, sect, yearWords(p), { size: 11, color: MUTED, gapAfter: 0, width: CONTENT_WIDTH - boxWidth - 14 })
  if (!p.identified) paragraph(l, sect, 'Pseudonymised: consent to share is not recorded.', { size: 8.5, color: MUTED, gapAfter: 0, width: CONTENT_WIDTH - boxWidth - 14 })
  doc.y = Math.max(doc.y, afterLabel + 20, top + 44) + 8
}

function levelBox(l: Layout, sect: PDFKit.PDFStructureElement, words: string, top: number): void {
  const { doc } = l
  const boxWidth = 150
  const x = MARGINS.left + CONTENT_WIDTH - boxWidth
  const y = doc.y
  artifact(l, () => doc.lineWidth(1.5).strokeColor(INK).rect(x, top, boxWidth, 40).stroke())
  tag(l, sect, 'P', () => {
    use(l, 'regular', 8, MUTED).text('LEVEL', x + 10, top + 7, { width: boxWidth - 20, characterSpacing: 0.6, lineBreak: false })
    // the longest level ("Getting Risk Support") is set smaller rather than spilling out of the box
    let size = 12
    while (size > 8 && use(l, 'bold', size).widthOfString(words) > boxWidth - 20) size -= 0.5
    use(l, 'bold', size).text(words, x + 10, top + 19, { width: boxWidth - 20, lineBreak: false })
  })
  doc.y = y
}

function pupilSection(l: Layout, shown: Shown, p: PackPupil): void {
  const { doc } = l
  const sect = group(l, l.root, 'Sect')
  const top = doc.y
  const hidden = isWithheld(shown, p.label)
  pupilHeader(l, sect, p)
  if (hidden) {
    // the link team's copy of a safeguarding follow-up: these words and nothing else
    callout(l, sect, DSL_WORDS, null, 2)
    notes(l, sect)
    sect.end()
    return
  }
  const after = doc.y
  levelBox(l, sect, levelWords(p), top)
  doc.y = after
  if (p.dslItem) callout(l, sect, 'Safeguarding follow-up for the DSL', 'This pupil is on the agenda for a safeguarding follow-up. The link team’s copy says only that the DSL will update.', 2)

  heading(l, sect, 'On the agenda because', 2)
  if (p.agendaReasons.length) bullets(l, sect, p.agendaReasons)
  else paragraph(l, sect, 'Added by the lead.', { color: MUTED })

  heading(l, sect, 'At a glance', 2)
  for (const [label, value] of atAGlance(p)) field(l, sect, label, value)
  if (p.screeningReasons.length) fieldList(l, sect, 'Screening reasons', p.screeningReasons)

  if (p.sinceLast.length === 0) {
    heading(l, sect, 'Since last meeting', 2)
    paragraph(l, sect, 'No changes recorded since the last meeting.', { color: MUTED })
  } else {
    table(l, sect, [{ header: 'Measure', width: 28 }, { header: 'Then', width: 24 }, { header: 'Now', width: 24 }, { header: 'Change', width: 24 }],
      p.sinceLast.map((c) => [{ text: c.label, bold: true }, c.before ?? '—', c.now ?? '—', { text: c.change ? CHANGE_WORDS[c.change] : '—', bold: c.change === 'worse' }]), { title: 'Since last meeting' })
  }

  const d = p.lastDiscussion
  heading(l, sect, d ? `Last discussion: ${dateWords(d.date)}` : 'Last discussion', 2)
  if (!d) paragraph(l, sect, 'Not discussed before.', { color: MUTED })
  else {
    field(l, sect, 'Strengths', d.strengths ?? '—')
    field(l, sect, 'Concerns', d.concerns ?? '—')
    field(l, sect, 'Possible reasons', d.reasons ?? '—')
    field(l, sect, 'Advice', d.advice ?? '—')
    field(l, sect, 'Outcome', d.outcome ? OUTCOME_WORDS[d.outcome] : 'Not recorded')
  }

  if (p.actions.length === 0) {
    heading(l, sect, 'Actions', 2)
    paragraph(l, sect, 'No actions.', { color: MUTED })
  } else {
    table(l, sect, [{ header: 'Action', width: 44 }, { header: 'Owner', width: 18 }, { header: 'Due', width: 16 }, { header: 'Status', width: 22 }], actionRows(shown, p.actions, false, false), { title: 'Actions' })
  }

  // the heading moves to the next page with its chart rather than sit alone at the foot of a page
  ensure(l, 40 + (p.sdq.length ? SDQ_CHART_HEIGHT : 20))
  heading(l, sect, 'SDQ profile', 2)
  if (p.sdq.length === 0) paragraph(l, sect, 'No SDQ on record.', { color: MUTED })
  else sdqChart(l, sect, p.sdq)

  // the letter's own words only on an identified page, and only when the loader allowed them
  const excerpts = p.identified && p.letter?.excerpts ? p.letter.excerpts : []
  if (excerpts.length) {
    heading(l, sect, 'From the letter: marked excerpts', 2)
    for (const e of excerpts) quote(l, sect, e)
  }

  if (p.goals.length) {
    heading(l, sect, 'Goal ratings (0–10)', 2)
    for (const g of p.goals) goalChart(l, sect, g)
  }

  notes(l, sect)
  sect.end()
}

// the notes heading stays with its lines: at least four of them, or a fresh page of them
function notes(l: Layout, sect: PDFKit.PDFStructureElement): void {
  ensure(l, 36 + 4 * 22 + 4)
  heading(l, sect, 'Notes', 2)
  ruledLines(l, 4)
}

function quote(l: Layout, sect: PDFKit.PDFStructureElement, text: string): void {
  const { doc } = l
  use(l, 'regular', 10)
  ensure(l, doc.currentLineHeight(true) * 2)
  const top = doc.y
  const page = pageCount(l)
  paragraph(l, sect, `“${printable(text)}”`, { indent: 14, gapAfter: 0 })
  const bottom = doc.y
  if (pageCount(l) === page) artifact(l, () => doc.lineWidth(2.5).strokeColor(MUTED).moveTo(MARGINS.left + 3, top).lineTo(MARGINS.left + 3, bottom).stroke())
  doc.y = bottom + 8
}

function trackerSection(l: Layout, shown: Shown): void {
  const { data } = shown
  const sect = group(l, l.root, 'Sect')
  heading(l, sect, 'Action tracker', 1)
  paragraph(l, sect, 'Every action of the pupils on this agenda, with its owner, due date and status.', { size: 9, color: MUTED })
  if (data.tracker.length === 0) paragraph(l, sect, 'No actions yet.', { color: MUTED })
  else table(l, sect, TRACKER_COLUMNS, actionRows(shown, data.tracker, true, false))
  // rows to write in, as many as the page holds (at least six)
  const blank: Row[] = Array.from({ length: Math.max(6, Math.floor((CONTENT_BOTTOM - l.doc.y - 70) / 30)) }, () => ['', '', '', ''])
  table(l, sect, [{ header: 'Pupil', width: 18 }, { header: 'Action', width: 46 }, { header: 'Owner', width: 18 }, { header: 'Due', width: 18 }], blank, { title: 'New actions agreed today', minRowHeight: 30 })
  sect.end()
}
