// The whole of a term's work in a real browser (Debian's Chromium via playwright-core), against a real
// Lantern listening on 127.0.0.1: a lead who is the school's DSL signs in with a second factor, imports
// a CTF and letters through the Imports page, handles the safeguarding alert a letter raised, reviews a
// letter, reads the dashboard, runs the opportunity allocation and prints the invitation slips, plans a
// supervision meeting and prints its pack; a link worker signs in with a second factor and sees a
// pseudonym, not the name, of a pupil whose consent is not recorded; a pastoral member is refused a
// lead page. axe-core checks every page visited (WCAG 2.2 A/AA and the `region` landmark rule): no
// serious or critical violations, and no `region` findings. Screenshots and the axe summary go to
// e2e-artifacts/ (kept by CI); the summary also refreshes docs/accessibility-results.json, which the
// accessibility statement is rendered from.
import t from 'tap'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { projectRoot } from '../../server/paths'
import { authenticatorCode, buildTestApp, createSchool, createUser, TEST_PASSWORD } from '../helper'
import { fixturesDir } from '../imports/helpers'
import { hasChromium, launch, watchProblems } from '../browser/browser'
import { AxeLog, writeJson } from './axe'

export const artifactsDir = join(projectRoot, 'e2e-artifacts')
export const resultsFile = join(projectRoot, 'docs', 'accessibility-results.json')

// The fixture's letters, with Amara's carrying words the analyser reads as a disclosure.
const LETTERS = readFileSync(join(fixturesDir, 'letters.csv'), 'utf8')
  .replace('Remember to be kind and try everything.', 'Sometimes I hurt myself when I am sad and nobody knows.')

if (!hasChromium) {
  // browser.ts throws instead when LANTERN_CI is set: in CI a missing browser is a failure
  t.comment('chromium is not installed (apt-get install chromium): the end-to-end journey was not run')
} else {
  t.test('a term in Lantern, end to end in a real browser', { timeout: 600_000 }, async (t) => {
    const started = Date.now()
    const app = await buildTestApp(t)
    const school = await createSchool(app, 'Lantern Academy')
    await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@e2e.test', name: 'Alex Lead' })
    await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@e2e.test', name: 'Lee Link' })
    await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'pastoral@e2e.test', name: 'Pat Pastoral' })
    const lunch = JSON.stringify([{ weekday: 4, start: '12:30', end: '13:15' }])
    await app.db.insertInto('opportunities').values([
      { school_id: school.id, name: 'Netball club', category: 'sport', capacity: 14, interests: ['netball'], needs: ['friendships'], slots: lunch, lead: 'Ms Carter' },
      { school_id: school.id, name: 'Art club', category: 'enrichment', capacity: 8, interests: ['art', 'drawing'], schedule: 'Tuesdays after school' },
      { school_id: school.id, name: 'Football', category: 'sport', capacity: 20, interests: ['football'], schedule: 'Fridays' }
    ]).execute()
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const base = `${address}/s/${school.urn}`

    rmSync(artifactsDir, { recursive: true, force: true })
    mkdirSync(artifactsDir, { recursive: true })
    const dir = mkdtempSync(join(tmpdir(), 'lantern-e2e-'))
    t.teardown(() => rmSync(dir, { recursive: true, force: true }))
    const letters = join(dir, 'letters.csv')
    writeFileSync(letters, LETTERS)

    const context = await launch(t)
    const page = await context.newPage()
    page.setDefaultTimeout(60_000)
    page.setDefaultNavigationTimeout(60_000)
    const problems = watchProblems(page)
    const log = new AxeLog()
    let shots = 0
    const axe = async (label: string, status: number | null = null) => {
      const result = await log.check(page, label, status)
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`)
      t.same(serious, [], `${label}: no serious or critical accessibility violations`)
      t.same(result.violations.filter((v) => v.id === 'region').map((v) => v.targets.join(', ')), [], `${label}: all content is inside landmarks`)
    }
    const shot = (name: string) => page.screenshot({ path: join(artifactsDir, `${String(++shots).padStart(2, '0')}-${name}.png`), fullPage: true })
    const visit = async (path: string, label = path) => {
      const res = await page.goto(`${address}${path}`)
      await axe(label, res?.status() ?? null)
      return res
    }
    const pdf = async (path: string) => {
      const res = await page.request.get(`${address}${path}`)
      const body = await res.body()
      return { status: res.status(), type: res.headers()['content-type'], magic: body.subarray(0, 5).toString('latin1'), size: body.length }
    }
    const signIn = async (p: Page, email: string) => {
      await visit('/login', 'sign in')
      await p.fill('#email', email)
      await p.fill('#password', TEST_PASSWORD)
      await Promise.all([p.waitForURL((u) => u.pathname !== '/login'), p.click('button[type=submit]')])
      t.equal(new URL(p.url()).pathname, '/login/code', `${email}: asked for the code from the authenticator app`)
      await axe('the second step of signing in')
      const user = await app.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
      await p.fill('#code', await authenticatorCode(app, user.id))
      await Promise.all([p.waitForURL((u) => u.pathname !== '/login/code'), p.click('button:has-text("Continue")')])
    }

    // ---- the lead and DSL: second factor, imports ----
    await signIn(page, 'lead@e2e.test')
    t.equal(page.url(), base, 'signed in with a password and a code, to the school')
    await visit(`/s/${school.urn}`, 'the dashboard, empty')
    await visit(`/s/${school.urn}/imports`, 'the Imports page')
    await page.setInputFiles('#file', [join(fixturesDir, 'ctf-sample.xml'), letters])
    await Promise.all([page.waitForURL(/\/imports\/sets\//), page.click('text=Upload and check')])
    t.match(await page.textContent('[data-lantern-set-summary]'), '2 files, 3 pupils and 3 letters')
    await axe('a set of files checked, ready to import')
    await shot('import-preview')
    await Promise.all([page.waitForURL(`${base}/imports`), page.click('text=Import all 2 files')])
    t.match(await page.textContent('main'), 'Imported 2 files together: 3 pupils and 3 letters.')
    await axe('the Imports page after an import')
    const amara = await app.db.selectFrom('pupils').select('id').where('school_id', '=', school.id).where('surname', '=', 'Okafor').executeTakeFirstOrThrow()

    // ---- as DSL: the safeguarding alert the letter raised ----
    await visit(`/s/${school.urn}/alerts`, 'safeguarding alerts')
    t.match(await page.textContent('main'), 'Okafor', 'the letter raised an alert for Amara')
    await Promise.all([page.waitForURL(/\/alerts\/\d+$/), page.click('main a[href*="/alerts/"]')])
    await axe('a safeguarding alert')
    await shot('safeguarding-alert')
    await page.locator('input[name=outcome]').first().check()
    await page.fill('#reason', 'Spoke with Amara and her mother the same morning; referred to the school nurse.')
    const alertPath = new URL(page.url()).pathname
    await Promise.all([page.waitForURL((u) => u.pathname === `/s/${school.urn}/alerts`), page.click('button:has-text("Save record")')])
    t.match(await page.textContent('main'), 'What was done is recorded', 'the outcome is recorded')
    t.match(await page.textContent('main'), 'No open alerts.', 'the alert is no longer waiting for a DSL')
    await axe('safeguarding alerts, after one is handled')
    await visit(alertPath, 'a safeguarding alert with its outcome')
    t.match(await page.textContent('main'), 'Spoke with Amara and her mother', 'the record shows what was done')
    const handled = await app.db.selectFrom('safeguarding_alerts').select(['outcome', 'handled_by']).where('pupil_id', '=', amara.id).executeTakeFirstOrThrow()
    t.ok(handled.outcome && handled.handled_by, 'the outcome and who recorded it are kept')

    // ---- a letter reviewed ----
    await visit(`/s/${school.urn}/letters`, 'the letters')
    await Promise.all([page.waitForURL(/\/letters\/\d+$/), page.locator('main a[href*="/letters/"]').first().click()])
    await axe('a letter')
    await shot('letter')
    await page.locator('input[name=concern]').first().check()
    await page.fill('#note', 'Read with the form tutor.')
    await page.click('button:has-text("Save review")')
    await page.waitForLoadState('networkidle')
    await axe('a letter after its review')
    const reviewed = await app.db.selectFrom('letters').select('id').where('review_note', '=', 'Read with the form tutor.').execute()
    t.equal(reviewed.length, 1, 'the review is saved')

    // ---- the dashboard and a pupil ----
    await visit(`/s/${school.urn}`, 'the dashboard')
    t.match(await page.textContent('main'), /3/, 'the dashboard counts the imported pupils')
    await shot('dashboard')
    await visit(`/s/${school.urn}/pupils`, 'the pupils')
    await visit(`/s/${school.urn}/pupils/${amara.id}`, 'a pupil’s profile')
    await shot('profile')

    // ---- opportunities: the allocation and the invitation slips ----
    await visit(`/s/${school.urn}/opportunities`, 'the opportunities')
    await visit(`/s/${school.urn}/opportunities/allocation`, 'the allocation, before a run')
    await Promise.all([page.waitForURL(`${base}/opportunities/allocation`), page.click('text=Run the allocation')])
    t.match(await page.textContent('main'), 'Allocation done')
    await axe('the allocation, with proposals')
    await shot('allocation')
    await Promise.all([page.waitForURL(`${base}/opportunities/allocation`), page.locator('main button:has-text("Offer")').first().click()])
    t.match(await page.textContent('main'), 'Offered. Print the invitation slip when you are ready.')
    await axe('the allocation, with a place offered')
    const slipsHref = await page.locator('main a[href*="slips.pdf"]').first().getAttribute('href')
    t.match(slipsHref, /\/opportunities\/slips\.pdf\?(placement|form)=/, 'the page links to the invitation slip')
    const slips = await pdf(slipsHref!)
    t.equal(slips.status, 200, 'the invitation slips print')
    t.match(slips.type, 'application/pdf')
    t.equal(slips.magic, '%PDF-', 'the slips are a PDF')

    // ---- consent to share recorded for Zofia, not for Amara ----
    const zofia = await app.db.selectFrom('pupils').select('id').where('school_id', '=', school.id).where('surname', '=', 'Nowak').executeTakeFirstOrThrow()
    await visit(`/s/${school.urn}/pupils/${zofia.id}/consent`, 'recording consent to share')
    await page.locator('input[name=given_by]').first().check()
    await page.fill('#given_by_name', 'Ms Nowak')
    await page.fill('#given_on_day', '20')
    await page.fill('#given_on_month', '11')
    await page.fill('#given_on_year', '2026')
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/consent')), page.click('main button[type=submit]')])
    await axe('after recording consent')
    const consent = await app.db.selectFrom('consent_events').select(['kind', 'given_by_name']).where('pupil_id', '=', zofia.id).execute()
    t.same(consent, [{ kind: 'given', given_by_name: 'Ms Nowak' }], 'consent to share is recorded for Zofia')

    // ---- supervision: a meeting planned with the link worker, its pack printed ----
    await visit(`/s/${school.urn}/supervision`, 'supervision')
    await visit(`/s/${school.urn}/supervision/meetings/new`, 'a new meeting')
    await page.fill('#meets_on', '2026-12-10')
    await page.fill('#meets_at', '15:30')
    await page.selectOption('#link_user_id', { label: 'Lee Link' })
    await Promise.all([page.waitForURL(/\/meetings\/\d+$/), page.click('text=Save the meeting')])
    const meetingPath = new URL(page.url()).pathname
    if (!(await page.locator('main table').textContent().catch(() => ''))?.includes('Okafor')) {
      await page.selectOption('#add-pupil', { label: (await page.locator('#add-pupil option', { hasText: 'Okafor' }).first().textContent())!.trim() })
      await page.fill('#add-reason', 'A disclosure in her letter to herself')
      await Promise.all([page.waitForURL((u) => u.pathname === meetingPath), page.click('text=Add to the agenda')])
    }
    if (!(await page.locator('main table').first().textContent())?.includes('Nowak')) {
      await page.selectOption('#add-pupil', { label: (await page.locator('#add-pupil option', { hasText: 'Nowak' }).first().textContent())!.trim() })
      await page.fill('#add-reason', 'Worried about making friends')
      await Promise.all([page.waitForURL((u) => u.pathname === meetingPath), page.click('text=Add to the agenda')])
    }
    t.match(await page.textContent('main'), 'Okafor', 'Amara is on the agenda')
    t.match(await page.textContent('main'), 'Nowak', 'Zofia is on the agenda')
    await axe('a planned meeting')
    await shot('meeting')
    const pack = await pdf(`${meetingPath}/pack.pdf`)
    t.equal(pack.status, 200, 'the meeting pack prints')
    t.equal(pack.magic, '%PDF-', 'the pack is a PDF')
    t.ok(pack.size > 1000, 'the pack has pages')
    await page.click('text=Sign out')
    await page.waitForURL(/\/login\?signed_out=1/)

    // ---- the link worker: second factor, pseudonyms without consent ----
    await signIn(page, 'link@e2e.test')
    t.equal(new URL(page.url()).pathname, '/supervision', 'a link worker lands on their supervision')
    await axe('the link worker’s home')
    await visit(meetingPath, 'the meeting as the link worker sees it')
    const seen = (await page.textContent('main'))!
    t.notMatch(seen, 'Okafor', 'no name without consent')
    t.notMatch(seen, 'Amara', 'no forename without consent')
    t.match(seen, /P-[23456789A-HJ-NP-Z]{4,8}/, 'a pseudonym instead')
    t.match(seen, 'Nowak', 'the name of a pupil whose consent to share is recorded')
    await shot('link-worker-meeting')
    const linkProfile = await visit(`/s/${school.urn}/pupils/${amara.id}`, 'a pupil’s profile, refused to a link worker')
    t.equal(linkProfile?.status(), 403, 'a link worker cannot open a pupil’s profile')
    await context.clearCookies()

    // ---- pastoral: refused a lead page ----
    await page.goto(`${address}/login`)
    await page.fill('#email', 'pastoral@e2e.test')
    await page.fill('#password', TEST_PASSWORD)
    await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.click('button[type=submit]')])
    if (new URL(page.url()).pathname === '/login/code') {
      const user = await app.db.selectFrom('users').select('id').where('email', '=', 'pastoral@e2e.test').executeTakeFirstOrThrow()
      await page.fill('#code', await authenticatorCode(app, user.id))
      await Promise.all([page.waitForURL((u) => u.pathname !== '/login/code'), page.click('button:has-text("Continue")')])
    }
    await visit(`/s/${school.urn}`, 'the dashboard as pastoral staff see it')
    for (const path of [`/s/${school.urn}/imports`, `/s/${school.urn}/staff`, `/s/${school.urn}/alerts`]) {
      const res = await visit(path, `${path.slice(path.lastIndexOf('/'))}, refused to pastoral staff`)
      t.equal(res?.status(), 403, `${path}: a pastoral member is refused a lead page`)
    }
    await shot('refused')

    // ---- the accessibility statement, public ----
    await context.clearCookies()
    await visit('/accessibility', 'the accessibility statement')
    await shot('accessibility-statement')

    t.same(problems.filter((p) => !/status of (403|422)/.test(p)), [], 'no console errors or blocked scripts')
    const summary = log.summary(Date.now() - started)
    t.ok(summary.pageCount >= 30, `${summary.pageCount} pages checked`)
    writeJson(join(artifactsDir, 'axe-results.json'), summary)
    // the statement's file: what was tested and found, without the run's own timing
    const { durationMs: _duration, pages: _pages, ...statement } = summary
    writeJson(resultsFile, { ...statement, pages: summary.pages.map((p) => ({ label: p.label, path: p.path, violations: p.violations })) })
    t.comment(`axe-core: ${summary.pageCount} pages, ${summary.rulesChecked.length} rules, violations by impact ${JSON.stringify(summary.violationsByImpact)}, ${Math.round(summary.durationMs / 1000)} s`)
  })
}
