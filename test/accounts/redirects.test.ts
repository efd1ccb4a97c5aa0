import t from 'tap'
import { safeNext } from '../../server/accounts/schemas'
import { Browser, buildTestApp, createSchool, createUser } from '../helper'

const REFUSED = [
  '/\n',
  '/\r\nSet-Cookie: x=1',
  '/ā',
  '/caf\u00e9',
  '/\t/evil.example',
  '/ /evil.example',
  '//evil.example',
  '/\\evil.example',
  '/a\\b',
  'https://evil.example/',
  'javascript:alert(1)',
  '',
  `/${'a'.repeat(2001)}`
]

t.test('safeNext keeps plain same-site paths and sends everything else home', async (t) => {
  for (const next of ['/', '/account', '/s/123456/pupils?q=smith&sort=level', '/s/123456/pupils/12#letter', '/a%20b']) t.equal(safeNext(next), next, next)
  for (const next of REFUSED) t.equal(safeNext(next), '/', JSON.stringify(next).slice(0, 40))
  t.equal(safeNext(undefined), '/')
})

t.test('signing in with a hostile next= redirects home, and the server keeps answering', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'staff@school.test' })
  for (const next of ['/\n', '/ā', '/\t/evil.example', '/\r\nLocation: https://evil.example']) {
    const browser = new Browser(app)
    await browser.get('/login')
    const res = await browser.post('/login', { email: 'staff@school.test', password: 'correct horse battery staple', next })
    t.equal(res.statusCode, 303, JSON.stringify(next))
    t.equal(res.headers.location, '/', `${JSON.stringify(next)} goes home`)
    t.equal((await browser.get('/account')).statusCode, 200, 'signed in')
  }
  const kept = new Browser(app)
  await kept.get('/login')
  const res = await kept.post('/login', { email: 'staff@school.test', password: 'correct horse battery staple', next: `/s/${school.urn}/pupils?q=a` })
  t.equal(res.headers.location, `/s/${school.urn}/pupils?q=a`, 'a plain path is kept')
})
