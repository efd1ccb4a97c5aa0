// The cluster overview in a real browser: axe-core WCAG 2.2 AA checks of the overview and of the
// refusal a cluster membership meets at a school's page, with no console errors.
import t from 'tap'
import { rescreenSchool } from '../../server/screening/service'
import { buildTestApp, createSchool, createUser } from '../helper'
import { loadPupils } from '../screening/cohort'
import { axeViolations, hasChromium, launch, signIn, watchProblems } from './browser'

if (!hasChromium) {
  t.comment('chromium is not installed (apt-get install chromium): browser checks not run')
} else {
  t.test('the cluster overview and its refusals pass axe-core checks', async (t) => {
    const app = await buildTestApp(t)
    const a = await createSchool(app, 'Axe Academy')
    const b = await createSchool(app, 'Birch Trust School')
    for (const s of [a, b]) {
      await loadPupils(app.db, s.id, null, [
        { n: 1, attendance: { possible: 380, absent: 150 } },
        { n: 2, ks2: { reading: '110', maths: '110', writing: 'GDS' }, attendance: { possible: 380, absent: 0 }, letter: { text: 'I am so worried.', analysis: { concern: 'high' } } }
      ])
      await rescreenSchool(app.db, s.id)
    }
    await createUser(app, [{ schoolId: a.id, role: 'lead' }, { schoolId: b.id, role: 'cluster' }], { email: 'officer@axe.test' })
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const context = await launch(t)
    const page = await context.newPage()
    const problems = watchProblems(page)

    await signIn(page, address, app, 'officer@axe.test')
    t.equal(page.url(), `${address}/cluster`, 'signed in with a password and a code, to the overview')
    t.match(await page.textContent('h1'), 'Cluster overview')
    t.same(await axeViolations(page), [], '/cluster: no accessibility violations')
    t.equal(await page.locator('#cluster-schools tbody tr').count(), 2)
    t.ok(await page.locator('svg[role="img"]').isVisible(), 'the chart is drawn')

    await page.click(`a[href="/s/${a.urn}"]`)
    await page.waitForURL(`${address}/s/${a.urn}`)
    t.ok(await page.locator('a[href="/cluster"]').isVisible(), 'the overview is in the nav')

    t.same(problems, [], 'no console errors or blocked scripts')

    const refused = await page.goto(`${address}/s/${b.urn}/pupils`)
    t.equal(refused?.status(), 403)
    t.match(await page.textContent('main'), 'Your access to this school is the cluster overview')
    t.same(await axeViolations(page), [], 'the refusal: no accessibility violations')
    // the browser reports the 403 itself; nothing else may go wrong
    t.same(problems.filter((p) => !p.includes('status of 403')), [], 'no other console errors')
  })
}
