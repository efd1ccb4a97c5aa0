// A Lantern server process for the crash test: it builds the real app over the database it is given,
// signs the lead in and confirms one waiting upload (or set), then waits to be killed.
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { signedIn } from '../helper'

async function main() {
  const [databaseUrl, email, page] = process.argv.slice(2) as [string, string, string]
  const config = loadConfig({ LANTERN_LOG_LEVEL: 'silent', LANTERN_DATA_DIR: '/nonexistent' })
  const app = await buildApp({ config, databaseUrl, sessionSecret: 'a test session secret that is long enough!!' })
  const browser = await signedIn(app, email)
  await browser.get(page)
  process.stdout.write('confirming\n')
  const res = await browser.post(`${page}/confirm`)
  process.stdout.write(`answered ${res.statusCode}\n`)
}

void main()
