import t from 'tap'
import { allocateOpportunities, greedyAllocate } from '../../server/opportunities/match'
import { likes, opportunity, pupil } from './fixtures'

t.test('need first when places are short: level, then hidden, then safeguarding', async (t) => {
  const one = [opportunity(1, { name: 'Football', category: 'sport', interests: ['football'], maxPlaces: 1 })]
  const keen = pupil(1, { interests: likes('football') })
  const risk = pupil(2, { level: 'getting_risk_support' })
  const result = allocateOpportunities([keen, risk], one)
  t.same(result.placements.map((p) => p.pupilId), [2], 'the pupil getting risk support has the place, although the other fits better')
  t.same(result.unplaced, [{ pupilId: 1, why: 'no_place_left', explanation: 'no place left in Football' }])
  t.same(greedyAllocate([keen, risk], one).placements.map((p) => p.pupilId), [1], 'first come, first served gives it to the first')
  t.ok(result.totalFit < result.greedyFit, 'need before fit: the baseline can fit better by ignoring need')
  t.same(allocateOpportunities([pupil(1, { level: 'getting_advice', interests: likes('football') }), pupil(2, { level: 'getting_advice', hidden: true })], one).placements.map((p) => p.pupilId), [2], 'a hidden pupil before one at the same level')
  t.same(allocateOpportunities([pupil(1, { level: 'getting_more_help' }), pupil(2, { safeguarding: true })], one).placements.map((p) => p.pupilId), [2], 'a safeguarding alert first')
})

t.test('within the same need, the total fit is the best there is, and everyone is placed who can be', async (t) => {
  const clubs = [
    opportunity(1, { name: 'Art', category: 'creative', interests: ['art'], maxPlaces: 1 }),
    opportunity(2, { name: 'Board games', maxPlaces: 1 }),
  ]
  // first come: the first pupil takes Art, the second (who only likes art) is left with board games
  const pupils = [pupil(1, { interests: likes('art') }), pupil(2, { interests: likes('art'), strengths: ['art'] })]
  const result = allocateOpportunities(pupils, clubs)
  t.same(result.placements.map((p) => [p.pupilId, p.opportunityId]), [[1, 2], [2, 1]])
  t.ok(result.totalFit > result.greedyFit)
  t.equal(result.placed, 2)
  t.same(result.placements[1], { pupilId: 2, opportunityId: 1, fit: 50, explanation: 'likes art (letter); strength: art', onHold: false })
})

t.test('a thriving pupil with no stated interest still gets a sensible offer', async (t) => {
  const catalogue = [opportunity(1, { name: 'Rugby', category: 'sport', interests: ['rugby'] }), opportunity(2, { name: 'Young leaders', category: 'enrichment' }), opportunity(3, { name: 'Reading group', category: 'learning_support' })]
  const result = allocateOpportunities([pupil(1)], catalogue)
  t.same(result.placements, [{ pupilId: 1, opportunityId: 2, fit: 6, explanation: 'no interest recorded yet: open to everyone', onHold: false }])
})

t.test('below its minimum an opportunity is on hold, its offers kept for the lead', async (t) => {
  const result = allocateOpportunities([pupil(1, { interests: likes('chess') }), pupil(2)], [opportunity(1, { name: 'Chess', interests: ['chess'], minPlaces: 6 }), opportunity(2, { minPlaces: 1, maxPlaces: 0 })])
  t.same(result.onHold, [{ opportunityId: 1, places: 2, minPlaces: 6, cancelled: false }, { opportunityId: 2, places: 0, minPlaces: 1, cancelled: false }])
  t.ok(result.placements.every((p) => p.onHold && p.opportunityId === 1))
})

t.test('an opportunity the lead cancelled this round offers no new places; its pupils go elsewhere; it stays listed', async (t) => {
  const chess = opportunity(1, { name: 'Chess', interests: ['chess'], minPlaces: 6, cancelled: true })
  const games = opportunity(2, { name: 'Board games' })
  const result = allocateOpportunities([pupil(1, { interests: likes('chess') }), pupil(2)], [chess, games])
  t.same(result.placements.map((p) => [p.pupilId, p.opportunityId]), [[1, 2], [2, 2]])
  t.same(result.onHold, [{ opportunityId: 1, places: 0, minPlaces: 6, cancelled: true }])
  const only = allocateOpportunities([pupil(1, { interests: likes('chess') }), pupil(2, { current: { opportunityId: 2, confirmed: true } })], [chess], { alongsideConfirmed: true })
  t.same(only.unplaced.map((u) => u.why), ['nothing_eligible', 'nothing_eligible'], 'nothing else open')
  t.equal(greedyAllocate([pupil(1, { interests: likes('chess') })], [chess]).placements.length, 0, 'the baseline does not use it either')
})

t.test('confirmed placements are kept and use a place; unconfirmed offers are reconsidered', async (t) => {
  const choir = opportunity(1, { name: 'Choir', category: 'creative', interests: ['singing'], maxPlaces: 2, slot: { weekday: 2, start: '12:30', end: '13:15' } })
  const drama = opportunity(2, { name: 'Drama', category: 'creative', interests: ['drama'], slot: { weekday: 2, start: '13:00', end: '14:00' } })
  const code = opportunity(3, { name: 'Code club', category: 'stem', interests: ['computing'], maxPlaces: 1, slot: { weekday: 3, start: '15:30', end: '16:30' } })
  const pupils = [
    pupil(1, { interests: likes('singing'), current: { opportunityId: 1, confirmed: true } }),
    pupil(2, { interests: likes('singing'), current: { opportunityId: 2, confirmed: false } }),
    pupil(3, { interests: likes('singing') }),
  ]
  const result = allocateOpportunities(pupils, [choir, drama, code])
  t.same(result.kept, [{ pupilId: 1, opportunityId: 1 }])
  t.same(result.placements.map((p) => [p.pupilId, p.opportunityId]), [[2, 1], [3, 2]], 'one choir place left after the confirmed one; an unconfirmed offer is not held')
  t.notOk(result.placements.some((p) => p.pupilId === 1), 'one offer per pupil: nothing new beside a confirmed placement')

  // Choir is full; pupil 1 (7B) may have Drama, which clashes with Choir, or the one Code club place; pupil 2 (7A) only Code club
  const alongside = allocateOpportunities([pupil(1, { form: '7B', current: { opportunityId: 1, confirmed: true } }), pupil(2, { interests: likes('computing') })], [{ ...choir, maxPlaces: 1 }, { ...drama, forms: ['7B'] }, code], { alongsideConfirmed: true })
  t.same(alongside.placements.map((p) => [p.pupilId, p.opportunityId]), [[2, 3]], 'a first offer ranks above a second')
  t.same(alongside.unplaced, [{ pupilId: 1, why: 'clash', explanation: 'Drama has places left but clashes with Choir' }])
})

t.test('why a pupil is not placed: nothing eligible, or no place left', async (t) => {
  const result = allocateOpportunities([pupil(1, { yearGroup: 8 }), pupil(2), pupil(3)], [opportunity(1, { yearGroups: [7], maxPlaces: 1 }), opportunity(2, { yearGroups: [7], maxPlaces: 0 }), opportunity(3, { yearGroups: [7], maxPlaces: 0 }), opportunity(4, { yearGroups: [7], maxPlaces: 0 }), opportunity(5, { archived: true })])
  t.same(result.unplaced, [
    { pupilId: 1, why: 'nothing_eligible', explanation: 'no opportunity is open to this pupil (year group, form, SEN rule or need)' },
    { pupilId: 3, why: 'no_place_left', explanation: 'no place left in Club 1, Club 2, Club 3 and 1 more' },
  ])
  t.same(allocateOpportunities([], []), { placements: [], unplaced: [], kept: [], onHold: [], totalFit: 0, greedyFit: 0, placed: 0, greedyPlaced: 0 })
})
