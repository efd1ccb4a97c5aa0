// The demo school arrives screened, with a hidden pupil and a safeguarding match to see; re-seeding adds nothing.
import t from 'tap'
import { connect } from '../../server/db/connect'
import { seedDemo } from '../../server/demo/seed'
import { loadScreenRows } from '../../server/screening/screen-rows'
import { createTestDatabase } from '../db'

t.test('the demo seeds a screened synthetic intake once', async (t) => {
  const db = connect(await createTestDatabase(t))
  t.teardown(() => db.destroy())
  await seedDemo(db)
  const school = await db.selectFrom('schools').select('id').where('urn', '=', '999001').executeTakeFirstOrThrow()
  const { rows } = await loadScreenRows(db, school.id)
  t.equal(rows.length, 120)
  t.ok(rows.some((r) => r.safeguarding && r.level === 'getting_risk_support'), 'a safeguarding match to see')
  t.ok(rows.some((r) => r.hidden), 'a hidden pupil to see')
  t.ok(new Set(rows.map((r) => r.level)).size >= 4, 'pupils across the levels')
  t.equal((await db.selectFrom('screening_results').select('pupil_id').where('school_id', '=', school.id).execute()).length, 120, 'stored')
  await seedDemo(db)
  t.equal((await db.selectFrom('pupils').select('id').where('school_id', '=', school.id).execute()).length, 120, 'seeding again adds no pupils')
})
