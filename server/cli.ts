// Command-line entry: `npm run --silent cli -- <command>`. Exit 0 on success, 1 when the input was
// refused (nothing written), 2 on a usage error. Output is JSON on stdout.
import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import { loadConfig, ConfigError } from './config'
import { openDatabase } from './db/runtime'
import { connect } from './db/connect'
import { bringUpToDate } from './maintenance'
import { EmbeddedPostgresError } from './db/embedded'
import type { Database } from './db/schema'
import { commands } from './cli-commands'
import { RefusedError, UsageError, type CommandContext } from './platform/command'

export { RefusedError, UsageError, type Command, type CommandContext } from './platform/command'

function usage(): string {
  return ['Usage: npm run --silent cli -- <command>', '', ...commands.map((c) => `  ${c.usage}`)].join('\n')
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function main(argv: string[]): Promise<number> {
  const command = commands
    .filter((c) => c.name.every((word, i) => argv[i] === word))
    .sort((a, b) => b.name.length - a.name.length)[0]
  if (!command) {
    process.stderr.write(`${argv.length ? `Unknown command: ${argv.join(' ')}\n\n` : ''}${usage()}\n`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({ args: argv.slice(command.name.length), options: command.options ?? {}, allowPositionals: true, strict: true })
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nUsage: ${command.usage}\n`)
    return 2
  }
  const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  const config = command.noDatabase ? null : loadConfig()
  const ctx: Omit<CommandContext, 'db'> = { args: parsed.positionals, options: parsed.values as CommandContext['options'], dataDir: config?.dataDir ?? '', stdin: readStdin, out }

  const finish = (result: unknown) => {
    if (result !== undefined) out(typeof result === 'string' ? result : JSON.stringify(result, null, 2))
  }
  const run = async (db: Kysely<Database>) => {
    try {
      finish(await command.run({ ...ctx, db }))
      return 0
    } catch (err) {
      if (err instanceof UsageError) {
        process.stderr.write(`${err.message}\nUsage: ${command.usage}\n`)
        return 2
      }
      if (err instanceof RefusedError) {
        if (err.output !== undefined) finish(err.output)
        process.stderr.write(`${err.message}\n`)
        return 1
      }
      throw err
    }
  }

  if (command.noDatabase) return run(undefined as unknown as Kysely<Database>)
  const runtime = await openDatabase(config!, () => {})
  const db = connect(runtime.url, 4)
  try {
    await bringUpToDate(db)
    return await run(db)
  } finally {
    await db.destroy()
    await runtime.close()
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      const known = err instanceof ConfigError || err instanceof EmbeddedPostgresError
      process.stderr.write(`${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
      process.exit(1)
    }
  )
}
