// Renders a pack to a temporary file and reads it back as a reader would: poppler's pdftotext per
// page, pdfinfo and pdffonts (poppler-utils; .ci/run installs it).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDF_FONTS } from '../../server/platform/fonts'
import { packPdf } from '../../server/supervision/pack'
import type { PackData } from '../../server/supervision/pack-model'

interface Teardown { teardown(fn: () => unknown): void }

export interface RenderedPack {
  file: string
  bytes: number
  /** the text of each page, in order (pdftotext's reading order) */
  pages: string[]
  /** each page's text laid out as printed, one printed line a line */
  layout: string[]
  /** the text with every run of white space as one space */
  text: string
  /** the file's bytes as Latin-1, to find uncompressed dictionary entries */
  raw: string
  run: (tool: string, ...args: string[]) => string
}

export async function renderToFile(t: Teardown, data: PackData): Promise<RenderedPack> {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-pack-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'pack.pdf')
  const pdf = await packPdf(data, PDF_FONTS)
  writeFileSync(file, pdf)
  const run = (tool: string, ...args: string[]) => execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { maxBuffer: 64 * 1024 * 1024 }).toString()
  const pages = run('pdftotext').split('\f').slice(0, -1)
  const layout = run('pdftotext', '-layout').split('\f').slice(0, -1)
  return { file, bytes: pdf.length, pages, layout, text: pages.join(' ').replace(/\s+/g, ' '), raw: pdf.toString('latin1'), run }
}

/** One space for every run of white space, so a check does not depend on where a line wrapped. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ')
}
