// Renders packs off the event loop: one long-lived worker thread (started on first use, restarted if it
// ever fails), requests queued in order. A render that fails rejects its own request only.
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { PdfFonts } from '../platform/fonts'
import type { PackData } from './pack-model'

interface Pending {
  resolve(pdf: Buffer): void
  reject(err: Error): void
}

export class PackRenderer {
  private worker: Worker | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly fonts: PdfFonts) {}

  private start(): Worker {
    const worker = new Worker(join(__dirname, 'pack-thread.js'))
    worker.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
      const p = this.pending.get(m.id)
      if (!p) return
      this.pending.delete(m.id)
      if (m.pdf) p.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength))
      else p.reject(new Error(`The pack could not be rendered: ${m.error ?? 'unknown error'}`))
    })
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null
      for (const [id, p] of this.pending) {
        this.pending.delete(id)
        p.reject(err)
      }
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`The pack renderer stopped (exit ${code}).`)))
    // an idle renderer never keeps the process alive
    worker.unref()
    return worker
  }

  render(data: PackData): Promise<Buffer> {
    this.worker ??= this.start()
    const id = this.nextId++
    const worker = this.worker
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, data, fonts: this.fonts })
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }
}
