import type { Command } from '../platform/command'
import { saveDemoLogin, seedDemo } from './seed'

export const demoCommands: Command[] = [
  {
    name: ['demo'],
    usage: 'demo',
    async run({ db, dataDir }) {
      const login = await seedDemo(db)
      try {
        saveDemoLogin(dataDir, login)
      } catch {
        // an external database may have no local data directory; the login is printed either way
      }
      return login
    }
  }
]
