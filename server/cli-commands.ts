// The command-line commands, one entry each; each domain's command lives beside the domain it drives.
import type { Command } from './cli'
import { accountCommands } from './accounts/cli'
import { demoCommands } from './demo/cli'
import { importCommands } from './imports/cli'
import { letterCommands } from './letters/cli'
import { reportCommands } from './reports/cli'
import { opportunityCommands } from './opportunities/cli'
import { supervisionCommands } from './supervision/cli'
import { recordCommands } from './records/cli'

export const commands: Command[] = [
  { name: ['migrate'], usage: 'migrate', run: async () => ({ migrated: true }) },
  ...accountCommands,
  ...importCommands,
  ...letterCommands,
  ...demoCommands,
  ...reportCommands,
  ...opportunityCommands,
  ...supervisionCommands,
  ...recordCommands
]
