// A partial rendered on its own (rows the pupil list keeps between changes) escapes as any page does.
import t from 'tap'
import { buildTestApp } from '../helper'

const row = { href: '/s/100001/pupils/1', name: '<b>Bold</b>, "Quote"', upn: 'A123456789012', form: '7A', level: null, reasons: [{ label: '<script>x</script>' }], attendanceText: '–' }

for (const viewCache of [true, false]) {
  t.test(`pupils/list-row with the template cache ${viewCache ? 'on' : 'off'}`, async (t) => {
    const app = await buildTestApp(t, { viewCache })
    for (let i = 0; i < 2; i++) {
      const html = app.renderPartial('pupils/list-row', row).toHTML()
      t.match(html, '&lt;b&gt;Bold&lt;/b&gt;, &quot;Quote&quot;')
      t.match(html, '<li>&lt;script&gt;x&lt;/script&gt;</li>')
      t.notMatch(html, '<script>')
    }
    t.throws(() => app.renderPartial('no/such-partial', {}), /no partial no\/such-partial/)
  })
}
