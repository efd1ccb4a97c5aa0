// Preloaded into Lantern by load.bench.ts (`node --require dist/test/bench/memory-report.js dist/server/main.js`):
// on SIGUSR2 the process prints one line with its V8 heap, so the bench can read the heap of a server
// running in its own process. It changes nothing else.
process.on('SIGUSR2', () => {
  const m = process.memoryUsage()
  process.stdout.write(`lantern-bench-memory ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external })}\n`)
})
