// Process entry: config, database (embedded or DATABASE_URL), migrate, seed the demo on an empty database, listen.
import { loadConfig, ConfigError } from './config'
import { openDatabase } from './db/runtime'
import { connect } from './db/connect'
import { bringUpToDate } from './maintenance'
import { EmbeddedPostgresError } from './db/embedded'
import { isEmpty, readDemoLogin, saveDemoLogin, seedDemo } from './demo/seed'
import { buildApp } from './app'

const say = (message: string) => process.stdout.write(`${message}\n`)

async function main() {
  const started = Date.now()
  const config = loadConfig()
  const runtime = await openDatabase(config, say, { server: true })
  const stopDatabase = () => runtime.close()

  try {
    const db = connect(runtime.url, 2)
    try {
      await bringUpToDate(db, say)
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
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    say(`\n${signal}: stopping Lantern ...`)
    await app.close()
    await stopDatabase()
    say('Stopped.')
    process.exit(0)
  }
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
  }
}

main().catch((err) => {
  const known = err instanceof ConfigError || err instanceof EmbeddedPostgresError
  process.stderr.write(`${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
