// Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: self time by function and
// by file (node_modules folded to the package), largest first.
// Usage: node dist/test/bench/cpu-profile.js <file.cpuprofile> [rows]
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** A file as a reader thinks of it: the package for node_modules, the path under the project otherwise. */
export function fileOf(url: string): string {
  if (!url) return '(native or idle)'
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/')
    return `npm:${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`
  }
  const dist = url.indexOf('/dist/')
  if (dist >= 0) return url.slice(dist + 1)
  return url.replace(/^file:\/\//, '')
}

export function summarise(profile: Profile): { totalMs: number; byFunction: Array<[string, number]>; byFile: Array<[string, number]> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfMs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
  const fn = new Map<string, number>()
  const file = new Map<string, number>()
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!
    const where = fileOf(node.callFrame.url)
    const name = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`
    fn.set(name, (fn.get(name) ?? 0) + ms)
    file.set(where, (file.get(where) ?? 0) + ms)
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])
  return { totalMs: (profile.endTime - profile.startTime) / 1000, byFunction: sorted(fn), byFile: sorted(file) }
}

if (require.main === module) {
  const [path, rows = '30'] = process.argv.slice(2)
  if (!path) {
    console.error('usage: node dist/test/bench/cpu-profile.js <file.cpuprofile> [rows]')
    process.exit(2)
  }
  const { totalMs, byFunction, byFile } = summarise(JSON.parse(readFileSync(path, 'utf8')) as Profile)
  const pct = (ms: number) => `${((ms * 100) / totalMs).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms`
  console.log(`profile: ${(totalMs / 1000).toFixed(1)} s\n\nself time by file`)
  for (const [name, ms] of byFile.slice(0, Number(rows))) console.log(`${pct(ms)}  ${name}`)
  console.log('\nself time by function')
  for (const [name, ms] of byFunction.slice(0, Number(rows))) console.log(`${pct(ms)}  ${name}`)
}
