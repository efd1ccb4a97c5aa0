// Benchmark: the link team's 40-pupil supervision pack, beside the floor — pdfkit writing the same
// number of A4 pages of plain text in the same font, timed in the same run — and how long a render
// holds the event loop (a route that prints packs would delay every other request by that much).
// Run alone: `npm run -s build && node dist/test/bench/pack.bench.js`.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import PDFDocument from 'pdfkit'
import { PDF_FONTS } from '../../server/platform/fonts'
import { packPdf } from '../../server/supervision/pack'
import { PackRenderer } from '../../server/supervision/pack-renderer'
import { packData } from '../supervision/pack-fixtures'

const PUPILS = 40
const RUNS = 5

function plainPages(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, font: PDF_FONTS.regular })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const text = 'Predictable mornings: a named adult at the gate, a quiet place to settle, warning before tests. '.repeat(30)
  for (let i = 0; i < pages; i++) {
    if (i > 0) doc.addPage()
    doc.font(PDF_FONTS.regular).fontSize(10).text(text, { width: 483 })
  }
  doc.end()
  return done
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now()
  const result = await run()
  return { ms: Math.round((performance.now() - started) * 10) / 10, result }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function pagesOf(pdf: Buffer): number {
  return Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0)
}

export async function benchPack(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const data = packData({ copy: 'link', pupils: PUPILS })
  const cold = await timed(() => packPdf(data, PDF_FONTS))
  const pages = pagesOf(cold.result)
  const packRuns: number[] = []
  const floorRuns: number[] = []
  for (let i = 0; i < RUNS; i++) {
    packRuns.push((await timed(() => packPdf(data, PDF_FONTS))).ms)
    floorRuns.push((await timed(() => plainPages(pages))).ms)
  }
  // the longest the loop waited while packs rendered: a request arriving then waits as long
  // (the monitor samples on a timer, so give it turns of the loop before, between and after)
  const delay = monitorEventLoopDelay({ resolution: 5 })
  const turn = () => new Promise((resolve) => setTimeout(resolve, 20))
  delay.enable()
  await turn()
  for (let i = 0; i < 3; i++) {
    await packPdf(data, PDF_FONTS)
    await turn()
  }
  delay.disable()
  const blockedMs = Math.round(delay.max / 1e5) / 10
  // the same three renders as the pages make them, on the worker thread: how long the loop waits now
  const renderer = new PackRenderer(PDF_FONTS)
  await renderer.render(data)
  const workerDelay = monitorEventLoopDelay({ resolution: 5 })
  workerDelay.enable()
  await turn()
  const workerRun = await timed(() => Promise.all([renderer.render(data), renderer.render(data), renderer.render(data)]))
  await turn()
  workerDelay.disable()
  await renderer.close()
  const workerBlockedMs = Math.round(workerDelay.max / 1e5) / 10
  const packMs = median(packRuns)
  const sizeKb = Math.round(cold.result.length / 1024)
  return {
    name: `pack: ${PUPILS} pupils, link team's copy`,
    figures: {
      pages,
      pack_ms: packMs,
      pack_cold_ms: cold.ms,
      floor_plain_text_ms: median(floorRuns),
      size_kb: sizeKb,
      event_loop_max_delay_ms: blockedMs,
      event_loop_p50_delay_ms: Math.round(delay.percentile(50) / 1e5) / 10,
      worker_three_packs_ms: workerRun.ms,
      worker_event_loop_max_delay_ms: workerBlockedMs,
      verdict: packMs < 1000 && sizeKb < 2048
        ? `ok: ${packMs} ms < 1,000 ms, ${sizeKb} KB < 2,048 KB; rendered in the request the loop waits up to ${blockedMs} ms, on the worker thread (as the pages render) up to ${workerBlockedMs} ms`
        : `SLOW or LARGE: ${packMs} ms, ${sizeKb} KB`,
    },
  }
}

if (require.main === module) {
  benchPack().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    },
  )
}
