// The supervision pack: the pure render function over fixed PackData, read back as text.
import t from 'tap'
import { COPY_WORDS, DSL_WORDS, PLANNING_WORDS, meetingDateWords, printedWords, statusWords, yearWords } from '../../server/supervision/pack'
import { flat, renderToFile } from './pack-pdf'
import { action, packData, packPupil } from './pack-fixtures'

t.test('words: dates in full, overdue in words, form only when identified, printed in UK time', async (t) => {
  t.equal(meetingDateWords('2024-11-12'), 'Tuesday 12 November 2024')
  t.equal(meetingDateWords('not a date'), 'not a date')
  t.equal(statusWords({ status: 'open', overdue: true }), 'Open — overdue')
  t.equal(statusWords({ status: 'done', overdue: true }), 'Done', 'a done action is not overdue')
  const { school, link } = packPupil(0)
  t.equal(yearWords(school), 'Year 7 · Form 7N')
  t.equal(yearWords(link), 'Year 7')
  t.equal(yearWords({ ...link, form: '7N' }), 'Year 7', 'a pseudonymised pupil never shows a form')
  t.equal(yearWords({ ...link, yearGroup: null }), 'Year not recorded')
  const summer = { ...packData({ copy: 'school', pupils: 0 }), printedAt: new Date('2024-06-03T08:30:00Z') }
  t.equal(printedWords(summer), 'Printed by Ms Rita Patel on 3 June 2024 at 09:30')
})

t.test('the school copy: marked on every page, page x of y, contents that point at the right pages', async (t) => {
  const pack = await renderToFile(t, packData({ copy: 'school', pupils: 5 }))
  const info = pack.run('pdfinfo')
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
  t.equal(pack.pages.length, count)
  t.match(info, /Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/)
  t.match(info, /Title:\s+Supervision pack: Lantern Demo Academy, Tuesday 12 November 2024 \(School copy — identified\)/)
  t.match(info, /Author:\s+Lantern/)
  t.match(info, /Creator:\s+Lantern/)
  t.match(info, /Tagged:\s+yes/)
  pack.pages.forEach((page, i) => {
    t.equal(page.match(/^OFFICIAL-SENSITIVE$/gm)?.length, 2, `page ${i + 1} marked top and bottom`)
    t.match(page, `Page ${i + 1} of ${count}`)
    t.match(page, 'Printed by Ms Rita Patel on 11 November 2024 at 16:05')
    t.match(page, 'Lantern Demo Academy · Supervision 12 Nov 2024')
    t.match(page, 'School copy — identified')
  })
  t.match(pack.pages[0], COPY_WORDS.school)
  t.match(flat(pack.pages[0]!), 'Tuesday 12 November 2024, 15:30')
  t.match(pack.pages[0], 'Library meeting room')
  t.match(flat(pack.pages[0]!), 'Mrs Helen Frost Designated Safeguarding Lead')
  t.match(flat(pack.pages[0]!), 'Link worker Jo Byrne (CAMHS link worker)')
  t.match(flat(pack.pages[0]!), 'Cover Dr Amara Mensah')
  t.notMatch(pack.text, PLANNING_WORDS)

  // each pupil's own page opens with "On the agenda because": the contents must name that page
  const firstPages = pack.pages.flatMap((page, i) => (page.includes('On the agenda because') ? [i + 1] : []))
  t.equal(firstPages.length, 5)
  const contents = pack.layout[1]!
  t.match(contents, 'Contents')
  for (let i = 0; i < 5; i++) {
    const label = packPupil(i).school.label
    const line = contents.split('\n').find((l) => l.trim().startsWith(label))
    t.ok(line, `contents lists ${label}`)
    t.equal(Number(/(\d+)\s*$/.exec(line ?? '')?.[1]), firstPages[i], `${label} is on the page the contents give`)
    t.match(pack.pages[firstPages[i]! - 1], label)
  }
  const trackerLine = contents.split('\n').find((l) => l.trim().startsWith('Action tracker'))
  const trackerPage = pack.pages.findIndex((p) => p.includes('Every action of the pupils on this agenda')) + 1
  t.equal(Number(/(\d+)\s*$/.exec(trackerLine ?? '')?.[1]), trackerPage)
})

t.test('a pupil page shows the record in words', async (t) => {
  const data = packData({ copy: 'school', pupils: 2 })
  data.pupils[1] = { ...data.pupils[1]!, lastDiscussion: { ...data.pupils[1]!.lastDiscussion!, outcome: 'referral' } }
  const pack = await renderToFile(t, data)
  // a pupil's pages: from the one that opens with "On the agenda because" to the next pupil's
  const starts = pack.pages.flatMap((p, i) => (p.includes('On the agenda because') ? [i] : []))
  const khan = flat(pack.pages.slice(starts[0], starts[1]).join(' '))
  t.match(khan, 'Year 7 · Form 7N')
  t.match(khan, 'Getting Help')
  t.match(khan, 'Newly at Getting Help since 3 Nov')
  t.match(khan, 'SDQ emotional symptoms very high (self-report)')
  t.match(khan, '88.4% (this term); baseline 95.2%')
  t.match(khan, 'Reading 98 · Maths 104 · GPS — · Writing WTS')
  t.match(khan, 'Lunchtime art studio (placed): attended 4 of 6 sessions (67%)')
  t.match(khan, 'worries about friendships, sleep')
  t.match(khan, 'I get a funny feeling in my tummy', 'the marked excerpt, on the identified copy')
  t.match(khan, 'Attendance 94.1% 88.4% Worse')
  t.match(khan, 'Strengths Kind to others')
  t.match(khan, 'Outcome Strategies in school')
  t.match(khan, 'Open — overdue')
  t.match(khan, /Self-report.*Parent.*Teacher/)
  t.match(khan, 'very high')
  t.match(khan, 'Feel calm enough to come in on Monday mornings')
  t.match(khan, 'Ratings (out of 10): 3 → 5 → 6')
  t.match(khan, 'Notes')
  t.match(pack.text, 'Referral to the MHST or CAMHS')
  t.match(pack.text, 'Getting More Help', 'levels in words')
  t.notMatch(pack.text, /getting_|_help|close_to|in_progress/, 'no keys in print')
})

t.test('the link copy: pseudonyms, year only, themes not words, and a DSL item says only that the DSL will update', async (t) => {
  const pairs = [0, 1, 2, 3].map((i) => packPupil(i))
  const data = packData({ copy: 'link', pupils: 4 })
  const secret = 'Disclosed-to-form-tutor'
  const dsl = data.pupils[2]!
  // the loader would not fill these for a DSL item on the link copy: the renderer must not print them anyway
  data.pupils[2] = {
    ...dsl,
    dslItem: true,
    agendaReasons: [`${secret} reason`],
    screeningReasons: [`${secret} screening`],
    letter: { themes: [`${secret} theme`], excerpts: [`${secret} excerpt`] },
    lastDiscussion: { ...dsl.lastDiscussion!, concerns: `${secret} concern`, advice: `${secret} advice` },
    actions: [action(dsl.label, 0, { text: `${secret} action`, note: `${secret} note` })],
    goals: [{ goal: `${secret} goal`, ratings: [] }],
  }
  data.tracker.push(action(dsl.label, 1, { text: `${secret} tracked`, note: `${secret} tracked note` }))
  data.actionReview.push(action(dsl.label, 1, { text: `${secret} reviewed`, note: `${secret} reviewed note` }))
  data.recap!.items[2] = { pupil: dsl.label, advice: `${secret} recap advice`, actions: [{ text: `${secret} recap action`, owner: 'DSL', due: null }] }
  // a pseudonymised pupil with excerpts left in by mistake still shows only themes
  data.pupils[3] = { ...data.pupils[3]!, letter: { themes: ['sleep'], excerpts: pairs[3]!.school.letter!.excerpts } }
  const pack = await renderToFile(t, data)

  for (const page of pack.pages) t.match(page, 'Link team copy — pseudonymised')
  t.match(flat(pack.pages[0]!), COPY_WORDS.link)
  for (const pair of pairs) {
    t.match(pack.text, pair.link.label, `${pair.link.label} appears`)
    for (const s of pair.identifying) t.notMatch(pack.text, s, `nothing identifies ${pair.link.label}: ${s}`)
  }
  t.notMatch(pack.text, /Form 7[NSEW]/)
  t.notMatch(pack.text, secret, 'no detail of the DSL item anywhere')
  t.notMatch(pack.text, 'From the letter')
  const dslPage = pack.pages.find((p) => p.includes(dsl.label) && p.includes('Notes'))!
  t.match(dslPage, DSL_WORDS)
  t.notMatch(dslPage, /At a glance|SDQ|Attendance|Getting/)
  t.ok(pack.text.split(DSL_WORDS).length - 1 >= 5, 'agenda, recap, review, page and tracker each say only the generic words')
  t.match(pack.text, 'Pseudonymised: consent to share is not recorded.')
  t.match(pack.text, 'interests: drawing and football', 'the letter as its themes')
})

t.test('the school copy of a DSL item says it is one; a planning pack says it is a proposal', async (t) => {
  const data = packData({ copy: 'school', pupils: 2, status: 'planning' })
  data.pupils[0] = { ...data.pupils[0]!, dslItem: true }
  const pack = await renderToFile(t, data)
  t.match(flat(pack.pages[0]!), PLANNING_WORDS)
  t.match(pack.text, 'Proposed agenda')
  for (const page of pack.pages) t.match(page, 'Planning pack · School copy — identified')
  t.match(pack.text, 'Safeguarding follow-up for the DSL')
  t.match(pack.text, 'Newly at Getting Help since 3 Nov', 'the school sees why')
})

t.test('fonts embedded, tagged, in English, and a 40-pupil pack under 2 MB', async (t) => {
  const pack = await renderToFile(t, packData({ copy: 'link', pupils: 40 }))
  const fonts = pack.run('pdffonts').trim().split('\n').slice(2)
  t.ok(fonts.length >= 2)
  for (const row of fonts) t.match(row, /DejaVuSans.*CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/, `embedded subset: ${row}`)
  t.notMatch(fonts.join('\n'), /Helvetica|Times|Courier/)
  t.ok(pack.bytes < 2 * 1024 * 1024, `40 pupils: ${(pack.bytes / 1024).toFixed(0)} KB`)
  t.equal(pack.pages.filter((p) => p.includes('On the agenda because')).length, 40)
  const catalog = pack.run('pdfinfo', '-meta') + pack.run('pdfinfo', '-struct')
  t.match(catalog, 'Document')
  t.match(catalog, /TOC/)
  t.match(catalog, /Table/)
  t.match(catalog, /Figure/)
  t.match(pack.raw, '/Lang (en-GB)')
  t.match(pack.raw, '/DisplayDocTitle true')
  t.match(pack.raw, '/MarkInfo')
})
