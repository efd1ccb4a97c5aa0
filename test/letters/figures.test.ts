// Figures of speech are explicit exceptions; the real disclosures beside them still count.
import t from 'tap'
import { safeguardingOf } from './helpers'

const none: Array<[string, string]> = [
  ["I'm dying to join the team.", 'dying to'],
  ['PE will kill me lol.', 'thing will kill me'],
  ['My mum will kill me if I lose my blazer.', 'will kill me if'],
  ["I'm starving by lunch.", 'starving by lunch'],
  ["I'm always starving after school lol.", 'starving after school'],
  ['I want to cut my hair short.', 'cut my hair'],
  ['We cut out pictures from magazines.', 'cut out'],
  ['Dad beats me at Mario Kart every time.', 'beats me at a game'],
  ['My brother always kills me on Call of Duty lol.', 'kills me on a game'],
  ['I hit the ball for six.', 'hit the ball'],
  ['I nearly died of boredom.', 'die of boredom'],
  ['I watched a really scary film and I was scared for ages.', 'scary film'],
  ['I hurt myself falling off my bike.', 'hurt myself by accident'],
  ['I want to dye my hair pink.', 'dye my hair'],
  ['We play touch rugby.', 'touch rugby'],
  ['I will keep in touch with my friends.', 'keep in touch'],
]
t.test('figures of speech raise nothing', async (t) => {
  for (const [text, why] of none) t.same(safeguardingOf(text), [], why)
})

const raised: Array<[string, string]> = [
  ['My dad beats me up.', 'physical_abuse'],
  ['My dad beats me when he is drunk.', 'physical_abuse'],
  ['He said he will kill me if I tell.', 'physical_abuse'],
  ['I cut myself when I feel bad.', 'self_harm'],
  ['I cut my arms.', 'self_harm'],
  ['I hurt myself on purpose.', 'self_harm'],
  ['I always go to bed hungry because there is no food.', 'neglect'],
  ['i wanna dye.', 'suicidal'],
  ['I want to die.', 'suicidal'],
]
t.test('the literal phrases beside the figures are still raised', async (t) => {
  for (const [text, category] of raised) t.same(safeguardingOf(text), [category], text)
})

t.test('illness and accidents are not abuse or self-harm', async (t) => {
  t.same(safeguardingOf('My dad is fighting cancer.'), [])
  t.same(safeguardingOf('I hurt myself by accident at football.'), [])
  t.same(safeguardingOf('I hurt myself by cutting my arm.'), ['self_harm'])
})
