// The import page in a real browser with several files chosen at once: the set's preview (clean and
// with a bad file) passes axe-core WCAG 2.2 A/AA checks with no console errors, the error summary
// reaches the file's problems, and one click imports the set.
import t from 'tap'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildTestApp, createSchool, createUser } from '../helper'
import { fixturesDir } from '../imports/helpers'
import { axeViolations, hasChromium, launch, signIn, watchProblems } from './browser'

if (!hasChromium) {
  t.comment('chromium is not installed (apt-get install chromium): browser checks not run')
} else {
  t.test('a set of files: upload, preview, problems and import, accessible', async (t) => {
    const app = await buildTestApp(t)
    const school = await createSchool(app, 'Axe Academy')
    await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@axe.test', name: 'Alex Lead' })
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const context = await launch(t)
    const page = await context.newPage()
    const problems = watchProblems(page)
    const axe = async (label: string) => t.same(await axeViolations(page), [], `${label}: no accessibility violations`)
    const dir = mkdtempSync(join(tmpdir(), 'lantern-set-'))
    const bad = join(dir, 'bad-letters.csv')
    writeFileSync(bad, 'upn,written_on,letter\nNOT-A-UPN,2026-07-01,hello\n')

    await signIn(page, address, app, 'lead@axe.test')
    t.equal(page.url(), `${address}/s/${school.urn}`, 'signed in with a password and a code')
    const imports = `${address}/s/${school.urn}/imports`
    const upload = async (files: string[]) => {
      await page.goto(imports)
      await page.setInputFiles('#file', files)
      await Promise.all([page.waitForURL(/\/imports\/sets\//), page.click('text=Upload and check')])
    }

    await upload([join(fixturesDir, 'letters.csv'), bad, join(fixturesDir, 'ctf-sample.xml')])
    t.match(await page.textContent('h1'), 'These files cannot be imported yet')
    await axe('a set with a bad file')
    await page.click('.govuk-error-summary a')
    t.equal(await page.evaluate(() => location.hash), '#file-3-problems', 'the summary link goes to the bad file')

    await upload([join(fixturesDir, 'letters.csv'), join(fixturesDir, 'ctf-sample.xml')])
    t.match(await page.textContent('[data-lantern-set-summary]'), '2 files, 3 pupils and 3 letters; nothing is written until you confirm.')
    t.same(await page.$$eval('.lantern-set tbody a', (as) => as.map((a) => a.textContent)), ['ctf-sample.xml', 'letters.csv'], 'in import order')
    await axe('a set ready to import')
    await Promise.all([page.waitForURL(imports), page.click('text=Import all 2 files')])
    t.match(await page.textContent('main'), 'Imported 2 files together: 3 pupils and 3 letters.')
    await axe('the history after a set')
    t.same(problems, [], 'no console errors or blocked scripts')
  })
}
