// A command-line import killed (SIGKILL) halfway through a large file leaves nothing behind: the file
// is one transaction, and PostgreSQL rolls back a transaction whose process died. Run again, it imports.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { sql } from 'kysely'
import { connect } from '../../server/db/connect'
import { upnCheckLetter } from '../../server/imports/upn'
import { createTestDatabase } from '../db'
import { runCli } from '../cli/run'
import { counts } from './helpers'

const PUPILS = 20_000
const cliPath = join(__dirname, '..', '..', 'server', 'cli.js')

/** A synthetic pupils file of one large intake. */
function pupilsFile(n: number): Buffer {
  const lines = ['upn,surname,forename,dob,form,sen,fsm']
  for (let i = 0; i < n; i++) {
    const rest = `38025${String(i).padStart(7, '0')}`
    lines.push(`${upnCheckLetter(`X${rest}`)}${rest},Surname${i},Pupil${i},2014-${String(9 + (i % 4)).padStart(2, '0')}-15,7${'ABCDEFGH'[i % 8]},${i % 9 === 0 ? 'K' : 'N'},${i % 4 === 0 ? 'Y' : 'N'}`)
  }
  return Buffer.from(lines.join('\n') + '\n')
}

t.test('SIGKILL halfway through a large import: no rows from it, and a re-run imports it whole', async (t) => {
  const url = await createTestDatabase(t)
  const db = connect(url)
  t.teardown(() => db.destroy())
  t.equal((await runCli(url, ['school', 'add', '--urn', '654399', '--name', 'Kill High'])).code, 0)
  const dir = mkdtempSync(join(tmpdir(), 'lantern-cli-kill-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'intake.csv')
  writeFileSync(file, pupilsFile(PUPILS))
  const ours = async () => {
    const { rows } = await sql<{ pid: number; xid: string | null; state: string; query: string }>`
      select pid, backend_xid::text as xid, state, query from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(db)
    return rows
  }
  const before = new Set((await ours()).map((r) => r.pid))

  const env = { ...process.env, DATABASE_URL: url, SESSION_SECRET: 'x'.repeat(40), LANTERN_LOG_LEVEL: 'silent' }
  const started = Date.now()
  const child = spawn(process.execPath, [cliPath, 'import', file, '--school', '654399'], { env, stdio: 'ignore' })
  const state: { exit: { code: number | null; signal: NodeJS.Signals | null } | null } = { exit: null }
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      state.exit = { code, signal }
      resolve()
    })
  )

  // halfway: the import's transaction has written (it holds a transaction id), its history row and
  // every pupil are in, and it is on to what follows them (what it created, then screening)
  let seen: { query: string; ms: number } | null = null
  while (!state.exit && !seen) {
    const writing = (await ours()).find((r) => !before.has(r.pid) && r.xid !== null && !/insert into ("imports"|pupils\b)/i.test(r.query))
    if (writing) seen = { query: writing.query.replace(/\s+/g, ' ').trim().slice(0, 60), ms: Date.now() - started }
    else await new Promise((r) => setTimeout(r, 5))
  }
  t.ok(seen, 'the import was caught writing (if not, the file is too small for this machine)')
  child.kill('SIGKILL')
  await exited
  t.same(state.exit, { code: null, signal: 'SIGKILL' }, 'the import was killed, not finished')
  t.comment(`killed ${seen?.ms} ms after starting, while running: ${seen?.query}`)

  // PostgreSQL notices the dead client and rolls its transaction back
  const end = Date.now() + 60_000
  while ((await ours()).some((r) => !before.has(r.pid))) {
    if (Date.now() > end) throw new Error('the killed import never left PostgreSQL')
    await new Promise((r) => setTimeout(r, 20))
  }
  t.match(await counts(db), { pupils: 0, imports: 0, import_created: 0, import_changes: 0 }, 'not one row of the killed import')
  t.equal((await db.selectFrom('screening_results').select('pupil_id').execute()).length, 0, 'nothing screened')
  t.equal((await db.selectFrom('audit_log').select('id').where('action', '=', 'import').execute()).length, 0, 'and no record of an import that did not happen')

  const again = await runCli(url, ['import', file, '--school', '654399'])
  t.equal(again.code, 0, again.stderr)
  t.match(JSON.parse(again.stdout), { kind: 'pupils', rows: PUPILS, created: PUPILS, updated: 0, errors: [] })
  t.match(await counts(db), { pupils: PUPILS, imports: 1 })
})
