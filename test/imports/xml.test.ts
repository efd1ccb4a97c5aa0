import t from 'tap'
import { readCtf } from '../../server/imports/ctf'
import { parseXml, type XmlResult } from '../../server/imports/xml'
import { decodeText } from '../../server/imports/text'
import { fixture, TODAY } from './helpers'

const root = (result: XmlResult) => (result.ok ? JSON.parse(JSON.stringify(result.root)) : result)

t.test('elements become objects, text leaves become trimmed strings, repeats become arrays', async (t) => {
  t.same(root(parseXml('<?xml version="1.0"?>\n<A><B> one </B><B>two</B><C><D/></C><E></E></A>')), { a: { b: ['one', 'two'], c: { d: '' }, e: '' } })
  t.same(root(parseXml('<x:CTfile xmlns:x="urn:x"><x:Header id=\'1\' b = "2">h</x:Header></x:CTfile>')), { ctfile: { header: 'h' } }, 'prefixes and attributes dropped')
  t.same(root(parseXml('<a>text<b>1</b>more</a>')), { a: { b: '1' } }, 'an element with children keeps only its children')
  t.same(root(parseXml('\uFEFF<a>x</a>')), { a: 'x' }, 'BOM skipped')
})

t.test('entities, character references, CDATA, comments and processing instructions', async (t) => {
  t.same(root(parseXml('<a><b>Fish &amp; Chips &lt;&gt; &quot;&apos;</b><c>Zo&#235; &#x2014;</c><d><![CDATA[<not> & a tag]]></d></a>')), {
    a: { b: 'Fish & Chips <> "\'', c: 'Zoë —', d: '<not> & a tag' }
  })
  t.same(root(parseXml('<!-- before --><a><!-- <b>hidden</b> --><?pi data?><c>O<!-- x -->kafor</c></a><!-- after -->')), { a: { c: 'Okafor' } })
  for (const bad of ['<a>Fish & Chips</a>', '<a>&nbsp;</a>', '<a>&#0;</a>', '<a>&#xD800;</a>', '<a>&#12x;</a>']) {
    const result = parseXml(bad)
    t.equal(result.ok, false, bad)
    if (!result.ok) t.match(result.message, /is not a character reference/, bad)
  }
})

t.test('broken files are refused with the line of the problem', async (t) => {
  const cases: [string, number, RegExp][] = [
    ['<a>\n<b>\n</c>\n</a>', 3, /closing tag <\/c> does not match <b> opened on line 2/],
    ['<a>\n<b>x</b>\n', 3, /ends before <a> \(opened on line 1\) is closed/],
    ['<a><b', 1, /ends in the middle of a tag/],
    ['<a>x</a>\n<b/>', 2, /second document element/],
    ['<a>x</a>\ntrailing', 2, /text after the end/],
    ['</a>', 1, /no matching opening tag/],
    ['<a>\n<!-- never closed\n</a>', 2, /comment is never closed/],
    ['<a><![CDATA[ open</a>', 1, /CDATA section is never closed/],
    ['<a>\n<1b>x</1b></a>', 2, /not a valid element name/],
    ['<a b=c>x</a>', 1, /attributes of <a> are not well-formed/],
    ['<a><!ELEMENT a ANY></a>', 1, /markup declaration/],
    ['<?xml version="1.0"?>', 1, /no element/],
    ['<A>x</a>', 1, /does not match <A>/]
  ]
  for (const [xml, line, message] of cases) {
    const result = parseXml(xml)
    t.match(result, { ok: false, line, message }, xml)
  }
})

t.test('deep nesting does not exhaust the stack', async (t) => {
  const depth = 200000
  t.equal(parseXml('<a>'.repeat(depth) + '</a>'.repeat(depth)).ok, true)
})

t.test('UTF-16 with a byte-order mark is decoded; a CTF in UTF-16 reads like one in UTF-8', async (t) => {
  const xml = '<CTfile><A>Zoë</A></CTfile>'
  t.same(decodeText(Buffer.from('\uFEFF' + xml, 'utf16le')), { text: xml, encoding: 'utf-16le' })
  const be = Buffer.from('\uFEFF' + xml, 'utf16le').swap16()
  t.same(decodeText(be), { text: xml, encoding: 'utf-16be' })
  t.same(decodeText(Buffer.from(xml)), { text: xml, encoding: 'utf-8' })
  const sample = fixture('ctf-sample.xml').toString('utf8')
  t.same(readCtf(Buffer.from('\uFEFF' + sample, 'utf16le'), TODAY), readCtf(fixture('ctf-sample.xml'), TODAY))
})

t.test('a CTF cut short is refused with a line number', async (t) => {
  const sample = fixture('ctf-sample.xml')
  const cut = readCtf(sample.subarray(0, Math.floor(sample.length / 2)), TODAY)
  t.equal(cut.pupils.length, 0)
  t.match(cut.errors[0]?.message, /^This file is not well-formed XML \(line \d+: .*cut short\)/)
})
