// Supervision in a real browser: axe-core WCAG 2.2 A/AA checks and no console errors on the index,
// term dates, the meeting form (and its errors), a planned and a started meeting, a pupil's record
// and the link worker's home; a lead plans, starts and records through the pages as they are clicked.
import t from 'tap'
import { rescreenSchool } from '../../server/screening/service'
import { buildTestApp, createSchool, createUser } from '../helper'
import { loadPupils, pupilId } from '../screening/cohort'
import { axeViolations, hasChromium, launch, signIn, watchProblems } from './browser'

if (!hasChromium) {
  t.comment('chromium is not installed (apt-get install chromium): browser checks not run')
} else {
  t.test('supervision pages pass axe-core WCAG 2.2 AA checks, with no console errors', async (t) => {
    const app = await buildTestApp(t)
    const school = await createSchool(app, 'Axe Academy')
    const lead = await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@axe.test', name: 'Alex Lead' })
    await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@axe.test', name: 'Lee Link' })
    await loadPupils(app.db, school.id, lead.id, [
      { n: 1, surname: 'Okafor', forename: 'Amara', socialCare: 'CP', sen: 'E', sdq: { self: [8, 5, 9, 6, 3, 4] } },
      { n: 2, surname: 'Lindqvist', forename: 'Tove', attendance: { possible: 1000, absent: 550 } }
    ])
    await rescreenSchool(app.db, school.id)
    const amara = await pupilId(app.db, school.id, 1)
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const context = await launch(t)
    const page = await context.newPage()
    const problems = watchProblems(page)
    const axe = async (label: string) => t.same(await axeViolations(page), [], `${label}: no accessibility violations`)
    const signInAs = (email: string) => signIn(page, address, app, email)

    await signInAs('lead@axe.test')
    const base = `/s/${school.urn}/supervision`
    for (const path of [base, `${base}/terms`, `${base}/meetings/new`]) {
      await page.goto(`${address}${path}`)
      await axe(path)
    }
    await page.fill('#meets_on', 'soon')
    await page.click('text=Save the meeting')
    await page.waitForLoadState('networkidle')
    t.match(await page.textContent('.govuk-error-summary'), 'Enter the date of the meeting')
    await axe('the meeting form with errors')
    await page.fill('#meets_on', '2026-11-10')
    await page.click('text=Save the meeting')
    await page.waitForURL(/\/meetings\/\d+$/)
    const meetingUrl = page.url()
    t.match(await page.textContent('main'), 'Okafor')
    await axe('a planned meeting')
    await page.click('text=Start the meeting')
    await page.waitForURL(meetingUrl)
    await axe('a started meeting')
    await page.goto(`${meetingUrl}/pupils/${amara}`)
    await axe('a pupil’s record')
    await page.fill('#strengths', 'Kind to others')
    await page.fill('#advice', 'A named adult at the gate')
    await page.check('#outcome-strategies')
    await page.click('text=Save the record')
    await page.waitForLoadState('networkidle')
    t.match(await page.textContent('main'), 'Saved to the record')
    await page.fill('#description', 'Meet at the gate each morning')
    await page.fill('#owner_name', 'Form tutor')
    await page.click('text=Agree the action')
    await page.waitForLoadState('networkidle')
    t.match(await page.textContent('main'), 'Meet at the gate each morning')
    await axe('a pupil’s record with an action')

    await context.clearCookies()
    await signInAs('link@axe.test')
    t.equal(new URL(page.url()).pathname, '/supervision', 'a link worker lands on their supervision')
    await axe('the link worker’s home')
    await page.goto(meetingUrl)
    await axe('the meeting as the link worker sees it')
    t.notMatch(await page.textContent('main'), 'Okafor', 'pseudonyms, not names, without consent')
    t.same(problems.filter((p) => !p.includes('status of 422')), [], 'no console errors or blocked scripts (the form with errors answers 422)')
  })
}
