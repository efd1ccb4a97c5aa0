// The accessibility statement (GET /accessibility, public): what Lantern conforms to, rendered from
// the axe-core results the browser end-to-end suite writes to docs/accessibility-results.json, with the
// known exceptions and how to report a problem. The file is read once, when the app starts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { projectRoot } from '../paths'

export const RESULTS_FILE = join(projectRoot, 'docs', 'accessibility-results.json')

const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const
const results = z.object({
  tool: z.string(),
  standard: z.string(),
  testedAt: z.iso.datetime(),
  pageCount: z.number().int().nonnegative(),
  paths: z.array(z.string()),
  rulesChecked: z.array(z.string()),
  violationsByImpact: z.object({ minor: z.number(), moderate: z.number(), serious: z.number(), critical: z.number() }),
  violationsByRule: z.record(z.string(), z.number())
})
export type AccessibilityResults = z.infer<typeof results>

/** Known exceptions: what the automated checks do not cover, or what is known not to meet the standard. */
export const KNOWN_EXCEPTIONS = [
  'Automated checks find only some accessibility problems. They have not yet been confirmed by a manual audit with screen readers, magnification and voice control.',
  'The invitation slips and the subject-access PDF are not tagged PDFs, so a screen reader may read them in the wrong order. The supervision meeting pack is tagged. Each pupil’s place is also shown on the allocation page, and the subject-access export also comes as JSON.'
]

/** The page's model from the results file's contents (pure: no file or request here). */
export function statementModel(raw: unknown) {
  const parsed = results.safeParse(raw)
  if (!parsed.success) return { tested: false as const, exceptions: KNOWN_EXCEPTIONS }
  const r = parsed.data
  const total = IMPACTS.reduce((n, i) => n + r.violationsByImpact[i], 0)
  const serious = r.violationsByImpact.critical + r.violationsByImpact.serious
  return {
    tested: true as const,
    tool: r.tool,
    standard: r.standard,
    testedOn: new Date(r.testedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }),
    pageCount: r.pageCount,
    paths: r.paths,
    ruleCount: r.rulesChecked.length,
    rules: r.rulesChecked.join(', '),
    impacts: IMPACTS.map((impact) => ({ impact, count: r.violationsByImpact[impact] })),
    findings: Object.entries(r.violationsByRule).sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => ({ rule, count })),
    total,
    conforms: serious === 0,
    exceptions: KNOWN_EXCEPTIONS
  }
}

export function readResults(file = RESULTS_FILE): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

export async function accessibilityRoutes(app: FastifyInstance, opts: { resultsFile?: string }) {
  const model = statementModel(readResults(opts.resultsFile))
  app.get('/accessibility', async (request, reply) => {
    return reply.page('platform/accessibility.hbs', { title: 'Accessibility statement', backHref: '/', backText: 'Back to Lantern', ...model })
  })
}
