// What a command-line command is, and the two ways it can refuse, for every domain's cli.ts.
// server/cli.ts runs them; domains import these from here, never from the entry point.
import type { ParseArgsConfig } from 'node:util'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export class UsageError extends Error {}
/** The input was refused and nothing was written (exit 1); `output` is still printed. */
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly output?: unknown
  ) {
    super(message)
  }
}

export interface CommandContext {
  db: Kysely<Database>
  args: string[]
  options: Record<string, string | boolean | undefined>
  dataDir: string
  /** read all of standard input */
  stdin(): Promise<string>
  out(text: string): void
}

export interface Command {
  /** words that name the command, e.g. ['school', 'add'] */
  name: string[]
  usage: string
  options?: ParseArgsConfig['options']
  /** commands that need no database (the letter analyser) */
  noDatabase?: boolean
  run(ctx: CommandContext): Promise<unknown>
}

