// The screening pages with pupils on them, in a real browser: axe-core WCAG 2.2 A/AA checks and no console
// errors, for the dashboard, the list (filtered too), a profile with a marked letter and its form's errors,
// and the settings page.
import t from 'tap'
import { buildTestApp, createSchool, createUser } from '../helper'
import { loadPupils, pupilId } from '../screening/cohort'
import { axeViolations, hasChromium, launch, signIn, watchProblems } from './browser'

const LETTER = 'I like art club. I am scared of getting lost. I hurt myself when I am sad.'
const span = (s: string) => ({ text: s, start: LETTER.indexOf(s), end: LETTER.indexOf(s) + s.length })

if (!hasChromium) {
  t.comment('chromium is not installed (apt-get install chromium): browser checks not run')
} else {
  t.test('screening pages pass axe-core WCAG 2.2 AA checks, with no console errors', async (t) => {
    const app = await buildTestApp(t)
    const school = await createSchool(app, 'Axe Academy')
    const lead = await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@axe.test', name: 'Alex Lead' })
    await loadPupils(app.db, school.id, lead.id, [
      { n: 1, form: '7A', attendance: { possible: 380, absent: 40 }, ks2: { reading: '96', maths: '104', writing: 'EXS' }, sdq: { self: [7, 2, 5, 3, 6, 2], parent: [4, 1, 3, 1, 9, 0] } },
      { n: 2, form: '7B', letter: { text: LETTER, analysis: { concern: 'high', interests: [{ interest: 'art', ...span('art club') }], worries: [{ theme: 'getting_lost', ...span('getting lost') }], safeguarding: [{ category: 'self_harm', ...span('I hurt myself') }] } } },
      { n: 3, form: '7B', letter: { text: 'I am frightened of everything.', analysis: { concern: 'high' } } }
    ])
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const context = await launch(t)
    const page = await context.newPage()
    const problems = watchProblems(page)
    const axe = async (label: string) => t.same(await axeViolations(page), [], `${label}: no accessibility violations`)

    await signIn(page, address, app, 'lead@axe.test')
    t.equal(page.url(), `${address}/s/${school.urn}`, 'signed in with a password and a code')
    const profile = `/s/${school.urn}/pupils/${await pupilId(app.db, school.id, 2)}`
    for (const path of [`/s/${school.urn}`, `/s/${school.urn}/pupils`, `/s/${school.urn}/pupils?hidden=yes&sort=level&dir=desc`, profile, `/s/${school.urn}/pupils/${await pupilId(app.db, school.id, 1)}`, `/s/${school.urn}/screening/settings`]) {
      await page.goto(`${address}${path}`)
      await axe(path)
    }
    await page.goto(`${address}${profile}`)
    await page.click('text=Save level')
    await page.waitForLoadState('networkidle')
    t.match(await page.textContent('.govuk-error-summary'), 'Choose the level you have decided on')
    await axe('profile with errors')
    await page.goto(`${address}/s/${school.urn}/screening/settings`)
    await page.fill('#levels-getting_help', 'lots')
    await page.click('text=Save and re-screen')
    await page.waitForLoadState('networkidle')
    await axe('settings with errors')
    // the two refused forms answer 422 on purpose; the browser logs that as a failed load
    t.same(problems.filter((p) => !p.includes('status of 422')), [], 'no console errors or blocked scripts')
  })
}
