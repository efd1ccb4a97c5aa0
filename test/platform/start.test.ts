// `npm start` on a bare machine: the embedded PostgreSQL is created, the demo seeded, the login page served;
// Ctrl-C stops both cleanly; a second start reuses the data; a crash's stale lock is recovered from;
// a signal to the npm process alone (as a process manager sends) stops the server and its PostgreSQL.
import t from 'tap'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import { runningPostmaster } from '../../server/db/embedded'
import { projectRoot } from '../../server/paths'

const mainPath = join(__dirname, '..', '..', 'server', 'main.js')

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

// `npm start` itself when the npm running this suite is known, so the signal test runs the real script.
const npmCli = process.env.npm_execpath?.endsWith('npm-cli.js') ? process.env.npm_execpath : undefined
const npmStart: [string, string[]] = npmCli ? [process.execPath, [npmCli, 'start']] : ['npm', ['start']]

function start(dataDir: string, port: number, [command, args]: [string, string[]] = [process.execPath, [mainPath]]): Promise<{ child: ChildProcess; output: () => string; seconds: number }> {
  const began = Date.now()
  const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, LANTERN_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', SESSION_SECRET: '' } })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000)
    child.stdout!.on('data', () => {
      if (output.includes('Lantern is running')) {
        clearTimeout(timer)
        const seconds = (Date.now() - began) / 1000
        // the lines after it (the demo login) may arrive in the next chunk
        setTimeout(() => resolve({ child, output: () => output, seconds }), 300)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited ${code}:\n${output}`))
    })
  })
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.on('exit', (code) => resolve(code))
    child.kill('SIGINT')
  })
}

/** Linux: a process's parent pid and state from /proc/<pid>/stat (the fields after the command's closing parenthesis). */
function procStat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(ppid), state: state! }
  } catch {
    return undefined
  }
}

function descendantsOf(pid: number): number[] {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number)
  const children = pids.filter((p) => procStat(p)?.ppid === pid)
  return children.flatMap((child) => [child, ...descendantsOf(child)])
}

/** Still running: neither gone nor a zombie waiting to be reaped (a zombie holds no port and no files). */
const alive = (pid: number) => ['R', 'S', 'D', 'T', 't', 'W'].includes(procStat(pid)?.state ?? 'Z')

async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms
  while (!done()) {
    if (Date.now() > until) return false
    await new Promise((r) => setTimeout(r, 100))
  }
  return true
}

function sendSignal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name)
  } catch {
    // already gone
  }
}

t.test('npm start on an empty data directory, Ctrl-C, start again, recover from a crash', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-start-'))
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  const port = await freePort()

  const first = await start(dataDir, port)
  t.match(first.output(), /Sign in as the demo lead: lead@demo\.lantern\.test \/ \S+/)
  t.comment(`cold start to listening: ${first.seconds.toFixed(1)} s`)
  const login = await fetch(`http://127.0.0.1:${port}/login`)
  t.equal(login.status, 200)
  t.match(await login.text(), 'Sign in to Lantern')
  t.equal(await stop(first.child), 0, 'Ctrl-C exits cleanly')
  t.notOk(runningPostmaster(join(dataDir, 'postgres')), 'and stops PostgreSQL')

  const second = await start(dataDir, port)
  t.notMatch(second.output(), 'Creating the embedded PostgreSQL', 'the data is reused')
  t.notMatch(second.output(), 'Empty database')
  t.match(second.output(), 'Sign in as the demo lead')

  // a crash: the app dies without stopping PostgreSQL
  second.child.kill('SIGKILL')
  await new Promise((r) => second.child.on('exit', r))
  const orphan = runningPostmaster(join(dataDir, 'postgres'))
  t.ok(orphan, 'PostgreSQL outlived the crash')
  const third = await start(dataDir, port)
  t.match(third.output(), 'Taking over the PostgreSQL that a previous run left running', 'the orphaned server is adopted')
  t.equal((await fetch(`http://127.0.0.1:${port}/login`)).status, 200)
  t.equal(await stop(third.child), 0)
  t.notOk(runningPostmaster(join(dataDir, 'postgres')), 'and stopped with it')

  // a stale postmaster.pid naming a process that is not PostgreSQL
  writeFileSync(join(dataDir, 'postgres', 'postmaster.pid'), `${process.pid}\n${dataDir}\n0\n${port + 1}\n`)
  const fourth = await start(dataDir, port)
  t.match(fourth.output(), 'stale postmaster.pid')
  t.equal((await fetch(`http://127.0.0.1:${port}/login`)).status, 200)
  t.equal(await stop(fourth.child), 0)
  t.ok(existsSync(join(dataDir, 'secrets.json')))
})

t.test('SIGTERM or SIGINT to the npm process alone stops the server and its PostgreSQL', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-start-'))
  const pgDir = join(dataDir, 'postgres')
  const left: number[] = []
  t.teardown(async () => {
    // a failed run must not leave Lantern or PostgreSQL behind: stop the server (it stops PostgreSQL), then PostgreSQL itself
    for (const pid of left.filter(alive)) sendSignal(pid, 'SIGINT')
    await waitUntil(() => !left.some(alive), 10_000)
    const pg = runningPostmaster(pgDir)
    if (pg) sendSignal(pg.pid, 'SIGINT')
    await waitUntil(() => !runningPostmaster(pgDir), 10_000)
    rmSync(dataDir, { recursive: true, force: true })
  })
  const port = await freePort()

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const run = await start(dataDir, port, npmStart)
    const npm = run.child
    const processes = descendantsOf(npm.pid!)
    left.push(...processes)
    const pg = runningPostmaster(pgDir)
    t.ok(pg, `${signal}: PostgreSQL is running`)
    t.ok(processes.length > 0, `${signal}: npm started the server`)

    npm.removeAllListeners('exit')
    npm.kill(signal)
    t.ok(await waitUntil(() => npm.exitCode !== null || npm.signalCode !== null, 15_000), `${signal}: npm exits`)
    const serverGone = await waitUntil(() => !processes.some(alive), 10_000)
    t.ok(serverGone, `${signal}: the server is gone`)
    const pgGone = await waitUntil(() => !runningPostmaster(pgDir) && !alive(pg!.pid), 10_000)
    t.ok(pgGone, `${signal}: its PostgreSQL is gone`)
    t.match(run.output(), `${signal}: stopping Lantern ...\nStopped.`, `${signal}: the server itself received the signal and stopped cleanly`)
    if (!serverGone || !pgGone) break // the next round would only find the port taken
  }
})

t.test('a port in use: says what to do', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-start-'))
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  const port = await freePort()
  const blocker = createServer().listen(port, '127.0.0.1')
  t.teardown(() => blocker.close())
  await t.rejects(start(dataDir, port), /Port \d+ on 127\.0\.0\.1 is already in use .* PORT=/)
})
