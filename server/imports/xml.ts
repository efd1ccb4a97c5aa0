// A small XML reader for Common Transfer Files: elements and their text, nothing else. Pure. It does not
// recurse (a deeply nested file cannot exhaust the stack), skips comments and processing instructions,
// ignores attributes and namespace prefixes, and checks that every tag is closed, so a broken or cut
// short file is refused with a line number. There is no DOCTYPE support at all: only the five
// predefined entities and numeric character references are known (the caller refuses any markup
// declaration before parsing; here one is simply not well-formed).
//
// The result has the shape the CTF reader walks: element names in lower case without their prefix;
// an element with child elements is an object (its own text ignored), any other element is its
// trimmed text; a name repeated under one parent becomes an array, in document order.
import { lookupTable } from '../lookup'

export type XmlValue = string | XmlElement | (string | XmlElement)[]
export interface XmlElement { [name: string]: XmlValue }

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; line: number; message: string }

interface Open {
  name: string
  key: string
  start: number
  children: XmlElement | null
  text: string
}

const NAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*$/
const PREDEFINED = lookupTable<string>({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })

class NotWellFormed extends Error {
  constructor(readonly at: number, message: string) {
    super(message)
  }
}

function lineAt(text: string, at: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++
  return line
}

/** Replaces entity and character references; anything else after `&` is not well-formed. */
function decodeReferences(s: string, at: number): string {
  let amp = s.indexOf('&')
  if (amp === -1) return s
  let out = ''
  let from = 0
  while (amp !== -1) {
    const semi = s.indexOf(';', amp)
    const ref = semi === -1 ? '' : s.slice(amp + 1, semi)
    let char: string | undefined
    if (ref.startsWith('#x') || ref.startsWith('#X')) char = codePoint(ref.slice(2), 16)
    else if (ref.startsWith('#')) char = codePoint(ref.slice(1), 10)
    else char = PREDEFINED[ref]
    if (char === undefined) {
      const shown = s.slice(amp, semi === -1 || semi - amp > 12 ? amp + 12 : semi + 1)
      throw new NotWellFormed(at + amp, `'${shown}' is not a character reference (write & as &amp;)`)
    }
    out += s.slice(from, amp) + char
    from = semi + 1
    amp = s.indexOf('&', from)
  }
  return out + s.slice(from)
}

function codePoint(digits: string, radix: 10 | 16): string | undefined {
  if (digits === '' || !(radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined
  const n = parseInt(digits, radix)
  const allowed = n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff)
  return allowed ? String.fromCodePoint(n) : undefined
}

/** The end of a start or end tag beginning at `from` (the index of its `>`), skipping quoted attribute values. */
function tagEnd(text: string, from: number): number {
  const end = text.indexOf('>', from)
  if (end === -1) return -1
  const quote = text.slice(from, end).search(/["']/)
  if (quote === -1) return end
  let i = from + quote
  while (i < text.length) {
    const c = text[i]
    if (c === '>') return i
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1)
      if (close === -1) return -1
      i = close + 1
    } else i++
  }
  return -1
}

function keyOf(name: string, keys: Map<string, string>): string {
  let key = keys.get(name)
  if (key === undefined) {
    const colon = name.lastIndexOf(':')
    key = (colon === -1 ? name : name.slice(colon + 1)).toLowerCase()
    keys.set(name, key)
  }
  return key
}

function addChild(parent: XmlElement, key: string, value: string | XmlElement): void {
  const earlier = parent[key]
  if (earlier === undefined) parent[key] = value
  else if (Array.isArray(earlier)) earlier.push(value)
  else parent[key] = [earlier, value]
}

export function parseXml(text: string): XmlResult {
  try {
    return { ok: true, root: parse(text) }
  } catch (err) {
    if (!(err instanceof NotWellFormed)) throw err
    return { ok: false, line: lineAt(text, err.at), message: err.message }
  }
}

function parse(text: string): XmlElement {
  const document: XmlElement = Object.create(null) as XmlElement
  const stack: Open[] = []
  const keys = new Map<string, string>()
  let rootSeen = false
  const nul = text.indexOf('\u0000')
  if (nul !== -1) throw new NotWellFormed(nul, 'it contains a NUL character, which XML never may')
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (i < text.length) {
    const lt = text.indexOf('<', i)
    const textEnd = lt === -1 ? text.length : lt
    if (textEnd > i) {
      const top = stack[stack.length - 1]
      if (top) {
        const decoded = decodeReferences(text.slice(i, textEnd), i)
        if (top.children === null) top.text += decoded
      } else if (text.slice(i, textEnd).trim() !== '') {
        throw new NotWellFormed(i + text.slice(i, textEnd).search(/\S/), rootSeen ? 'there is text after the end of the document' : 'there is text before the first element')
      }
    }
    if (lt === -1) break
    const next = text.charCodeAt(lt + 1)
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4)
        if (end === -1) throw new NotWellFormed(lt, 'a comment is never closed (no -->)')
        i = end + 3
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9)
        if (end === -1) throw new NotWellFormed(lt, 'a CDATA section is never closed (no ]]>)')
        const top = stack[stack.length - 1]
        if (!top) throw new NotWellFormed(lt, 'a CDATA section is outside the document element')
        if (top.children === null) top.text += text.slice(lt + 9, end)
        i = end + 3
      } else {
        throw new NotWellFormed(lt, 'it contains a markup declaration, which a Common Transfer File never needs')
      }
    } else if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2)
      if (end === -1) throw new NotWellFormed(lt, 'a processing instruction is never closed (no ?>)')
      i = end + 2
    } else if (next === 0x2f /* / */) {
      const end = text.indexOf('>', lt + 2)
      if (end === -1) throw new NotWellFormed(lt, 'the file ends in the middle of a tag — it may have been cut short')
      const name = text.slice(lt + 2, end).trimEnd()
      const open = stack.pop()
      if (!open) throw new NotWellFormed(lt, `the closing tag </${name}> has no matching opening tag`)
      if (open.name !== name) throw new NotWellFormed(lt, `the closing tag </${name}> does not match <${open.name}> opened on line ${lineAt(text, open.start)}`)
      close(open, stack, document)
      i = end + 1
    } else {
      const end = tagEnd(text, lt + 1)
      if (end === -1) throw new NotWellFormed(lt, 'the file ends in the middle of a tag — it may have been cut short')
      const selfClosing = text.charCodeAt(end - 1) === 0x2f
      const inner = text.slice(lt + 1, selfClosing ? end - 1 : end)
      const space = inner.search(/\s/)
      const name = space === -1 ? inner : inner.slice(0, space)
      if (!NAME.test(name)) throw new NotWellFormed(lt, `'<${name}' is not a valid element name`)
      if (space !== -1 && !/^(\s+[^\s=]+\s*=\s*("[^"<]*"|'[^'<]*'))*\s*$/.test(inner.slice(space))) {
        throw new NotWellFormed(lt, `the attributes of <${name}> are not well-formed`)
      }
      if (!stack.length && rootSeen) throw new NotWellFormed(lt, `<${name}> is a second document element; a file has only one`)
      rootSeen = true
      const open: Open = { name, key: keyOf(name, keys), start: lt, children: null, text: '' }
      if (selfClosing) close(open, stack, document)
      else stack.push(open)
      i = end + 1
    }
  }
  const unclosed = stack[stack.length - 1]
  if (unclosed) throw new NotWellFormed(text.length, `the file ends before <${unclosed.name}> (opened on line ${lineAt(text, unclosed.start)}) is closed — it may have been cut short`)
  if (!rootSeen) throw new NotWellFormed(text.length, 'there is no element in it')
  return document
}

function close(open: Open, stack: Open[], document: XmlElement): void {
  const value = open.children ?? open.text.trim()
  const parent = stack[stack.length - 1]
  if (!parent) return addChild(document, open.key, value)
  if (parent.children === null) parent.children = Object.create(null) as XmlElement
  addChild(parent.children, open.key, value)
}
