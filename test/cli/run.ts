// Runs the real command-line process against a test database: exit code, stdout and stderr.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const cliPath = join(__dirname, '..', '..', 'server', 'cli.js')

export function runCli(databaseUrl: string, args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET: 'x'.repeat(40), LANTERN_LOG_LEVEL: 'silent' }
    const child = spawn(process.execPath, [cliPath, ...args], { env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(input ?? '')
  })
}
