// The benign probes (test/fixtures/letters/benign-probes.jsonl): everyday sentences and short letters children
// write — family make-up, pets, games with violent verbs, sport injuries, films, food, festivals, moving
// country, SEN and EAL writing. No safeguarding match on any of them, and at most 1% read as `high`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { analyseLetter } from '../../server/letters/analyser'
import { projectRoot } from '../../server/paths'

interface Probe { id: string; text: string; topic: string }

const probes = readFileSync(join(projectRoot, 'test', 'fixtures', 'letters', 'benign-probes.jsonl'), 'utf8')
  .split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Probe)

const MAX_HIGH = 0.01

t.test('the benign probes raise no safeguarding match and almost no high concern', async (t) => {
  t.ok(probes.length >= 300, `${probes.length} probes`)
  const matched: string[] = []
  const high: string[] = []
  for (const p of probes) {
    const a = analyseLetter(p.text)
    if (a.safeguarding.length > 0) matched.push(`${p.id} (${p.topic}): ${a.safeguarding.map((s) => `${s.category} "${s.text}"`).join(', ')} | ${p.text}`)
    if (a.concern === 'high') high.push(`${p.id} (${p.topic}): ${a.worries.map((w) => `${w.theme} "${w.text}"`).join(', ') || 'no worry named'} | ${p.text}`)
  }
  for (const line of matched) t.comment(`safeguarding match: ${line}`)
  for (const line of high) t.comment(`high: ${line}`)
  t.same(matched, [], `${matched.length} safeguarding matches on the benign probes`)
  t.ok(high.length <= Math.floor(probes.length * MAX_HIGH), `${high.length} of ${probes.length} read as high (at most ${MAX_HIGH * 100}%)`)
})
