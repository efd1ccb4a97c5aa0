// Renders packs off the event loop: one long-lived worker thread (started on first use, started again
// if it ever fails), requests answered in order. A render that fails rejects its own request only.
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { PdfFonts } from '../platform/fonts'
import type { PackData } from './pack-model'

interface Pending {
  resolve(pdf: Buffer): void
  reject(err: Error): void
}

interface Thread {
  worker: Worker
  /** this thread's requests: a thread that dies takes only its own with it */
  pending: Map<number, Pending>
}

export class PackRenderer {
  private thread: Thread | null = null
  private nextId = 1

  constructor(private readonly fonts: PdfFonts) {}

  private start(): Thread {
    const thread: Thread = { worker: new Worker(join(__dirname, 'pack-thread.js')), pending: new Map() }
    const { worker, pending } = thread
    worker.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
      const p = pending.get(m.id)
      if (!p) return
      pending.delete(m.id)
      if (pending.size === 0) worker.unref()
      if (m.pdf) p.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength))
      else p.reject(new Error(`The pack could not be rendered: ${m.error ?? 'unknown error'}`))
    })
    const fail = (err: Error) => {
      if (this.thread === thread) this.thread = null
      for (const p of pending.values()) p.reject(new Error(`The pack could not be rendered: ${err.message}`))
      pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`the renderer stopped (exit ${code})`)))
    return thread
  }

  render(data: PackData): Promise<Buffer> {
    this.thread ??= this.start()
    const { worker, pending } = this.thread
    const id = this.nextId++
    // the process waits for a render in progress; an idle renderer never keeps it alive
    worker.ref()
    return new Promise<Buffer>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, data, fonts: this.fonts })
    })
  }

  async close(): Promise<void> {
    const thread = this.thread
    this.thread = null
    if (thread) await thread.worker.terminate()
  }
}
