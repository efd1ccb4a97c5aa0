// Invitation slips: the pure render function over a fixed object, turned into text as a reader sees it.
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { PDF_FONTS } from '../../server/platform/fonts'
import { renderInvitationSlips, slipLines, wordsList, type InvitationSlip } from '../../server/opportunities/slips'

const slip: InvitationSlip = {
  pupilName: 'Zoë Łukasiewicz-Ó Briain',
  form: '7N',
  schoolName: 'Lantern Demo Academy',
  opportunity: { name: 'Lunchtime art studio', when: 'Mondays and Wednesdays at lunchtime', lead: 'Ms Patel', description: 'A calm room to draw and paint with other Year 7s.' },
  youWrote: ['drawing', 'painting']
}

async function pdf(slips: InvitationSlip[]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: 'Invitations' } })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))
  renderInvitationSlips(doc, slips, PDF_FONTS)
  doc.end()
  await done
  return Buffer.concat(chunks)
}

t.test('warm words from what the pupil wrote; never a level, a code or "intervention"', async (t) => {
  const lines = slipLines(slip)
  t.equal(lines.heading, 'An invitation for Zoë Łukasiewicz-Ó Briain (7N)')
  t.equal(lines.opening, 'In your letter you wrote about drawing and painting. We thought of you straight away for Lunchtime art studio.')
  t.same(lines.details, ['When: Mondays and Wednesdays at lunchtime', 'With: Ms Patel'])
  const quiet = slipLines({ ...slip, youWrote: [], opportunity: { ...slip.opportunity, when: null, lead: null } })
  t.match(quiet.opening, 'We would love you to come to Lunchtime art studio')
  t.same(quiet.details, [])
  t.equal(wordsList(['art', 'art', 'football', 'music', 'drama']), 'art, football and music')
})

t.test('the PDF has one A5 page per pupil, prints every name, and says nothing a pupil should not see', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-slips-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'slips.pdf')
  writeFileSync(file, await pdf([slip, { ...slip, pupilName: 'Sam Whitfield', youWrote: [] }]))
  const info = execFileSync('pdfinfo', [file]).toString()
  t.match(info, /Pages:\s+2/)
  t.match(info, /Page size:\s+419\.5\d* x 595\.2\d* pts/, 'A5')
  const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ')
  t.match(text, 'An invitation for Zoë Łukasiewicz-Ó Briain (7N)')
  t.match(text, 'An invitation for Sam Whitfield')
  t.match(text, 'In your letter you wrote about drawing and')
  t.match(text, 'With: Ms Patel')
  t.notMatch(text, /intervention|getting[ _]help|thriving|risk support|[A-Z]+_[A-Z_]+|SDQ|safeguard/i)
})
