// The one rule by which distress families make a letter high, and the review order (priority).
import t from 'tap'
import { familiesMakeHigh, familyLevels, raiseConcern } from '../../server/letters/analyser/families'
import { letterPriority } from '../../server/letters/analyser/priority'

const f = (family: string, strength: string) => ({ family, strength }) as never

t.test('high when one family is strong, or two are clear, or one clear sits with weaker ones', async (t) => {
  t.ok(familiesMakeHigh([f('sleep', 'strong')]))
  t.ok(familiesMakeHigh([f('sleep', 'clear'), f('hiding', 'clear')]))
  t.ok(familiesMakeHigh([f('sleep', 'clear'), f('hiding', 'weak')]))
  t.notOk(familiesMakeHigh([f('sleep', 'clear')]))
  t.notOk(familiesMakeHigh([f('sleep', 'weak'), f('hiding', 'weak'), f('loss', 'weak')]))
  t.notOk(familiesMakeHigh([]))
  t.ok(familiesMakeHigh([f('loss', 'weak'), f('loss', 'clear')]), 'said twice, a family is one level stronger')
  t.same([...familyLevels([f('loss', 'weak'), f('loss', 'weak')])], [['loss', 'clear']])
})

t.test('a felt worry the child states is a weaker signal beside one clear family; a practical worry is not', async (t) => {
  t.ok(familiesMakeHigh([f('caregiving', 'clear')], true))
  t.notOk(familiesMakeHigh([], true), 'a worry alone raises nothing')
  t.notOk(familiesMakeHigh([f('caregiving', 'weak')], true), 'beside a weak cue only')
  t.equal(raiseConcern('some', [f('caregiving', 'clear')], [{ theme: 'general_anxiety' }]), 'high')
  t.equal(raiseConcern('some', [f('caregiving', 'clear')], [{ theme: 'family' }]), 'high')
  t.equal(raiseConcern('some', [f('caregiving', 'clear')], [{ theme: 'getting_lost' }, { theme: 'workload' }, { theme: 'travel' }]), 'some')
})

t.test('raising concern never lowers it', async (t) => {
  t.equal(raiseConcern('high', []), 'high')
  t.equal(raiseConcern('none', [f('loss', 'clear')]), 'some')
  t.equal(raiseConcern('none', [f('loss', 'weak')]), 'none')
  t.equal(raiseConcern('some', [f('sleep', 'strong')]), 'high')
})

t.test('priority: safeguarding, then high, then quietly worrying, then ordinary nerves, then the rest', async (t) => {
  const base = { safeguarding: [], worries: [], families: [] }
  const safeguarding = letterPriority({ ...base, concern: 'high', safeguarding: [{ category: 'neglect' }] })
  const high = letterPriority({ ...base, concern: 'high', families: [f('sleep', 'strong')] })
  const highPlain = letterPriority({ ...base, concern: 'high' })
  const quiet = letterPriority({ ...base, concern: 'some', families: [f('loss', 'clear')] })
  const some = letterPriority({ ...base, concern: 'some', worries: [{ theme: 'getting_lost' }] })
  const none = letterPriority({ ...base, concern: 'none' })
  t.ok(safeguarding >= 90 && safeguarding <= 100)
  t.ok(high > highPlain && highPlain >= 60 && high < 90)
  t.ok(quiet >= 30 && quiet < 60)
  t.ok(some >= 10 && some < 30)
  t.equal(none, 0)
  t.equal(letterPriority({ ...base, concern: 'none', families: [f('somatic', 'weak')] }), 5, 'one weak cue moves a letter up only within its band')
  const crowded = letterPriority({ ...base, concern: 'high', safeguarding: ['a', 'b', 'c', 'd', 'e'].map((category) => ({ category })), families: [f('sleep', 'strong')] })
  t.equal(crowded, 100, 'never above 100')
})
