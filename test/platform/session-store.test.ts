// The session store hands every outcome to @fastify/session's callback, which goes on to send the
// reply. Whatever that callback throws must be logged, never left as an unhandled rejection, which
// would end the process (Node refusing a header as the reply is written is one real case).
import t from 'tap'
import { connect } from '../../server/db/connect'
import { PostgresSessionStore } from '../../server/platform/sessions'
import { buildTestApp, createSchool, createUser } from '../helper'

function collectingLog() {
  const entries: Array<{ err: unknown; message: string }> = []
  return { entries, log: { error: (obj: unknown, message?: string) => entries.push({ err: (obj as { err: unknown }).err, message: message ?? '' }) } as never }
}

function watchRejections(t: { teardown(fn: () => unknown): void }) {
  const seen: unknown[] = []
  const listener = (reason: unknown) => seen.push(reason)
  process.on('unhandledRejection', listener)
  t.teardown(() => process.off('unhandledRejection', listener))
  return seen
}

/** Calls one store operation with a callback that throws, and waits for the callback. */
function throwingCall(run: (callback: (err?: unknown, result?: unknown) => void) => void) {
  return new Promise<{ err: unknown; result: unknown }>((resolve) => {
    run((err, result) => {
      resolve({ err, result })
      throw new Error('Invalid character in header content ["location"]')
    })
  })
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

t.test('a callback that throws after set, get and destroy is logged, not an unhandled rejection', async (t) => {
  const app = await buildTestApp(t)
  const rejections = watchRejections(t)
  const { entries, log } = collectingLog()
  const store = new PostgresSessionStore(app.db, log)
  const session = { cookie: { expires: new Date(Date.now() + 60_000) }, userId: 1 }

  t.notOk((await throwingCall((cb) => store.set('sid-1', session, cb))).err)
  const read = await throwingCall((cb) => store.get('sid-1', cb))
  t.notOk(read.err)
  t.match(read.result, { userId: 1 }, 'the session was stored and read back')
  t.notOk((await throwingCall((cb) => store.destroy('sid-1', cb))).err)
  await settle()

  t.same(rejections, [], 'no unhandled rejection')
  t.equal(entries.length, 3, 'each thrown error is logged')
  t.match(entries[0], { err: { message: /Invalid character in header/ } })
})

t.test('a callback that throws after the database refused is logged too', async (t) => {
  const rejections = watchRejections(t)
  const { entries, log } = collectingLog()
  // nothing listens on port 1: a real refused connection
  const db = connect('postgres://lantern:x@127.0.0.1:1/lantern', 1)
  t.teardown(() => db.destroy())
  const store = new PostgresSessionStore(db, log)
  const read = await throwingCall((cb) => store.get('sid-2', cb))
  t.match(read.err, { code: 'ECONNREFUSED' }, 'the callback is given the database error')
  await settle()
  t.same(rejections, [])
  t.equal(entries.length, 1)
})

t.test('the access read with a session is handed over once, and only while fresh', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Fir School')
  const user = await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }])
  const { log } = collectingLog()
  const store = new PostgresSessionStore(app.db, log)
  const read = (sid: string) => new Promise<unknown>((resolve, reject) => store.get(sid, (err, result) => (err ? reject(err) : resolve(result))))
  const save = (sid: string, session: unknown) => new Promise<void>((resolve, reject) => store.set(sid, session, (err) => (err ? reject(err) : resolve())))
  await save('sid-a', { cookie: { expires: new Date(Date.now() + 60_000) }, userId: user.id })
  t.match(await read('sid-a'), { userId: user.id })
  const access = store.takeAccess('sid-a')
  t.match(access, { user: { id: user.id }, memberships: [{ id: school.id, role: 'pastoral', isDsl: true }] })
  t.equal(access!.viewVersions.get(school.id), 0)
  t.equal(store.takeAccess('sid-a'), undefined, 'handed over once')

  await read('sid-a')
  await new Promise((resolve) => setTimeout(resolve, 1_100))
  t.equal(store.takeAccess('sid-a'), undefined, 'not after a second: it is read afresh instead')
  await read('sid-a')
  await new Promise((resolve) => setTimeout(resolve, 1_100))
  store.sweepPrefetched()
  t.equal(store.takeAccess('sid-a'), undefined, 'swept')

  await save('sid-b', { cookie: { expires: new Date(Date.now() + 60_000) } })
  await read('sid-b')
  t.equal(store.takeAccess('sid-b'), undefined, 'a session with no user has no access to hand over')
})
