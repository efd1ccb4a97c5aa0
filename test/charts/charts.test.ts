import t from 'tap'
import { XMLValidator } from 'fast-xml-parser'
import { attendanceBins, barChart, binValues, escapeXml, histogram, sdqProfile } from '../../server/charts/charts'

function accessible(check: Pick<typeof t, 'equal' | 'match'>, svg: string) {
  check.equal(XMLValidator.validate(svg), true, 'well-formed XML')
  check.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" /)
  const labelled = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? []
  check.equal(labelled.length, 2, 'labelled by a title and a description')
  for (const id of labelled) check.match(svg, new RegExp(`id="${id}"`), `${id} exists`)
  check.match(svg, /<title id="[^"]+-title">/)
  check.match(svg, /<desc id="[^"]+-desc">/)
}

t.test('escapeXml escapes markup and drops characters XML cannot carry', async (t) => {
  t.equal(escapeXml(`<script>alert("x") & 'y'</script>`), '&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;')
  t.equal(escapeXml('a\u0000b\u001Fc\td'), 'abc\td')
})

t.test('barChart: accessible structure, values written as text, labels escaped', async (t) => {
  const svg = barChart({ title: 'Reasons <in> Year 7', labels: ['<script>alert(1)</script>', 'Persistent absence'], values: [3, 41], unit: ' pupils' })
  accessible(t, svg)
  t.notMatch(svg, /<script>/, 'no raw script element')
  t.match(svg, '&lt;script&gt;')
  t.match(svg, '<title id="chart-reasons-in-year-7-')
  t.match(svg, 'Reasons &lt;in&gt; Year 7</title>')
  t.match(svg, '>41 pupils</text>')
  t.match(svg, '>3 pupils</text>')
  t.match(svg, 'Persistent absence: 41 pupils', 'the description lists every value')
  t.equal(svg.match(/<rect x="250"/g)?.length, 2, 'one bar per value')
  t.notMatch(svg, 'Hatched:', 'no legend without emphasis')
})

t.test('barChart: bar lengths are proportional; odd values do not break the markup', async (t) => {
  const svg = barChart({ title: 'T', labels: ['a', 'b', 'c', 'd'], values: [10, 5, Number.NaN, -2], width: 640 })
  t.equal(XMLValidator.validate(svg), true)
  const widths = [...svg.matchAll(/<rect x="250" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]))
  t.same(widths, [300, 150, 0, 0])
  t.match(svg, '>-2</text>', 'a negative value is still written')
  t.notMatch(svg, 'NaN')
  const empty = barChart({ title: 'Nothing yet', labels: [], values: [] })
  accessible(t, empty)
})

t.test('barChart: ids are deterministic, can be given, and are sanitised', async (t) => {
  const a = barChart({ title: 'Same', labels: ['x'], values: [1] })
  t.equal(a, barChart({ title: 'Same', labels: ['x'], values: [1] }))
  t.not(/id="([^"]+)-title"/.exec(a)?.[1], /id="([^"]+)-title"/.exec(barChart({ title: 'Same', labels: ['y'], values: [1] }))?.[1])
  t.match(barChart({ id: 'form "7A"<', title: 'x', labels: [], values: [] }), 'id="form--7A---title"')
})

t.test('histogram: attendance bins split at the persistent and severe absence lines; emphasis is hatched and explained', async (t) => {
  const bins = attendanceBins()
  t.same(bins.map((b) => b.max), [50, 90, 95, 100])
  t.same(binValues([50, 50.1, 90, 90.1, 95, 99, 100, 100.5, Number.NaN], bins), [1, 2, 2, 2], '90.0% is persistent absence, 90.1% is not; values out of range are left out')
  t.same(attendanceBins(5, 50).map((b) => b.max), [50, 95, 100])
  const svg = histogram({ title: 'Attendance', values: [40, 88, 97], bins, unit: ' pupils', emphasisLabel: 'persistent or severe absence' })
  accessible(t, svg)
  t.equal(svg.match(/fill="url\(#[^)]+-hatch\)"/g)?.length, 3, 'two hatched bars and the legend swatch')
  t.match(svg, 'Hatched: persistent or severe absence')
  t.match(svg, '50% or less: severe: 1 pupils')
})

t.test('sdqProfile: scales per informant, band written and shaded by pattern, not colour alone', async (t) => {
  const svg = sdqProfile({
    title: 'SDQ: <Pupil> A',
    informants: [
      { informant: 'self', scores: { emotional: 7, conduct: 2, total: 19, prosocial: 4 }, bands: { emotional: 'very_high', conduct: 'close_to_average', total: 'high', prosocial: 'low' } },
      { informant: 'teacher', scores: { emotional: 4, conduct: null }, bands: { emotional: 'slightly_raised' } },
    ],
  })
  accessible(t, svg)
  t.match(svg, 'SDQ: &lt;Pupil&gt; A')
  t.match(svg, '>7 very high</text>')
  t.match(svg, '>19 high</text>')
  t.match(svg, '>4 low</text>')
  t.match(svg, '>4 slightly raised</text>')
  t.match(svg, '>not scored</text>')
  t.match(svg, 'Emotional symptoms: Self-report 7 of 10, very high, Teacher 4 of 10, slightly raised', 'the description reads the profile')
  t.match(svg, 'Total difficulties: Self-report 19 of 40, high')
  t.match(svg, /fill="url\(#[^)]+-cross\)"/, 'very high cross-hatched')
  t.match(svg, /fill="url\(#[^)]+-dots\)"/, 'slightly raised dotted')
  for (const words of ['close to average', 'slightly raised / lowered', 'high / low', 'very high / very low']) t.match(svg, `>${words}</text>`, `legend: ${words}`)
})

t.test('sdqProfile with no informants says so', async (t) => {
  const svg = sdqProfile({ title: 'SDQ', informants: [] })
  accessible(t, svg)
  t.match(svg, '>No SDQ on record.</text>')
})
