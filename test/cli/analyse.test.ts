import t from 'tap'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const cliPath = join(__dirname, '..', '..', 'server', 'cli.js')

function analyse(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, 'analyse', ...args], { env: { ...process.env, LANTERN_DATA_DIR: '/nonexistent' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(input)
  })
}

t.test('one letter on stdin gives one JSON object with spans into the letter', async (t) => {
  const letter = "Dear me, I love football and I'm a bit nervous about getting lost. From Sam"
  const res = await analyse([], letter)
  t.equal(res.code, 0, res.stderr)
  const out = JSON.parse(res.stdout)
  t.equal(out.concern, 'some')
  t.ok(out.interests.some((i: any) => i.interest === 'football' && letter.slice(i.start, i.end) === i.text))
  t.ok(out.worries.some((w: any) => w.theme === 'getting_lost'))
  t.same(out.safeguarding, [])
})

t.test('--csv gives one JSON line per letter with its id; disclosures are found', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-analyse-'))
  const file = join(dir, 'letters.csv')
  writeFileSync(file, '\ufeffid,letter\nA1,"I cant wait to do drama"\nB2,"my dad hits me when he is drunk and I am scared to go home"\n')
  const res = await analyse(['--csv', file])
  t.equal(res.code, 0, res.stderr)
  const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l))
  t.equal(lines.length, 2)
  t.equal(lines[0].id, 'A1')
  t.ok(lines[0].interests.some((i: any) => i.interest === 'drama'))
  t.equal(lines[1].id, 'B2')
  t.ok(lines[1].safeguarding.some((s: any) => s.category === 'physical_abuse'))
  t.equal(lines[1].concern, 'high')
})

t.test('refusals', async (t) => {
  t.equal((await analyse(['--csv', '/no/such/file.csv'])).code, 1)
  const dir = mkdtempSync(join(tmpdir(), 'lantern-analyse-'))
  writeFileSync(join(dir, 'bad.csv'), 'pupil,text\n1,hello\n')
  const bad = await analyse(['--csv', join(dir, 'bad.csv')])
  t.equal(bad.code, 1)
  t.match(bad.stderr, 'id and letter')
  t.equal((await analyse(['--bogus'])).code, 2)
})
