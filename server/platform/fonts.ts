// The TTF fonts every PDF embeds (DejaVu: wide Latin coverage, so any pupil's name prints). Paths, not
// registered names: pdfkit re-parses a registered font for every table cell.
import { join } from 'node:path'
import { projectRoot } from '../paths'

const dir = join(projectRoot, 'node_modules', 'dejavu-fonts-ttf', 'ttf')

export interface PdfFonts {
  regular: string
  bold: string
}

export const PDF_FONTS: PdfFonts = { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') }
