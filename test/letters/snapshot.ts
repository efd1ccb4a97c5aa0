// The analyser's whole output on every letter Lantern has: each corpus set in test/fixtures/letters/*.jsonl,
// and the phrasings written into the letter tests. `snapshot.test.ts` compares the analyser with the
// committed snapshot; `snapshot-update.ts` rewrites it. Refactoring the analyser must leave it unchanged.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../../server/paths'
import { analyseLetter, tokenise, type LetterAnalysis } from '../../server/letters/analyser'
import { findStructures } from '../../server/letters/analyser/structure'
import { split } from '../../server/letters/analyser/split'

export const FIXTURES = join(projectRoot, 'test', 'fixtures', 'letters')
export const SNAPSHOT_FILE = join(FIXTURES, 'analyser-snapshot.json')
const TESTS = join(projectRoot, 'test', 'letters')

export interface SnapshotLetter { set: string; id: string; letter: string }

/** What is compared: the public analysis, and the structural findings before context reads them
 *  (a finding the context silences today would not show in the analysis). */
export interface SnapshotOutput {
  analysis: LetterAnalysis
  structures: Array<[rule: string, label: string, start: number, end: number]>
}

export type SnapshotEntry = SnapshotLetter & SnapshotOutput

export function outputFor(letter: string): SnapshotOutput {
  const structures = findStructures(split(tokenise(letter))).map((m): [string, string, number, number] =>
    [m.compiled.entry.pattern.replace(/^structure: /, ''), m.compiled.entry.label ?? '', m.start, m.end])
  return { analysis: analyseLetter(letter), structures }
}

/** Sets kept unseen until they are measured (fixtures README): their text must not be written into the
 *  snapshot, whose diff is read at every change. A set joins the snapshot when it becomes a regression set
 *  (the blind4 and blind5 sets did with analyser 1.8.0, the blind6 sets with 1.9.0; a blind7 set is kept out). */
export const UNSEEN_SETS: RegExp | null = /^blind8-/

/** Every letter in every labelled set (and the benign probes, whose letter is `text`), keyed by the set
 *  (file name) and the letter's id. */
export function corpusLetters(): SnapshotLetter[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl') && (UNSEEN_SETS === null || !UNSEEN_SETS.test(f))).sort().flatMap((file) =>
    readFileSync(join(FIXTURES, file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => {
      const { id, letter, text } = JSON.parse(l) as { id: string; letter?: string; text?: string }
      return { set: file.replace(/\.jsonl$/, ''), id, letter: letter ?? text ?? '' }
    }))
}

const QUOTED = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g

/** The phrasings in test/letters/*.test.ts: every quoted string with a space in it (test names too — they
 *  are harmless extra letters), keyed by a hash of the text. Read when the snapshot is rewritten; the
 *  snapshot keeps the text, so editing a test never changes what the snapshot checks. */
export function testPhrases(): SnapshotLetter[] {
  const seen = new Set<string>()
  const out: SnapshotLetter[] = []
  for (const file of readdirSync(TESTS).filter((f) => f.endsWith('.test.ts')).sort()) {
    if (file === 'snapshot.test.ts') continue
    for (const m of readFileSync(join(TESTS, file), 'utf8').matchAll(QUOTED)) {
      const raw = m[1] ?? m[2] ?? ''
      const text = raw.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c))
      if (!text.includes(' ') || text.length < 8 || seen.has(text)) continue
      seen.add(text)
      out.push({ set: 'phrases', id: createHash('sha256').update(text).digest('hex').slice(0, 12), letter: text })
    }
  }
  return out
}

export function readSnapshot(): SnapshotEntry[] {
  return JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as SnapshotEntry[]
}

/** One entry a line, so a change shows in a diff as the letter that changed. */
export function formatSnapshot(entries: readonly SnapshotEntry[]): string {
  return `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`
}
