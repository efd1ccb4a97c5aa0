// Uploaded text files: UTF-8 (with or without a BOM), UTF-16 (little- or big-endian, with a BOM — what
// Excel writes for "Unicode Text" and some MIS exports), or Windows-1252 when the bytes are not valid
// UTF-8 — what Excel on Windows writes when a school saves "CSV" rather than "CSV UTF-8". Anything else
// (a spreadsheet, an archive, an image, bytes PostgreSQL cannot store) is not a text file. Pure.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; undefined bytes there map to U+FFFD.
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178
]

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  const chunk: number[] = []
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b)
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk)
      chunk.length = 0
    }
  }
  return out + String.fromCharCode(...chunk)
}

/** The encoding a byte-order mark names, if the bytes begin with a UTF-16 one. */
function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/** The file's text (without its byte-order mark) and the encoding it was read as. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const utf16 = utf16Bom(bytes)
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text, encoding: 'utf-8' }
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  }
}

// The first bytes of the files schools most often upload by mistake.
const SIGNATURES: Array<[number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive, such as an Excel .xlsx'],
  [[0x50, 0x4b, 0x05, 0x06], 'a ZIP archive, such as an Excel .xlsx'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Excel .xls or other Office file'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive']
]

// C0 control characters other than tab, line feed, form feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

/**
 * Why these bytes are not a text file Lantern can read, in words for the school ("it looks like a
 * PDF"), or null. A NUL character is never accepted: PostgreSQL cannot store it in text.
 */
export function notTextReason(bytes: Uint8Array, text: string = decodeText(bytes).text): string | null {
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return `it looks like ${what}`
  }
  if (text.includes('\u0000')) {
    // every other byte zero: UTF-16 saved without the byte-order mark that says so
    const sample = bytes.subarray(0, 1024)
    let zeros = 0
    for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros++
    return zeros * 2 >= sample.length - 1 ? 'it looks like UTF-16 text without a byte-order mark' : 'it contains NUL bytes'
  }
  // Binary content decoded as Windows-1252 is mostly control characters; a stray one in a cell is not.
  const head = text.slice(0, 8192)
  const controls = head.match(CONTROL)?.length ?? 0
  if (controls > 8 && controls * 100 > head.length) return 'it contains binary data'
  return null
}
