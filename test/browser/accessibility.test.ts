// Every platform page through a real browser: signed in through the form, checked with axe-core
// (WCAG 2.2 A/AA rules), no console errors (the CSP blocks any inline script), keyboard skip link.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { generate } from 'otplib'
import { authenticatorCode, buildTestApp, createSchool, createUser, TEST_PASSWORD } from '../helper'
import { hasChromium, launch } from './browser'

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

if (!hasChromium) {
  // .ci/run installs Debian's chromium; on a machine without it these checks cannot run.
  t.comment('chromium is not installed (apt-get install chromium): browser checks not run')
} else {
  t.test('platform pages pass axe-core WCAG 2.2 AA checks, with no console errors', async (t) => {
    const app = await buildTestApp(t)
    const school = await createSchool(app, 'Axe Academy')
    const other = await createSchool(app, 'Second School')
    const lead = await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }, { schoolId: other.id, role: 'lead' }], { email: 'lead@axe.test', name: 'Alex Lead' })
    await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'new@axe.test', name: 'Nia New', secondFactor: false })
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const context = await launch(t)
    const page = await context.newPage()
    const problems: string[] = []
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    page.on('pageerror', (e) => problems.push(e.message))

    async function check(path: string) {
      const res = await page.goto(`${address}${path}`)
      // evaluated by the test harness: the page's own CSP still forbids inline script
      await page.evaluate(axeSource)
      const result = await page.evaluate(async () => {
        const axe = (globalThis as any).axe
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
        return r.violations.map((v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
      })
      t.same(result, [], `${path}: no accessibility violations`)
      return res
    }

    // first sign-in of a link worker: the authenticator app is set up from the QR code's key, then the recovery codes
    await check('/login')
    await page.fill('#email', 'new@axe.test')
    await page.fill('#password', TEST_PASSWORD)
    await page.click('button[type=submit]')
    await page.waitForURL(`${address}/login/enrol`)
    await check('/login/enrol')
    t.ok(await page.isVisible('img.lantern-qr'), 'the QR code is shown (the CSP allows it)')
    await page.click('summary')
    const key = (await page.textContent('#secret'))!.replace(/\s/g, '')
    await page.fill('#code', await generate({ secret: key }))
    await page.click('button:has-text("Turn on the second step")')
    await page.waitForSelector('#recovery-codes')
    t.same((await page.evaluate(axeSource).then(() => page.evaluate(async () => (await (globalThis as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations.map((v: any) => v.id)))), [], 'recovery codes page: no accessibility violations')
    t.equal(await page.locator('#recovery-codes li').count(), 10)
    await page.click('text=Continue to Lantern')
    await page.waitForURL(`${address}/supervision`)
    await page.click('text=Sign out')
    await page.waitForURL(/\/login\?signed_out=1/)

    await page.fill('#email', 'lead@axe.test')
    await page.fill('#password', TEST_PASSWORD)
    await page.click('button[type=submit]')
    await page.waitForURL(`${address}/login/code`)
    await check('/login/code')
    await page.fill('#code', await authenticatorCode(app, lead.id))
    await page.click('button:has-text("Continue")')
    await page.waitForURL(`${address}/`)
    t.match(await page.textContent('h1'), 'Choose a school')
    for (const path of ['/', `/s/${school.urn}`, `/s/${school.urn}/staff`, `/s/${school.urn}/audit`, '/account', '/account/password']) {
      await check(path)
    }
    t.same(problems, [], 'no console errors or blocked scripts')
    t.equal((await check('/no-such-page'))?.status(), 404)
    // the first Tab reaches the skip link
    await page.goto(`${address}/s/${school.urn}`)
    await page.keyboard.press('Tab')
    t.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to main content')
  })
}
