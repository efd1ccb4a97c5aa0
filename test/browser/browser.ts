// Real pages in Debian's Chromium (installed by .ci/run), driven by playwright-core.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { authenticatorCode, TEST_PASSWORD } from '../helper'

export const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
// .ci/run installs Debian's chromium: there a missing browser is a failure, not a skipped check
if (!hasChromium && process.env.LANTERN_CI) throw new Error(`${CHROMIUM} is missing: .ci/run should have installed chromium`)

export async function launch(t: { teardown(fn: () => unknown): void }): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'lantern-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1200, height: 900 }
  })
  t.teardown(async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
  return context
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** The page's axe-core WCAG 2.2 A/AA violations, one line each (evaluated by the harness: the page's CSP still forbids inline script). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const r = await (globalThis as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    return r.violations.map((v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)
  })
}

/** Console errors and page errors, collected from here on. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  page.on('pageerror', (e) => problems.push(e.message))
  return problems
}

/**
 * Signs in through the real forms as a person would: email and password, then, for a user with an
 * authenticator app, the code it shows now. Resolves once the browser has left the sign-in pages.
 */
export async function signIn(page: Page, address: string, app: FastifyInstance, email: string) {
  await page.goto(`${address}/login`)
  await page.fill('#email', email)
  await page.fill('#password', TEST_PASSWORD)
  await page.click('button[type=submit]')
  await page.waitForURL((url) => url.pathname !== '/login')
  if (new URL(page.url()).pathname === '/login/code') {
    const user = await app.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    await page.fill('#code', await authenticatorCode(app, user.id))
    await page.click('button:has-text("Continue")')
    await page.waitForURL((url) => url.pathname !== '/login/code')
  }
  await page.waitForLoadState('networkidle')
}
