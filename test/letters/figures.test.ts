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

// Hunger after sport, animals that hide, hide and seek: each a class of ordinary phrasing, with a twin that
// shares its surface words and is still a disclosure.
t.test('hungry after sport is no neglect; always hungry at home still is', async (t) => {
  for (const text of ['after football I am always starving, I could eat a horse', 'after swimming im always so hungry',
    'before netball practice i am usually starving', 'After training I am always starving so mum makes pasta']) {
    t.same(safeguardingOf(text), [], text)
  }
  t.same(safeguardingOf('I am always starving at home because there is never any food'), ['neglect'])
  t.same(safeguardingOf('after school I am always hungry because there is nothing to eat at home'), ['neglect'])
})

t.test('a pet hiding, or hiding in hide and seek, is no fear at home; a child hiding from a row still is', async (t) => {
  for (const text of ['moving day was chaos and my cat hid under the bed all day', 'our puppy hides under the table when it thunders',
    'in hide and seek I hid under the bed and nobody found me', 'i hid in the wardrobe when we played hide and seek at my cousins']) {
    t.same(safeguardingOf(text), [], text)
  }
  t.same(safeguardingOf('I hide under my bed when they argue'), ['domestic_abuse'])
  t.same(safeguardingOf('i hid in the wardrobe when dad was shouting at mum'), ['domestic_abuse'])
  t.same(safeguardingOf('my dog hides under the table when dad hits mum'), ['domestic_abuse'])
})
