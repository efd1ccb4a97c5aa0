// The accessibility statement: public, linked from every page's footer, rendered from the checked-in
// axe-core results of the browser journey (docs/accessibility-results.json), and writing nothing.
import t from 'tap'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KNOWN_EXCEPTIONS, readResults, RESULTS_FILE, statementModel } from '../../server/platform/accessibility'
import { buildTestApp, createSchool, createUser, signedIn } from '../helper'

const results = {
  tool: 'axe-core 4.14.0',
  standard: 'WCAG 2.2 AA',
  testedAt: '2026-12-01T10:00:00.000Z',
  pageCount: 2,
  paths: ['/login', '/s/:urn'],
  rulesChecked: ['color-contrast', 'region'],
  violationsByImpact: { minor: 0, moderate: 1, serious: 0, critical: 0 },
  violationsByRule: { 'landmark-unique': 1 }
}

t.test('the page is public, states WCAG 2.2 AA from the results file, and stores nothing', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: '/accessibility', headers: { accept: 'text/html' } })
  t.equal(res.statusCode, 200)
  t.notOk(String(res.headers['set-cookie'] ?? '').includes('lantern_session='), 'no session for a visitor')
  t.match(res.body, '<h1 class="govuk-heading-l">Accessibility statement</h1>')
  t.match(res.body, 'WCAG) 2.2 at level AA')
  const model = statementModel(readResults(RESULTS_FILE))
  t.ok(model.tested, 'the checked-in results file is valid')
  if (model.tested) {
    t.match(res.body, `${model.pageCount} pages were checked against ${model.ruleCount} rules`)
    t.match(res.body, model.testedOn)
    t.ok(model.conforms, 'the checked-in results have no serious or critical findings')
  }
  for (const exception of KNOWN_EXCEPTIONS) t.match(res.body, exception, 'a known exception')
  t.match(res.body, 'senior mental health lead')
  t.match(res.body, 'administrator who runs this installation')
  t.equal((await app.db.selectFrom('sessions').select('sid').execute()).length, 0, 'no session rows')
  t.equal((await app.db.selectFrom('audit_log').select('id').execute()).length, 0, 'no audit rows')
})

t.test('every page links to it from the footer, signed in too', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const login = await app.inject({ method: 'GET', url: '/login' })
  t.match(login.body, /<footer[\s\S]*href="\/accessibility"[\s\S]*<\/footer>/)
  const browser = await signedIn(app, 'lead@school.test')
  const statement = await browser.get('/accessibility')
  t.equal(statement.statusCode, 200)
  const home = await browser.get(`/s/${school.urn}`)
  t.match(home.body, /<footer[\s\S]*href="\/accessibility"[\s\S]*<\/footer>/)
})

t.test('the model: conformance from the figures, and a page that still stands without results', async (t) => {
  const ok = statementModel(results)
  t.ok(ok.tested && ok.conforms, 'no serious or critical findings: conforms')
  if (ok.tested) {
    t.equal(ok.testedOn, '1 December 2026')
    t.same(ok.impacts, [{ impact: 'critical', count: 0 }, { impact: 'serious', count: 0 }, { impact: 'moderate', count: 1 }, { impact: 'minor', count: 0 }])
    t.same(ok.findings, [{ rule: 'landmark-unique', count: 1 }])
    t.equal(ok.total, 1)
    t.equal(ok.rules, 'color-contrast, region')
  }
  const failing = statementModel({ ...results, violationsByImpact: { ...results.violationsByImpact, serious: 2 } })
  t.ok(failing.tested && !failing.conforms, 'a serious finding: partly conforms')
  t.same(statementModel(null), { tested: false, exceptions: KNOWN_EXCEPTIONS })
  t.same(statementModel({ ...results, testedAt: 'yesterday' }).tested, false, 'a malformed file is not believed')
  const dir = mkdtempSync(join(tmpdir(), 'lantern-a11y-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  t.equal(readResults(join(dir, 'missing.json')), null, 'a missing file')
  writeFileSync(join(dir, 'bad.json'), '{')
  t.equal(readResults(join(dir, 'bad.json')), null, 'a file that is not JSON')
})
