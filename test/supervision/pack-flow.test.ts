// The pack's flow: long tables never split a row and repeat their header, long text runs onto a
// continuation page under the pupil's label, any Unicode prints or is dropped without an error, and
// the tagged structure reads in order without the repeated furniture.
import t from 'tap'
import { action, packData, packPupil } from './pack-fixtures'
import { flat, renderToFile } from './pack-pdf'

t.test('a long action tracker: every row on one page, the header on every page of it', async (t) => {
  const data = packData({ copy: 'school', pupils: 1 })
  const filler = 'so that the plan is shared with home and the form tutor knows what to look out for '
  data.tracker = Array.from({ length: 90 }, (_, r) => action(`Pupil R${r}P`, r, {
    text: `R${r}Astart ${filler.repeat(1 + (r % 4))}R${r}Aend`,
    owner: `Owner R${r}O`,
    note: r % 3 === 0 ? `R${r}Nstart ${filler.repeat(r % 5)}R${r}Nend` : null,
  }))
  const pack = await renderToFile(t, data)
  const pageOf = (token: string) => {
    const pages = pack.pages.flatMap((p, i) => (flat(p).includes(token) ? [i] : []))
    return pages.length === 1 ? pages[0] : -1
  }
  const trackerPages = new Set<number>()
  for (let r = 0; r < 90; r++) {
    const page = pageOf(`R${r}Astart`)
    t.not(page, -1, `row ${r} starts on one page`)
    const cells = [`R${r}P`, `R${r}Aend`, `R${r}O`, ...(r % 3 === 0 ? [`R${r}Nstart`, `R${r}Nend`] : [])]
    t.same(cells.map(pageOf), cells.map(() => page), `row ${r}: every cell on page ${page! + 1}`)
    trackerPages.add(page!)
  }
  t.ok(trackerPages.size >= 4, `the tracker runs over ${trackerPages.size} pages`)
  for (const page of trackerPages) {
    t.match(flat(pack.pages[page]!), /Pupil Action Owner Due Status/, `header on page ${page + 1}`)
  }
  const later = [...trackerPages].slice(1)
  for (const page of later) t.match(pack.pages[page], 'Action tracker — continued')
  // tokens hold no hyphen: pdfkit may break a line at one and pdftotext then joins the word without it
  // the repeated header is furniture: the tagged table has one header row
  const tracker = pack.run('pdfinfo', '-struct-text').split('"Action tracker"')[1]!.split('"New actions agreed today"')[0]!
  t.equal(tracker.match(/TH:/g)?.length, 5, 'one tagged header row, five header cells')
})

t.test('long text runs onto a continuation page under the pupil’s label', async (t) => {
  const data = packData({ copy: 'link', pupils: 2 })
  const label = data.pupils[1]!.label
  const long = Array.from({ length: 120 }, (_, i) => `Sentence ${i + 1} of what was said about mornings at home.`).join(' ')
  data.pupils[1] = { ...data.pupils[1]!, lastDiscussion: { ...data.pupils[1]!.lastDiscussion!, concerns: `${long} The end of the concerns.` } }
  const pack = await renderToFile(t, data)
  const first = pack.pages.findIndex((p) => p.includes('Sentence 1 of'))
  const last = pack.pages.findIndex((p) => p.includes('The end of the concerns.'))
  t.ok(last > first, `the concerns run from page ${first + 1} to page ${last + 1}`)
  for (let p = first + 1; p <= last; p++) t.match(pack.pages[p], `${label} — continued`)
  t.match(flat(pack.text), 'Sentence 59 of what was said about mornings at home. Sentence 60 of', 'nothing lost at the page break')
  t.match(pack.pages[last], 'Possible reasons')
})

t.test('names in Greek, Cyrillic and accented Latin print and copy; what the fonts cannot set is not an error', async (t) => {
  const data = packData({ copy: 'school', pupils: 4 })
  data.pupils[0] = {
    ...data.pupils[0]!,
    label: 'Ó Súilleabháin, Zoë-Łucja',
    lastDiscussion: { ...data.pupils[0]!.lastDiscussion!, strengths: 'Tab\there, bell\u0007 and a lone \uD800 surrogate; 漢字 and 😀 too; e\u0301 combines.' },
  }
  const pack = await renderToFile(t, data)
  t.match(pack.text, 'Ó Súilleabháin, Zoë-Łucja')
  t.match(pack.text, 'Παπαδόπουλος, Νίκος')
  t.match(pack.text, 'Иванова, Дарья')
  t.match(pack.text, 'Tab here, bell and a lone surrogate;')
  t.match(pack.text, 'é combines', 'combining marks are composed')
})

t.test('the tagged structure reads in order: section by section, pupil by pupil', async (t) => {
  const pack = await renderToFile(t, packData({ copy: 'school', pupils: 3 }))
  const struct = pack.run('pdfinfo', '-struct-text')
  const order = ['"Lantern Demo Academy"', '"Contents"', '"Last meeting: Tuesday 15 October 2024"', '"Agenda"', `"${packPupil(0).school.label}"`, '"On the agenda because"', '"SDQ profile"', `"${packPupil(1).school.label}"`, '"Action tracker"']
  const at = order.map((s) => struct.indexOf(`H1 (block)\n      ${s}`) >= 0 ? struct.indexOf(`H1 (block)\n      ${s}`) : struct.indexOf(s))
  t.notOk(at.includes(-1), 'every heading is tagged')
  t.same([...at].sort((a, b) => a - b), at, 'in reading order')
  t.notMatch(struct, 'OFFICIAL-SENSITIVE"\n', 'the marking is page furniture')
  t.notMatch(struct, /Page \d+ of \d+/, 'so is the page number')
  t.notMatch(struct, '— continued', 'and the continuation heading')
  t.match(pack.raw, '/Alt (SDQ profile. Emotional symptoms: Self-report 8 of 10, very high; Parent 5 of 10, high', 'the chart read out in words')
})

t.test('a sparse pack: nothing recorded yet reads as such, and nothing is left blank', async (t) => {
  const base = packData({ copy: 'school', pupils: 3, status: 'planning' })
  const bare = {
    ...base.pupils[0]!,
    yearGroup: null, level: null, agendaReasons: [], screeningReasons: [], sdq: [], letter: null, opportunity: null, sinceLast: [],
    lastDiscussion: null, actions: [], goals: [],
    attendance: { percent: null, period: null, baseline: null }, ks2: { reading: null, maths: null, gps: null, writing: null },
  }
  const odd = {
    ...base.pupils[1]!,
    opportunity: { name: 'Chess club', status: 'invited', sessions: 0, attended: 0 },
    attendance: { percent: 91, period: null, baseline: null },
    letter: { themes: [], excerpts: ['A first marked excerpt. '.repeat(4), 'Another.'] },
    sinceLast: [{ label: 'Placement', before: null, now: null, change: null }],
    lastDiscussion: { date: '2024-10-15', strengths: null, concerns: null, reasons: null, advice: null, outcome: null },
    actions: [action(null, 0, { due: null, text: 'An action that is '.repeat(400) })],
    goals: [{ goal: 'Join in at lunchtime', ratings: [{ date: '2024-10-15', score: 4 }] }, { goal: 'Sleep before ten', ratings: [] }],
    sdq: [...base.pupils[1]!.sdq, ...base.pupils[1]!.sdq],
  }
  const pack = await renderToFile(t, {
    ...base,
    school: { name: 'The Very Long Named Church of England Voluntary Aided Multi-Academy Trust Secondary School of Saint Aldhelm and All Angels', urn: '100002' },
    meeting: { ...base.meeting, time: null, location: null, linkWorker: null, cover: null },
    attendees: [],
    recap: null,
    actionReview: [],
    tracker: [],
    pupils: [bare, odd, { ...base.pupils[2]!, opportunity: { name: 'Art', status: 'placed', sessions: 1, attended: 1 } }],
  })
  const text = pack.text
  for (const words of ['Location not recorded', 'Not named yet', 'None named', 'No attendees recorded yet.', 'No previous meeting is recorded.', 'No open actions to review.',
    'Year not recorded', 'No level yet', 'Added by the lead.', 'No changes recorded since the last meeting.', 'Not discussed before.', 'No actions.', 'No SDQ on record.',
    'None at present', 'Not recorded', 'No actions yet.', 'no sessions on the register yet', 'attended 1 of 1 session (100%)', 'No date', 'Ratings (out of 10): No ratings yet',
    'Ratings (out of 10): 4', 'Another.']) {
    t.match(text, words)
  }
  t.match(pack.pages[1], 'The Very Long Named Church of England', 'a long school name is cut in the header, never the copy')
  t.match(pack.pages[1], '…')
  t.match(pack.pages[1], 'School copy — identified')
  const cut = pack.pages.filter((p) => p.includes('An action that is'))
  t.equal(cut.length, 1, 'a row taller than a page stays on one page')
  t.match(flat(cut[0]!), /An action that is …/, 'cut at a word, with an ellipsis')
})
