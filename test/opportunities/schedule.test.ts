// Which opportunities clash: a session of one overlaps a session of the other on the same weekday.
import t from 'tap'
import { clashesOf, selfOverlap, slotsOverlap } from '../../server/opportunities/schedule'
import type { OpportunitySlot } from '../../server/vocabulary'

const slot = (weekday: 1 | 2 | 3 | 4 | 5, start: string, end: string): OpportunitySlot => ({ weekday, start, end })

t.test('overlap needs the same day and shared minutes', async (t) => {
  t.ok(slotsOverlap(slot(2, '15:15', '16:15'), slot(2, '15:30', '16:30')))
  t.notOk(slotsOverlap(slot(2, '15:15', '16:15'), slot(2, '16:15', '17:00')), 'one ending as the other starts')
  t.notOk(slotsOverlap(slot(2, '15:15', '16:15'), slot(3, '15:15', '16:15')), 'another day')
})

t.test('each opportunity lists the others it clashes with', async (t) => {
  const clashes = clashesOf([
    { id: 1, name: 'Netball', slots: [slot(4, '12:30', '13:15')] },
    { id: 2, name: 'Library', slots: [slot(4, '12:40', '13:10'), slot(1, '08:30', '08:55')] },
    { id: 3, name: 'Choir', slots: [slot(1, '08:45', '09:00')] },
    { id: 4, name: 'Buddy walk', slots: [] }
  ])
  t.same(Object.fromEntries(clashes), { 1: ['Library'], 2: ['Netball', 'Choir'], 3: ['Library'], 4: [] })
})

t.test('an opportunity’s own sessions must not overlap', async (t) => {
  t.equal(selfOverlap([slot(2, '15:15', '16:15'), slot(4, '15:15', '16:15')]), null)
  t.equal(selfOverlap([slot(2, '15:15', '16:15'), slot(2, '16:00', '17:00')]), 1)
})
