// Attendance history: every attendance figure an import (CSV or CTF) brings is kept beside the latest
// one screening reads; the same file again adds nothing; undoing an import takes its rows with it; the
// store reads a pupil's series and the figures as of a moment. Migration 0013 backfills what was there.
import { sql } from 'kysely'
import t from 'tap'
import * as history from '../../migrations/0013_attendance_history'
import { rollbackImport, runImport } from '../../server/imports/service'
import { attendanceAsOf, listAttendanceHistory } from '../../server/pupils/store'
import { fixture, setUp, TODAY } from './helpers'

const later = (rows: Array<[string, number, number]>) => Buffer.from(['upn,sessions_possible,sessions_absent,period', ...rows.map(([upn, possible, absent]) => `${upn},${possible},${absent},Year 7 autumn`)].join('\n') + '\n')

t.test('CTF and CSV imports both add history; the same figures again add nothing; attendance keeps the latest', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const run = (fileName: string, content: Buffer) => runImport(db, { schoolId, userId, fileName, content, today: TODAY })
  const ctf = await run('ctf-sample.xml', fixture('ctf-sample.xml'))
  t.same(ctf.errors, [])
  const afterCtf = await listAttendanceHistory(db, schoolId)
  t.same(afterCtf.map((r) => [r.possible, r.absent, r.period, r.import_id]), [[372, 12, '2025/26', ctf.importId], [372, 44, '2025/26', ctf.importId], [372, 2, '2025/26', ctf.importId]], 'the CTF writes attendance too')

  t.same((await run('ctf-sample.xml', fixture('ctf-sample.xml'))).errors, [])
  t.equal((await listAttendanceHistory(db, schoolId)).length, 3, 'the same CTF again: no duplicate rows')

  const upns = (await db.selectFrom('pupils').select(['id', 'upn']).where('school_id', '=', schoolId).orderBy('id').execute())
  const autumn = await run('autumn.csv', later([['Q380209324001', 140, 4], ['E380209324002', 140, 30], ['P38020932401A', 140, 7]]))
  t.same(autumn.errors, [])
  t.same((await run('autumn again.csv', later([['Q380209324001', 140, 4], ['E380209324002', 140, 30], ['P38020932401A', 140, 7]]))).errors, [])
  const series = await listAttendanceHistory(db, schoolId)
  t.equal(series.length, 6, 'one new row per pupil for new figures, none for a repeat')
  t.same(series.map((r) => r.pupil_id), [upns[0]!.id, upns[0]!.id, upns[1]!.id, upns[1]!.id, upns[2]!.id, upns[2]!.id], 'by pupil, then oldest first')
  t.same(series.filter((r) => r.pupil_id === upns[1]!.id).map((r) => r.absent), [44, 30])
  const latest = await db.selectFrom('attendance').select(['pupil_id', 'possible', 'absent']).where('school_id', '=', schoolId).orderBy('pupil_id').execute()
  t.same(latest.map((r) => [r.possible, r.absent]), [[140, 4], [140, 30], [140, 7]], 'attendance holds the latest figure, one row per pupil')

  t.same((await listAttendanceHistory(db, schoolId, [upns[2]!.id])).map((r) => r.absent), [2, 7], 'one pupil’s series')
  t.same(await listAttendanceHistory(db, schoolId, []), [])
  const other = await db.insertInto('schools').values({ urn: '100002', name: 'Elsewhere' }).returning('id').executeTakeFirstOrThrow()
  t.same(await listAttendanceHistory(db, other.id), [], 'another school sees none of it')
  t.same(await listAttendanceHistory(db, other.id, [upns[0]!.id]), [], 'not even by naming a pupil')
})

t.test('attendance as of a moment: each pupil’s latest figure recorded by then', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  await runImport(db, { schoolId, userId, fileName: 'ctf-sample.xml', content: fixture('ctf-sample.xml'), today: TODAY })
  const [first] = await listAttendanceHistory(db, schoolId)
  const between = new Date(first!.recorded_at.getTime() + 1)
  await runImport(db, { schoolId, userId, fileName: 'autumn.csv', content: later([['Q380209324001', 140, 4]]), today: TODAY })
  const before = await attendanceAsOf(db, schoolId, new Date(first!.recorded_at.getTime() - 1))
  t.same(before, [], 'nothing was known before the first import')
  t.same((await attendanceAsOf(db, schoolId, between)).map((r) => r.absent), [12, 44, 2], 'the transition figures')
  const now = await attendanceAsOf(db, schoolId, new Date(Date.now() + 60_000))
  t.same(now.map((r) => r.absent), [4, 44, 2], 'the latest for each pupil')
  t.same((await attendanceAsOf(db, schoolId, new Date(Date.now() + 60_000), [first!.pupil_id])).map((r) => r.absent), [4])
  t.same(await attendanceAsOf(db, schoolId, new Date(), []), [])
})

t.test('rolling an attendance import back removes its history rows and leaves the earlier ones', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  await runImport(db, { schoolId, userId, fileName: 'ctf-sample.xml', content: fixture('ctf-sample.xml'), today: TODAY })
  await runImport(db, { schoolId, userId, fileName: 'autumn.csv', content: later([['Q380209324001', 140, 4], ['E380209324002', 140, 30]]), today: TODAY })
  t.equal((await listAttendanceHistory(db, schoolId)).length, 5)
  const undone = await rollbackImport(db, { schoolId, userId, kind: 'attendance' })
  t.same(undone.errors, [])
  const left = await listAttendanceHistory(db, schoolId)
  t.same(left.map((r) => r.absent), [12, 44, 2], 'back to the transition figures')
  const latest = await db.selectFrom('attendance').select('absent').where('school_id', '=', schoolId).orderBy('pupil_id').execute()
  t.same(latest.map((r) => r.absent), [12, 44, 2], 'and attendance agrees with the history')

  const ctfUndone = await rollbackImport(db, { schoolId, userId, kind: 'ctf' })
  t.same(ctfUndone.errors, [])
  t.same(await listAttendanceHistory(db, schoolId), [], 'the CTF’s pupils and their history are gone')
})

t.test('a refused file writes no history', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  await runImport(db, { schoolId, userId, fileName: 'ctf-sample.xml', content: fixture('ctf-sample.xml'), today: TODAY })
  const refused = await runImport(db, { schoolId, userId, fileName: 'bad.csv', content: later([['Q380209324001', 140, 4], ['E380209324002', 140, 141]]), today: TODAY })
  t.ok(refused.errors.length > 0)
  t.equal((await listAttendanceHistory(db, schoolId)).length, 3)
  const dry = await runImport(db, { schoolId, userId, fileName: 'autumn.csv', content: later([['Q380209324001', 140, 4]]), today: TODAY, dryRun: true })
  t.same(dry.errors, [])
  t.equal((await listAttendanceHistory(db, schoolId)).length, 3, 'nor does a dry run')
})

t.test('migration 0013 backfills one row per attendance figure, attributed to the import that wrote it', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const ctf = await runImport(db, { schoolId, userId, fileName: 'ctf-sample.xml', content: fixture('ctf-sample.xml'), today: TODAY })
  const autumn = await runImport(db, { schoolId, userId, fileName: 'autumn.csv', content: later([['Q380209324001', 140, 4]]), today: TODAY })
  await history.down(db)
  // a figure written outside any import, as by hand before this table existed
  const pupil = (await db.selectFrom('pupils').select('id').where('upn', '=', 'P38020932401A').executeTakeFirstOrThrow()).id
  await sql`delete from import_created where table_name = 'attendance'`.execute(db)
  await sql`update attendance set absent = 9 where pupil_id = ${pupil}`.execute(db)
  await history.up(db)
  const rows = await listAttendanceHistory(db, schoolId)
  const attendance = await db.selectFrom('attendance').selectAll().where('school_id', '=', schoolId).orderBy('pupil_id').execute()
  t.same(rows.map((r) => [r.pupil_id, r.possible, r.absent, r.period]), attendance.map((a) => [a.pupil_id, a.possible, a.absent, a.period]), 'one row per existing figure')
  t.same(rows.map((r) => r.recorded_at.getTime()), attendance.map((a) => a.updated_at.getTime()), 'dated when the figure was written')
  t.same(rows.map((r) => r.import_id), [autumn.importId, null, null], 'the standing import that last changed it, where Lantern knows one')
  t.ok(ctf.importId)
  await t.rejects(sql`insert into attendance_history (school_id, pupil_id, possible, absent) values (${schoolId}, ${pupil}, 10, 11)`.execute(db), /attendance_history_absent_range/)
})
