// The demo schools arrive screened: stored results for every pupil, across the levels, with the
// safeguarding letters the cohort carries routed to Getting Risk Support.
import t from 'tap'
import { connect } from '../../server/db/connect'
import { seedDemo } from '../../server/demo/seed'
import { loadScreenRows } from '../../server/screening/screen-rows'
import { createTestDatabase } from '../db'

t.test('the demo seed screens each demo school', async (t) => {
  const db = connect(await createTestDatabase(t))
  t.teardown(() => db.destroy())
  await seedDemo(db)
  const school = await db.selectFrom('schools').select('id').where('urn', '=', '999001').executeTakeFirstOrThrow()
  const stored = await db.selectFrom('screening_results').select('pupil_id').where('school_id', '=', school.id).execute()
  t.equal(stored.length, 180, 'a stored result for every pupil, before anyone opens a page')
  const { rows } = await loadScreenRows(db, school.id)
  t.ok(rows.some((r) => r.safeguarding && r.level === 'getting_risk_support'), 'a safeguarding match to see')
  t.ok(new Set(rows.map((r) => r.level)).size >= 3, 'pupils across the levels')
})
