// Process entry: config, database (embedded or DATABASE_URL), migrate, seed the demo on an empty database, listen.
import { loadConfig, ConfigError } from './config'
import { openDatabase } from './db/runtime'
import { connect } from './db/connect'
import { applyRetention, bringUpToDate } from './maintenance'
import { EmbeddedPostgresError } from './db/embedded'
import { DEMO_SECOND_FACTOR, isEmpty, readDemoLogin, saveDemoLogin, seedDemo } from './demo/seed'
import { buildApp } from './app'
import type { FastifyBaseLogger } from 'fastify'

const say = (message: string) => process.stdout.write(`${message}\n`)

/** The running app's logger once there is one (and logging is on); until then, stderr. */
let appLog: FastifyBaseLogger | undefined
let stopGracefully: ((reason: string, code: number) => Promise<void>) | undefined

function report(what: string, err: unknown, level: 'error' | 'fatal' = 'fatal') {
  if (appLog) return appLog[level]({ err }, what)
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err)
  process.stderr.write(`${new Date().toISOString()} ${what}: ${detail}\n`)
}

// A promise rejected with no handler is a bug in one piece of work (a request, a sweep), not a broken
// process: it is reported and Lantern keeps serving everyone else.
process.on('unhandledRejection', (reason) => report('unhandled rejection (Lantern keeps running)', reason, 'error'))

// An exception that reached the event loop may have left shared state half-changed (a connection never
// released, a transaction left open), and Node does not promise that carrying on is safe. For software
// holding safeguarding records a clean restart beats serving from an unknown state, so Lantern reports
// it loudly, stops gracefully (bounded in time) and exits 1 for its supervisor (systemd, Docker, a
// platform's restart policy) to start it again.
process.on('uncaughtException', (err) => {
  report('uncaught exception: Lantern is stopping and must be restarted', err)
  setTimeout(() => process.exit(1), 10_000).unref()
  if (stopGracefully) void stopGracefully('uncaught exception', 1)
  else process.exit(1)
})

async function main() {
  const started = Date.now()
  const config = loadConfig()
  const runtime = await openDatabase(config, say, { server: true })
  const stopDatabase = () => runtime.close()

  try {
    const db = connect(runtime.url, 2)
    try {
      await bringUpToDate(db, say)
      await applyRetention(db, say)
      if (config.seedDemo && (await isEmpty(db))) {
        say('Empty database: adding the demo schools ...')
        saveDemoLogin(config.dataDir, await seedDemo(db))
      }
    } finally {
      await db.destroy()
    }
  } catch (err) {
    await stopDatabase()
    throw err
  }

  const app = await buildApp({ config, databaseUrl: runtime.url, sessionSecret: runtime.sessionSecret })
  if (config.logLevel !== 'silent') appLog = app.log
  let closing = false
  // Never rejects: a failure while stopping is reported and the process still exits.
  const shutdown = async (reason: string, code = 0) => {
    if (closing) return
    closing = true
    say(`\n${reason}: stopping Lantern ...`)
    try {
      await app.close()
      await stopDatabase()
      say('Stopped.')
    } catch (err) {
      report('Lantern did not stop cleanly', err)
      code = code || 1
    }
    process.exit(code)
  }
  stopGracefully = shutdown
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (err) {
    await app.close()
    await stopDatabase()
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(`Port ${config.port} on ${config.host} is already in use — is Lantern already running? Stop it, or start this one with PORT=<another port>.`)
    }
    throw err
  }
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`
  say(`\nLantern is running at ${url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s). Press Ctrl-C to stop.`)
  const demo = config.databaseUrl ? null : readDemoLogin(config.dataDir)
  if (demo) {
    say(`Sign in as the demo lead: ${demo.email} / ${demo.password}`)
    say(`(other demo accounts, same password: ${demo.otherAccounts.join(', ')}; \`npm run cli -- demo\` resets them)`)
    say(demo.secondFactor ?? DEMO_SECOND_FACTOR)
  }
}

main().catch((err) => {
  const known = err instanceof ConfigError || err instanceof EmbeddedPostgresError
  process.stderr.write(`${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
