// axe-core on every page the journey visits: the WCAG 2.2 A/AA rules and the `region` landmark rule
// (content outside landmarks), recorded page by page so the run can write its summary and the
// accessibility statement's results file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
export const axeVersion = (JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version: string }).version
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical'
export interface Violation { id: string; impact: Impact | null; help: string; targets: string[] }
export interface PageResult { label: string; path: string; status: number | null; violations: Violation[]; passes: number; incomplete: number }

export class AxeLog {
  readonly pages: PageResult[] = []
  rules: string[] = []

  /** Runs axe on the page as it stands and records it under `label`. */
  async check(page: Page, label: string, status: number | null = null): Promise<PageResult> {
    await page.evaluate(axeSource)
    const result = await page.evaluate(async (tags: string[]) => {
      const axe = (globalThis as any).axe
      const rules: string[] = [...new Set<string>([...axe.getRules(tags).map((r: any) => r.ruleId), 'region'])].sort()
      const r = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] })
      return {
        rules,
        violations: r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n: any) => n.target.join(' ')) })),
        passes: r.passes.length,
        incomplete: r.incomplete.length
      }
    }, WCAG_TAGS)
    this.rules = result.rules
    const entry: PageResult = { label, path: new URL(page.url()).pathname, status, violations: result.violations, passes: result.passes, incomplete: result.incomplete }
    this.pages.push(entry)
    return entry
  }

  summary(durationMs: number) {
    const byImpact: Record<Impact, number> = { minor: 0, moderate: 0, serious: 0, critical: 0 }
    const byRule: Record<string, number> = {}
    for (const p of this.pages) {
      for (const v of p.violations) {
        byImpact[v.impact ?? 'minor'] += v.targets.length
        byRule[v.id] = (byRule[v.id] ?? 0) + v.targets.length
      }
    }
    return {
      tool: `axe-core ${axeVersion}`,
      standard: 'WCAG 2.2 AA',
      tags: WCAG_TAGS,
      extraRules: ['region'],
      testedAt: new Date().toISOString(),
      durationMs,
      pageCount: this.pages.length,
      paths: [...new Set(this.pages.map((p) => routeOf(p.path)))],
      rulesChecked: this.rules,
      violationsByImpact: byImpact,
      violationsByRule: byRule,
      pages: this.pages.map((p) => ({ label: p.label, path: routeOf(p.path), status: p.status, violations: p.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.targets.length })) }))
    }
  }
}

/** A page's path with the school and record ids taken out: `/s/:urn/alerts/:id`. */
export const routeOf = (path: string) => path.replace(/^\/s\/[^/]+/, '/s/:urn').replace(/\/(\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=\/|$)/g, '/:id')

export function writeJson(file: string, value: unknown) {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n')
}
