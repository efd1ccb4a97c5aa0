// The worker thread that renders supervision packs, so a long render never holds up other requests.
// It receives fully loaded pack data and returns the PDF's bytes; nothing else crosses the boundary.
import { parentPort } from 'node:worker_threads'
import type { PdfFonts } from '../platform/fonts'
import { packPdf } from './pack'
import type { PackData } from './pack-model'

parentPort?.on('message', (message: { id: number; data: PackData; fonts: PdfFonts }) => {
  // a render that throws at once is answered like one that fails later: the thread carries on
  Promise.resolve()
    .then(() => packPdf(message.data, message.fonts))
    .then(
      (pdf) => parentPort!.postMessage({ id: message.id, pdf }),
      (err: unknown) => parentPort!.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) })
    )
})
