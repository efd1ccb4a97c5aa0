// The dashboard bench's baseline, run as its own process: a bare Fastify server rendering the same
// templates with the same models from memory. It reads the models from the database once at start,
// closes the connection, then serves them with no session, access, query or audit.
// Started by dashboard.bench.ts: node dist/test/bench/bare-server.js (env DATABASE_URL, BENCH_SCHOOL_ID,
// BENCH_USER_ID); prints `listening <port>` once ready and stops on SIGTERM.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Fastify from 'fastify'
import fastifyView from '@fastify/view'
import handlebars from 'handlebars'
import { connect } from '../../server/db/connect'
import { templatesDir } from '../../server/paths'
import { helpers } from '../../server/platform/helpers'
import { partials } from '../../server/platform/views'
import { pupilListModel } from '../../server/screening/pupil-view-models'
import { dashboardModel, loadDashboard } from '../../server/reports/dashboard'
import * as screeningStore from '../../server/screening/store'
import * as accounts from '../../server/accounts/store'
import { countOpenAlerts } from '../../server/letters/store'
import { ROLE_LABELS, ROLES } from '../../server/accounts/schemas'
import { staffView, waitingView } from '../../server/accounts/view-models'

async function models(databaseUrl: string, schoolId: number, userId: number, engine: typeof handlebars) {
  const db = connect(databaseUrl, 2)
  try {
    const school = await db.selectFrom('schools').select(['id', 'urn', 'name']).where('id', '=', schoolId).executeTakeFirstOrThrow()
    const user = await db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirstOrThrow()
    const urn = school.urn.trim()
    const access = { id: school.id, urn, name: school.name, role: 'lead' as const, isDsl: true }
    const open = await countOpenAlerts(db, school.id)
    const notices = open ? [{ text: `${open} safeguarding alerts from pupils’ letters are waiting for you.`, href: `/s/${urn}/alerts`, linkText: 'Review safeguarding alerts' }] : null
    const locals = { user: { ...user, mustChangePassword: false }, memberships: [access], manySchools: false, school: access, isLead: true, isStaff: true, csrfToken: 'x'.repeat(43), flash: undefined, notices }
    const dashboard = dashboardModel(await loadDashboard(db, school.id), urn)
    const list = pupilListModel(await screeningStore.listScreenRows(db, school.id), {}, urn)
    // the rows' markup as the page carries it (rendered once through the same partial); a Lantern that
    // renders its rows on every request has no such partial, and its bare page renders them each time too
    const partial = join(templatesDir, 'partials', 'pupils', 'list-row.hbs')
    const row = existsSync(partial) ? engine.compile(readFileSync(partial, 'utf8')) : null
    const rowsHtml = row ? new handlebars.SafeString(list.rows.map((r) => row(r)).join('')) : undefined
    const staff = staffView(await accounts.listStaff(db, school.id))
    const waiting = waitingView(await accounts.listOpenJoinInvitations(db, school.id))
    return {
      '/dashboard': { template: 'reports/home.hbs', model: { ...locals, path: `/s/${urn}`, title: school.name, dashboard } },
      '/pupils': { template: 'pupils/list.hbs', model: { ...locals, path: `/s/${urn}/pupils`, ...list, rowsHtml } },
      '/staff': {
        template: 'accounts/staff.hbs',
        model: { ...locals, path: `/s/${urn}/staff`, title: 'Staff', staff, waiting, roles: ROLES.map((value) => ({ value, label: ROLE_LABELS[value], checked: false })), values: {} }
      }
    }
  } finally {
    await db.destroy()
  }
}

async function main() {
  const engine = handlebars.create()
  for (const [name, fn] of Object.entries(helpers)) engine.registerHelper(name, fn)
  const pages = await models(process.env.DATABASE_URL!, Number(process.env.BENCH_SCHOOL_ID), Number(process.env.BENCH_USER_ID), engine)
  const app = Fastify({ logger: false })
  await app.register(fastifyView, { engine: { handlebars: engine }, root: templatesDir, layout: 'layouts/main.hbs', viewExt: 'hbs', production: true, options: { partials: partials() } })
  for (const [path, page] of Object.entries(pages)) {
    app.get(path, async (_request, reply) => reply.type('text/html; charset=utf-8').view(page.template, page.model))
  }
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('not listening')
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
  process.stdout.write(`listening ${address.port}\n`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
