// Sealed secrets: readable with the same session secret only, and not if altered.
import t from 'tap'
import { secretBox } from '../../server/platform/secret-box'

t.test('a sealed value opens with the same key only, and not once altered', async (t) => {
  const box = secretBox('a session secret that is long enough!!', 'second-factor secrets v1')
  const sealed = box.seal('JBSWY3DPEHPK3PXP')
  t.notMatch(sealed, 'JBSWY3DPEHPK3PXP')
  t.not(box.seal('JBSWY3DPEHPK3PXP'), sealed, 'a new nonce each time')
  t.equal(box.open(sealed), 'JBSWY3DPEHPK3PXP')
  t.equal(secretBox('another session secret, just as long!!', 'second-factor secrets v1').open(sealed), null, 'another session secret')
  t.equal(secretBox('a session secret that is long enough!!', 'something else').open(sealed), null, 'another purpose')
  const [v, iv, tag, body] = sealed.split('.')
  const flipped = Buffer.from(body!, 'base64url')
  flipped[0]! ^= 1
  t.equal(box.open([v, iv, tag, flipped.toString('base64url')].join('.')), null, 'altered')
  t.equal(box.open([v, iv, tag!.slice(0, 8), body].join('.')), null, 'a shortened tag')
  t.equal(box.open('v2.a.b.c'), null)
  t.equal(box.open('not sealed'), null)
})
