// Invitation slips: one A5 page per pupil, in warm, pupil-facing words drawn from what the pupil wrote.
// A pure render function over fully loaded data: no database, no files (the fonts' paths are passed in).
// Never a reason code, a level or the word "intervention": pupils see an invitation, nothing else.

export interface InvitationSlip {
  /** the name the pupil goes by, e.g. "Ash Khan" */
  pupilName: string
  form: string | null
  schoolName: string
  opportunity: {
    name: string
    /** when it runs, in words: "Tuesdays at lunchtime" */
    when: string | null
    lead: string | null
    /** what the pupil will do, written for pupils */
    description: string | null
  }
  /** the pupil's own words about what they like, from their letter (at most a few) */
  youWrote: string[]
}

/** "drawing", "drawing and football", "drawing, football and music" */
export function wordsList(words: readonly string[]): string {
  const list = [...new Set(words.map((w) => w.trim()).filter(Boolean))].slice(0, 3)
  if (list.length <= 1) return list[0] ?? ''
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`
}

/** The sentences of one slip, in order: tested on their own, and what the page prints. */
export function slipLines(slip: InvitationSlip): { heading: string; opening: string; what: string; details: string[]; closing: string } {
  const liked = wordsList(slip.youWrote)
  const opening = liked
    ? `In your letter you wrote about ${liked}. We thought of you straight away for ${slip.opportunity.name}.`
    : `We would love you to come to ${slip.opportunity.name}. We think you will enjoy it.`
  const details = [slip.opportunity.when ? `When: ${slip.opportunity.when}` : null, slip.opportunity.lead ? `With: ${slip.opportunity.lead}` : null].filter((d): d is string => d !== null)
  return {
    heading: `An invitation for ${slip.pupilName}${slip.form ? ` (${slip.form})` : ''}`,
    opening,
    what: slip.opportunity.description ?? '',
    details,
    closing: 'You do not need to bring anything. Come along, and if you have a question, ask your form tutor.'
  }
}

/** Draws every slip, one A5 page each, on a document created with `autoFirstPage: false`. */
export function renderInvitationSlips(doc: PDFKit.PDFDocument, slips: readonly InvitationSlip[], fonts: { regular: string; bold: string }): void {
  for (const slip of slips) {
    doc.addPage({ size: 'A5', margin: 42 })
    const { width } = doc.page
    const left = doc.page.margins.left
    const inner = width - left - doc.page.margins.right
    const lines = slipLines(slip)
    doc.rect(0, 0, width, 12).fill('#f47738')
    doc.fillColor('#0b0c0c').font(fonts.regular).fontSize(10).text(slip.schoolName, left, 30, { width: inner })
    doc.moveDown(1.2)
    doc.font(fonts.bold).fontSize(20).text(lines.heading, { width: inner })
    doc.moveDown(0.8)
    doc.font(fonts.regular).fontSize(13).text(lines.opening, { width: inner, lineGap: 3 })
    doc.moveDown(0.8)
    doc.font(fonts.bold).fontSize(16).text(slip.opportunity.name, { width: inner })
    // a long description is cut with an ellipsis rather than running into the reply strip
    if (lines.what) doc.moveDown(0.3).font(fonts.regular).fontSize(12).text(lines.what, { width: inner, lineGap: 2, height: 90, ellipsis: true })
    doc.moveDown(0.6)
    for (const d of lines.details) doc.font(fonts.regular).fontSize(12).text(d, { width: inner })
    doc.moveDown(1)
    doc.font(fonts.regular).fontSize(12).text(lines.closing, { width: inner, lineGap: 2 })
    // a reply strip to hand back to the form tutor
    const top = doc.page.height - doc.page.margins.bottom - 110
    doc.lineWidth(1).strokeColor('#505a5f').dash(4, { space: 4 }).moveTo(left, top).lineTo(left + inner, top).stroke().undash()
    doc.font(fonts.bold).fontSize(11).text(`${slip.opportunity.name}: my reply`, left, top + 14, { width: inner })
    doc.font(fonts.regular).fontSize(10.5).text('I would like to come:   \u25a1 Yes    \u25a1 Maybe    \u25a1 Not this time', left, top + 36, { width: inner })
    doc.text(`Name: ${slip.pupilName}${slip.form ? `    Form: ${slip.form}` : ''}`, left, top + 58, { width: inner })
    doc.fillColor('#505a5f').fontSize(9).text('Give this part to your form tutor.', left, top + 80, { width: inner }).fillColor('#0b0c0c')
  }
}
