// Classes of phrasing found missing on letters written blind (test/fixtures/letters/blind.jsonl).
// Each test uses fresh wordings of the class, not the blind letters themselves.
import t from 'tap'
import { concernOf, interestsOf, safeguardingOf, themesOf } from './helpers'

t.test('domestic abuse told as things thrown and smashed, and hiding from it', async (t) => {
  for (const letter of [
    'mums boyfriend throws stuff when he gets angry', 'My stepdad gets drunk and smashes plates.', 'dad broke things again last nite',
    'I hid under the table with my little brother.', 'i hide in the wardrobe when they start',
  ]) t.ok(safeguardingOf(letter).includes('domestic_abuse'), letter)
})

t.test('neglect told as no bed, the same clothes, and being fed at school', async (t) => {
  for (const letter of [
    "I don't have my own bed.", 'i sleep on the floor in the living room', 'The teacher gives me breakfast because there is none at home.',
    'i wear the same cloths every day', "I'm always hungry at school.",
  ]) t.ok(safeguardingOf(letter).includes('neglect'), letter)
})

t.test('online grooming: meeting someone online, being asked for pictures, gifts of game money', async (t) => {
  t.ok(safeguardingOf('I met somebody online who says he is 13.').includes('exploitation'))
  t.ok(safeguardingOf('a man i talk to on snapchat sent me vbucks').includes('exploitation'))
  t.ok(safeguardingOf('someone i met online keeps asking me to meet up').includes('exploitation'))
  t.ok(safeguardingOf('He asked me for photos of me in my pyjamas.').includes('sexual_abuse'))
  t.ok(safeguardingOf('my uncle makes me sit on his lap').includes('sexual_abuse'))
})

t.test('ordinary online play and presents are not grooming', async (t) => {
  for (const letter of [
    'I play roblox with my cousin online.', 'My nan buys me robux for my birthday.', 'I talk to my friends online after school.',
    'I met some new people at football.', 'My dad gives me money for the bus.', 'I sleep on the top bunk.',
  ]) t.same(safeguardingOf(letter), [], letter)
})

t.test('threats: literal when the threatener speaks of themself, read in context when reported about someone else', async (t) => {
  t.same(safeguardingOf('He said he will kill me if I lose it.'), ['physical_abuse'])
  t.same(safeguardingOf('My stepdad threatened to hurt me.'), ['physical_abuse'])
  t.same(safeguardingOf('My brother says dad will kill me if I break the telly lol.'), [])
})

t.test('beaten at a game is a figure only when there is a game', async (t) => {
  t.same(safeguardingOf('my brother batters me at fifa'), [])
  t.same(safeguardingOf('My cousin thrashes me at chess.'), [])
  t.same(safeguardingOf('My dad beats me in the kitchen.'), ['physical_abuse'])
  t.same(safeguardingOf('my mums boyfriend beats me on my legs'), ['physical_abuse'])
})

t.test('isolation told quietly is high', async (t) => {
  for (const letter of [
    'I eat my lunch in the toilets.', 'At break I hide in the toilet.', 'Nobody notices me at school.', 'No one would even notice if I was not there.',
    'The girls in my class never talk to me.', 'They always leave me out.', 'I feel so alone.', "i don't really have any friends",
    'i stand on my own at play', 'I play by myself every day.',
  ]) {
    t.equal(concernOf(letter), 'high', letter)
    t.ok(themesOf(letter).includes('friendships'), letter)
  }
})

t.test('"no" for "know" is still not knowing anyone', async (t) => {
  t.same(themesOf('i wont no anyone in my form'), ['friendships'])
  t.same(themesOf('i dont no anybody there'), ['friendships'])
})

t.test('mimicry for being different is bullying', async (t) => {
  for (const letter of ['They copy the way I talk.', 'the boys mock my accent', 'people copy me because of my stammer']) {
    t.ok(themesOf(letter).includes('bullying'), letter)
    t.equal(concernOf(letter), 'high', letter)
  }
})

t.test('crying at night and wishing not to go are high', async (t) => {
  for (const letter of ['I cry in bed most nights.', 'i cry at night about it', 'I wish I didn\'t have to go.', 'i wish i could just not go'])
    t.equal(concernOf(letter), 'high', letter)
})

t.test('laughter softens a worry word: ordinary nerves with "lol" are not high', async (t) => {
  t.equal(concernOf("I'm so scared I'll forget my PE kit lol."), 'some')
  t.equal(concernOf('im sooo nervous about the timetable haha'), 'some')
  t.equal(concernOf("I'm sooo scared of going."), 'high')
})

t.test('a topic inside a longer worry is part of it', async (t) => {
  t.same(themesOf("I'm worried I'll miss my mum."), ['separation'])
  t.same(themesOf("I'm worried I'll forget my homework."), ['organisation'])
})

t.test('the fixes do not cost interests', async (t) => {
  t.same(interestsOf('I like football and I play fifa with my brother.'), ['football', 'gaming'])
})

t.test('worry themes: EAL "scare for", "to hard", being shouted at, not clever enough', async (t) => {
  t.same(themesOf('i am scare for the teachers'), ['teachers_rules'])
  t.same(themesOf('i hope the work is not to hard'), ['workload'])
  t.same(themesOf("I'm scared of being shouted at."), ['teachers_rules'])
  t.same(themesOf("I'm worried I won't be smart enough for top set."), ['self_esteem'])
  t.equal(concernOf("I'm worried I won't be smart enough for top set."), 'some')
})

t.test('a worry word is general anxiety only when the letter names no worry', async (t) => {
  t.same(themesOf("I'm nervous but excited. I hope I don't get lost."), ['getting_lost'])
  t.same(themesOf("I'm nervous but excited."), ['general_anxiety'])
})

t.test('second round: violence at home told through the door, the wall and a black eye', async (t) => {
  t.ok(safeguardingOf('dads girlfriend kicked the door in').includes('domestic_abuse'))
  t.ok(safeguardingOf('My mum had a black eye again.').includes('domestic_abuse'))
  t.same(safeguardingOf('I got a black eye at rugby.'), [])
})

t.test('second round: left alone late, an empty fridge, putting myself to bed', async (t) => {
  for (const letter of ['no one is home til late most nights', 'the fridge is always empty', 'i put myself to bed'])
    t.ok(safeguardingOf(letter).includes('neglect'), letter)
})

t.test('second round: made to hold things for older lads', async (t) => {
  t.ok(safeguardingOf('some older boys made me hide a package for them').includes('exploitation'))
  t.ok(safeguardingOf('i keep stuff in my bag for him').includes('exploitation'))
  t.same(safeguardingOf('My mum asked me to look after my brother.'), [])
})

t.test('second round: grooming by secrets and being someone\'s special one', async (t) => {
  t.ok(safeguardingOf('the coach says i am his special girl').includes('sexual_abuse'))
  t.ok(safeguardingOf('he buys me things if i keep it a secret').includes('sexual_abuse'))
})

t.test('second round: not wanting to wake up, wishing to vanish', async (t) => {
  t.same(safeguardingOf("sometimes I don't want to wake up"), ['suicidal'])
  t.same(safeguardingOf('i wish i could just vanish'), ['suicidal'])
})

t.test('second round: walking around alone, breathlessness, always worried are high', async (t) => {
  for (const letter of ['I walk around the field on my own at lunch.', 'i pretend to be busy so nobody sees', "I can't breathe when I think about it.", 'my chest goes all tight', "I'm always scared."])
    t.equal(concernOf(letter), 'high', letter)
})
