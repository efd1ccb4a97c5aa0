// `npm run bench`: every benchmark in turn, each printed as JSON when it finishes.
import { benchScreening } from './screening.bench'
import { benchImports } from './imports.bench'
import { benchDashboard } from './dashboard.bench'

async function main() {
  for (const bench of [benchScreening, benchImports, benchDashboard]) console.log(JSON.stringify(await bench(), null, 2))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
