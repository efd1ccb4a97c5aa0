// `npm start` on a bare machine: the embedded PostgreSQL is created, the demo seeded, the login page served;
// Ctrl-C stops both cleanly; a second start reuses the data; a crash's stale lock is recovered from.
import t from 'tap'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import { runningPostmaster } from '../../server/db/embedded'

const mainPath = join(__dirname, '..', '..', 'server', 'main.js')

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

function start(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string; seconds: number }> {
  const began = Date.now()
  const child = spawn(process.execPath, [mainPath], { env: { ...process.env, LANTERN_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', SESSION_SECRET: '' } })
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

t.test('a port in use: says what to do', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-start-'))
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  const port = await freePort()
  const blocker = createServer().listen(port, '127.0.0.1')
  t.teardown(() => blocker.close())
  await t.rejects(start(dataDir, port), /Port \d+ on 127\.0\.0\.1 is already in use .* PORT=/)
})
