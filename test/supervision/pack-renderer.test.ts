// Packs are rendered on a worker thread so other requests keep answering: the renderer returns the
// same PDF the pure function makes, a render that fails rejects only itself, and the next one works.
import t from 'tap'
import { PDF_FONTS } from '../../server/platform/fonts'
import { PackRenderer } from '../../server/supervision/pack-renderer'
import type { PackData } from '../../server/supervision/pack-model'
import { packData } from './pack-fixtures'

t.test('renders on a worker thread; a failure rejects that render only', async (t) => {
  const renderer = new PackRenderer(PDF_FONTS)
  t.teardown(() => renderer.close())
  const data = packData({ copy: 'link', pupils: 3 })
  const [a, b] = await Promise.all([renderer.render(data), renderer.render(data)])
  t.equal(a.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF')
  t.ok(a.length > 10_000 && b.length > 10_000, 'two renders at once both finish')
  await t.rejects(renderer.render({ ...data, pupils: null } as unknown as PackData), /The pack could not be rendered/)
  const again = await renderer.render(data)
  t.equal(again.subarray(0, 5).toString('latin1'), '%PDF-', 'the renderer carries on after a failed render')
  const cut = renderer.render(data)
  await renderer.close()
  await t.rejects(cut, /The pack could not be rendered: the renderer stopped/, 'a render in progress when the thread stops is refused, not lost')
  const restarted = await renderer.render(data)
  t.ok(restarted.length > 10_000, 'a closed renderer starts a new thread when asked again')
})
