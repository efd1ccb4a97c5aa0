// `npm run bench`: every benchmark in this folder, one after another, each printing its figures beside
// the baseline it measured in the same run. Pass names to run only some: npm run bench -- imports
import { readdirSync } from 'node:fs'

type Bench = () => Promise<{ name: string; figures: Record<string, number | string> }>

async function main() {
  const only = process.argv.slice(2)
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort()
  for (const file of files) {
    const name = file.replace('.bench.js', '')
    if (only.length && !only.includes(name)) continue
    const mod = (await import(`./${file}`)) as Record<string, unknown>
    const bench = Object.entries(mod).find(([key, value]) => key.startsWith('bench') && typeof value === 'function')?.[1] as Bench | undefined
    if (!bench) continue
    process.stdout.write(`\n== ${name}\n`)
    const result = await bench()
    for (const [key, value] of Object.entries(result.figures)) process.stdout.write(`  ${key}: ${value}\n`)
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
