// The catalogue pages in a real browser: axe-core WCAG 2.2 A/AA checks and no console errors, for the
// list (with a clash, a time not set and an archived opportunity), the form, and the form's errors.
import t from 'tap'
import { buildTestApp, createSchool, createUser } from '../helper'
import { axeViolations, hasChromium, launch, signIn, watchProblems } from './browser'

if (!hasChromium) {
  t.comment('chromium is not installed (apt-get install chromium): browser checks not run')
} else {
  t.test('catalogue pages pass axe-core WCAG 2.2 AA checks, with no console errors', async (t) => {
    const app = await buildTestApp(t)
    const school = await createSchool(app, 'Axe Academy')
    await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@axe.test', name: 'Alex Lead' })
    await app.db.insertInto('pupils').values([{ school_id: school.id, upn: 'B801200005001', surname: 'Okafor', forename: 'Amara', dob: '2015-01-01', form: '7A' }]).execute()
    const lunch = JSON.stringify([{ weekday: 4, start: '12:30', end: '13:15' }])
    await app.db.insertInto('opportunities').values([
      { school_id: school.id, name: 'Netball club', category: 'sport', capacity: 14, min_places: 8, interests: ['netball'], needs: ['friendships'], slots: lunch, lead: 'Ms Carter' },
      { school_id: school.id, name: 'Book club', category: 'enrichment', capacity: 8, slots: lunch, pupil_description: 'Choose the books.' },
      { school_id: school.id, name: 'Buddy walk', category: 'mentoring', capacity: 10, schedule: 'First half term' },
      { school_id: school.id, name: 'Old club', category: 'sport', capacity: 10, archived_at: new Date() }
    ]).execute()
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const context = await launch(t)
    const page = await context.newPage()
    const problems = watchProblems(page)
    const axe = async (label: string) => t.same(await axeViolations(page), [], `${label}: no accessibility violations`)

    await signIn(page, address, app, 'lead@axe.test')
    t.equal(page.url(), `${address}/s/${school.urn}`, 'signed in with a password and a code')
    const base = `/s/${school.urn}/opportunities`
    const netball = await app.db.selectFrom('opportunities').select('id').where('name', '=', 'Netball club').executeTakeFirstOrThrow()
    for (const path of [base, `${base}/new`, `${base}/${netball.id}/edit`]) {
      await page.goto(`${address}${path}`)
      await axe(path)
    }
    await page.goto(`${address}${base}`)
    t.match(await page.textContent(`#opportunity-${netball.id}`), 'Clashes with Book club')
    await page.goto(`${address}${base}/new`)
    await page.fill('#capacity', '3')
    await page.fill('#min_places', '5')
    await page.selectOption('#slot1_day', '2')
    await page.fill('#slot1_start', '16:00')
    await page.fill('#slot1_end', '15:00')
    await page.click('text=Add opportunity')
    await page.waitForLoadState('networkidle')
    t.match(await page.textContent('.govuk-error-summary'), 'Enter the opportunity’s name')
    await page.click('.govuk-error-summary a[href="#slot1_end"]')
    t.equal(await page.evaluate(() => document.activeElement?.id), 'slot1_end', 'the summary link moves to its field')
    await axe('the form with errors')

    // each pupil's opportunity: empty, after the allocation, and a register
    await page.goto(`${address}${base}/allocation`)
    await axe('the allocation page before a run')
    await page.click('text=Run the allocation')
    await page.waitForURL(`${address}${base}/allocation`)
    t.match(await page.textContent('main'), 'Allocation done: 1 pupil has a proposal')
    await axe('the allocation page with proposals')
    const placement = await app.db.selectFrom('placements').select('id').executeTakeFirstOrThrow()
    await app.db.updateTable('placements').set({ status: 'active' }).where('id', '=', placement.id).execute()
    await page.goto(`${address}${base}/placements/${placement.id}/register`)
    await axe('the register')
    await page.goto(`${address}${base}/outcomes`)
    await axe('the outcomes page')
    t.same(problems.filter((p) => !p.includes('status of 422')), [], 'no console errors or blocked scripts')
  })
}
