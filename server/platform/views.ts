// Server-rendered pages: Handlebars through @fastify/view with one layout and partials; per-request
// data (user, school, CSRF token, flash) reaches every template through reply.locals.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import fp from 'fastify-plugin'
import fastifyView from '@fastify/view'
import handlebars from 'handlebars'
import type { FastifyReply } from 'fastify'
import { templatesDir } from '../paths'
import { helpers } from './helpers'
import { seesClusterOverview } from './auth'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * A partial of templates/partials rendered on its own with the pages' engine and helpers (so escaped
     * as any page is), as markup a page's model can carry: for rows built once and shown many times.
     */
    renderPartial(name: string, context: unknown): handlebars.SafeString
  }
  interface FastifyReply {
    /** Renders a page inside the layout, with the request's locals. */
    page(template: string, model?: Record<string, unknown>, status?: number): FastifyReply
  }
  interface FastifyRequest {
    flash(kind: 'success' | 'important', text: string): void
    /** urgent notices shown at the top of every page of this request (safeguarding alerts waiting) */
    notices: Array<{ text: string; href: string; linkText: string }> | null
  }
}

/** Every partial under templates/partials, by name. */
export function partials(): Record<string, string> {
  const dir = join(templatesDir, 'partials')
  const found: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.hbs')) continue
    const file = join(entry.parentPath, entry.name)
    found[relative(dir, file).replace(/\.hbs$/, '')] = relative(templatesDir, file)
  }
  return found
}

export default fp(
  async function views(app, opts: { production: boolean }) {
    const engine = handlebars.create()
    for (const [name, fn] of Object.entries(helpers)) engine.registerHelper(name, fn)
    await app.register(fastifyView, {
      engine: { handlebars: engine },
      root: templatesDir,
      layout: 'layouts/main.hbs',
      viewExt: 'hbs',
      production: opts.production,
      options: { partials: partials() }
    })

    const compiled = new Map<string, HandlebarsTemplateDelegate>()
    app.decorate('renderPartial', (name: string, context: unknown) => {
      let template = opts.production ? compiled.get(name) : undefined
      if (!template) {
        const file = partials()[name]
        if (!file) throw new Error(`no partial ${name}`)
        template = engine.compile(readFileSync(join(templatesDir, file), 'utf8'))
        if (opts.production) compiled.set(name, template)
      }
      return new handlebars.SafeString(template(context))
    })

    app.decorateRequest('notices', null)
    app.decorateRequest('flash', function (kind, text) {
      const list = this.session.get('flash') ?? []
      this.session.set('flash', [...list, { kind, text }])
    })

    app.decorateReply('page', function (this: FastifyReply, template: string, model = {}, status = 200) {
      const request = this.request
      // no session when @fastify/session could not load it (the error page of that request)
      const session = typeof request.session?.get === 'function' ? request.session : null
      const flash = session?.get('flash')
      if (session && flash?.length) session.set('flash', [])
      const school = request.school
      const locals = {
        user: request.user,
        memberships: request.memberships,
        manySchools: (request.memberships?.length ?? 0) > 1,
        clusterOverview: seesClusterOverview(request.memberships ?? []),
        school,
        isLead: school?.role === 'lead',
        // leads and pastoral staff see the whole screening; link workers only their supervision agenda
        isStaff: school?.role === 'lead' || school?.role === 'pastoral',
        csrfToken: this.csrfToken(),
        flash,
        notices: request.notices,
        path: request.url
      }
      this.code(status).type('text/html; charset=utf-8')
      return this.view(template, { ...locals, ...model })
    })
  },
  { name: 'lantern-views', dependencies: ['lantern-sessions', 'lantern-csrf'] }
)
