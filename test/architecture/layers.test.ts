// Calls between domains go one way, down this list; nothing imports upwards, and no two domain
// folders import each other. docs/architecture.md explains the order.
import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { projectRoot } from '../../server/paths'

/** Top to bottom. A folder may import from its own folder and from any folder below it. */
export const LAYERS = [
  'entry', // app.ts, main.ts, cli.ts, cli-commands.ts, maintenance.ts: wire everything together
  'demo',
  'records', // a child's data under the school's control: export, erasure, retention, hand-off
  'reports',
  'supervision',
  'opportunities',
  'imports',
  'screening',
  'letters',
  'pupils',
  'accounts',
  'charts', // pure SVG charts and their markup, for pages and (later) the pack
  'sdq',
  'platform',
  'db',
  'shared' // config.ts, paths.ts, lookup.ts, vocabulary.ts: plain helpers and words with no domain
] as const

const ENTRY_FILES = new Set(['app.ts', 'main.ts', 'cli.ts', 'cli-commands.ts', 'maintenance.ts'])
const SHARED_FILES = new Set(['config.ts', 'paths.ts', 'lookup.ts', 'vocabulary.ts'])
const serverDir = join(projectRoot, 'server')

function layerOf(file: string): string {
  const rel = relative(serverDir, file).split(sep)
  if (rel.length === 1) {
    if (ENTRY_FILES.has(rel[0]!)) return 'entry'
    if (SHARED_FILES.has(rel[0]!)) return 'shared'
    return `unlisted file ${rel[0]}`
  }
  return rel[0]!
}

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found: string[] = []
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(m[1]!)
  for (const m of text.matchAll(/import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) found.push(m[1]!)
  return found.map((spec) => {
    const target = resolve(dirname(file), spec)
    return target.endsWith('.ts') ? target : `${target}.ts`
  })
}

const edges = sources(serverDir).flatMap((file) => importsOf(file).map((target) => ({ from: layerOf(file), to: layerOf(target), file: relative(projectRoot, file), target: relative(projectRoot, target) })))

t.test('every server file belongs to a listed layer', async (t) => {
  const layers = new Set<string>(LAYERS)
  const unknown = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((l) => !layers.has(l))
  t.same(unknown, [], 'folders and top-level files not in LAYERS')
})

t.test('no domain imports from a domain above it', async (t) => {
  const rank = new Map<string, number>(LAYERS.map((l, i) => [l, i]))
  const upward = edges
    .filter((e) => e.from !== e.to && (rank.get(e.from) ?? -1) > (rank.get(e.to) ?? Infinity))
    .map((e) => `${e.file} (${e.from}) imports ${e.target} (${e.to})`)
  t.same(upward, [], 'upward imports')
})

t.test('no cycle between domain folders', async (t) => {
  const graph = new Map<string, Set<string>>()
  for (const e of edges) if (e.from !== e.to) (graph.get(e.from) ?? graph.set(e.from, new Set()).get(e.from)!).add(e.to)
  // the shortest way back to itself from each folder that has one
  const cycles = new Set<string>()
  for (const start of graph.keys()) {
    const previous = new Map<string, string>()
    const queue = [...(graph.get(start) ?? [])]
    for (const n of queue) previous.set(n, start)
    while (queue.length) {
      const node = queue.shift()!
      if (node === start) {
        const path = [start]
        for (let at = previous.get(start)!; at !== start; at = previous.get(at)!) path.unshift(at)
        cycles.add([start, ...path.slice(0, -1), start].join(' → '))
        break
      }
      for (const next of graph.get(node) ?? []) {
        if (previous.has(next)) continue
        previous.set(next, node)
        queue.push(next)
      }
    }
  }
  t.same([...cycles].sort(), [], 'cycles')
})
