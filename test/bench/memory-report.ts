// Preloaded into Lantern by load.bench.ts (`node --expose-gc --require dist/test/bench/memory-report.js
// dist/server/main.js`): on SIGUSR2 the process prints one line with its V8 heap as it is and again after
// a full garbage collection (live objects only, so a leak shows apart from garbage not yet collected), so
// the bench can read the heap of a server running in its own process. It changes nothing else.
process.on('SIGUSR2', () => {
  const m = process.memoryUsage()
  const collect = (globalThis as { gc?: () => void }).gc
  collect?.()
  const live = collect ? process.memoryUsage().heapUsed : NaN
  process.stdout.write(`lantern-bench-memory ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, heapLive: live })}\n`)
})
