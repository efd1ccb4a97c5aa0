// `opportunities allocate` as acceptance tests drive it: a real process over a real cohort and
// catalogue; a dry run writes nothing; a confirmed offer survives a re-run; the screen names offers.
import t from 'tap'
import { connect } from '../../server/db/connect'
import { runImport } from '../../server/imports/service'
import { changePlacement } from '../../server/opportunities/placements'
import { createTestDatabase } from '../db'
import { runCli } from '../cli/run'
import { fixture, TODAY } from '../imports/helpers'
import { loadPupils, upn } from '../screening/cohort'

const letter = (text: string, interest: string, worries: string[] = []) => ({
  text,
  analysis: { concern: worries.length ? 'some' : 'none', interests: [{ interest, text: interest, start: 0, end: 1 }], worries: worries.map((theme) => ({ theme, text: theme, start: 0, end: 1 })), safeguarding: [] } as never
})

t.test('allocate --dry-run, then allocate; a confirmed offer is kept; refusals exit 1 or 2', async (t) => {
  const url = await createTestDatabase(t)
  const db = connect(url)
  t.teardown(() => db.destroy())
  const school = await db.insertInto('schools').values({ urn: '246810', name: 'Willow School' }).returning('id').executeTakeFirstOrThrow()
  await loadPupils(db, school.id, null, [
    { n: 1, letter: letter('I love football', 'football') },
    { n: 2, letter: letter('I love art', 'art', ['friendships']) },
    { n: 3, letter: letter('I like science', 'science') },
    { n: 4 }
  ])
  const imported = await runImport(db, { schoolId: school.id, userId: null, fileName: 'opportunities.csv', content: fixture('opportunities.csv'), kind: 'opportunities', today: TODAY })
  t.same(imported.errors, [])

  const dry = await runCli(url, ['opportunities', 'allocate', '--school', '246810', '--dry-run'])
  t.equal(dry.code, 0, dry.stderr)
  const preview = JSON.parse(dry.stdout)
  t.same(Object.keys(preview).slice(0, 5), ['placed', 'unplaced', 'total_fit', 'greedy_fit', 'on_hold'])
  t.equal(preview.placed, 4, 'every pupil gets an offer when places allow, the one with no letter too')
  t.ok(preview.total_fit >= preview.greedy_fit)
  t.equal((await db.selectFrom('placements').selectAll().execute()).length, 0, 'a dry run writes nothing')

  const real = await runCli(url, ['opportunities', 'allocate', '--school', '246810'])
  t.equal(real.code, 0, real.stderr)
  t.same(JSON.parse(real.stdout).placed, 4)
  const proposals = await db.selectFrom('placements as p').innerJoin('pupils as u', 'u.id', 'p.pupil_id').innerJoin('opportunities as o', 'o.id', 'p.opportunity_id').select(['p.id', 'u.upn', 'o.name', 'p.status', 'p.explanation']).execute()
  t.equal(proposals.length, 4)
  const football = proposals.find((p) => p.upn === upn(1))!
  t.match(football.name, /football/i, 'the footballer is offered football')
  t.match(football.explanation, 'likes football')
  t.match(proposals.find((p) => p.upn === upn(2))!.name, /art|friendship/i)

  await changePlacement(db, { schoolId: school.id, userId: null }, football.id, 'offer', null)
  const again = JSON.parse((await runCli(url, ['opportunities', 'allocate', '--school', '246810'])).stdout)
  t.equal(again.kept, 1, 'the confirmed offer is kept')
  const kept = await db.selectFrom('placements').selectAll().where('id', '=', football.id).executeTakeFirstOrThrow()
  t.equal(kept.status, 'offered')
  t.equal((await db.selectFrom('placements').selectAll().where('status', '=', 'proposed').execute()).length, 3, 'proposals replaced, not added to')

  const screen = JSON.parse((await runCli(url, ['screen', '--school', '246810'])).stdout) as Array<{ upn: string; opportunity: string | null }>
  t.equal(screen.find((r) => r.upn === upn(1))!.opportunity, football.name, 'the screen names the current offer')
  t.ok(screen.every((r) => r.opportunity), 'and every pupil’s proposal')

  t.equal((await runCli(url, ['opportunities', 'allocate', '--school', '999999'])).code, 1, 'unknown school')
  t.equal((await runCli(url, ['opportunities', 'allocate'])).code, 2, 'no school given')
  const audit = await db.selectFrom('audit_log').select('detail').where('action', '=', 'opportunities_allocated').execute()
  t.equal(audit.length, 2, 'each real run audited, the dry run not')
})
