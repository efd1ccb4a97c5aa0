// Classes of phrasing found missing on the second set written blind (test/fixtures/letters/blind2.jsonl).
// Each test uses fresh wordings of the class, not the blind letters themselves.
import t from 'tap'
import type { SafeguardingCategory } from '../../server/letters/analyser'
import { concernOf, interestsOf, safeguardingOf, themesOf } from './helpers'

t.test('self-harm told to the future self as "you", and as scars or cuts on the body', async (t) => {
  for (const letter of [
    'please stop cutting yourself', 'I hope your not hurting your self any more', 'dont burn yourself again like last time',
    'i got scars on my arms', 'the cuts on my wrist are from me', 'i make myself throw up after dinner', 'i cut my rists',
  ]) t.ok(safeguardingOf(letter).includes('self_harm'), letter)
})

t.test('scars and knocks with an ordinary cause are not self-harm', async (t) => {
  for (const letter of [
    'I have a scar on my tummy from my operation', 'i hurt yourself lol jk i fell off my scooter', 'dont hurt yourself at rugby by accident',
  ]) t.same(safeguardingOf(letter), [], letter)
})

t.test('suicidal thoughts told as being better without me, not waking, goodbye notes, ending it', async (t) => {
  for (const letter of [
    'my family would be happier without me', 'i want to go to sleep and never wake up', 'I wrote goodbye letters to my friends',
    'sometimes i just want to end it', 'i think about not being alive', 'nobody would even miss me if i was gone', 'i feel like disappearing',
    'i have a plan if it gets too much',
  ]) t.ok(safeguardingOf(letter).includes('suicidal'), letter)
})

t.test('wanting to vanish from embarrassment and ending a show are not suicidal', async (t) => {
  for (const letter of [
    'i was so embarrassed i wanted to disappear', 'I want to end it with a big finish at the talent show', 'i am dying to start year 7',
  ]) t.same(safeguardingOf(letter), [], letter)
})

t.test('a home that is not safe, secrets about home, violence told passively or as "gives me a slap"', async (t) => {
  for (const letter of [
    'i dont feel safe at home', 'home is not safe right now', 'we are not aloud to say what happens at home',
    'I got battered by my stepdad', 'my nan gives me a smack when i answer back', 'i was punched by my dads girlfriend',
  ]) t.ok(safeguardingOf(letter).includes('physical_abuse'), letter)
  t.ok(safeguardingOf('my stepmum shuts me in the garage').includes('physical_abuse'))
})

t.test('being kept in one\'s room is emotional abuse; play, accidents and sleep are not abuse', async (t) => {
  t.same(safeguardingOf('mum locks me in my room every night'), ['emotional_abuse'])
  for (const letter of [
    'my brother whacked me with a cushion', 'my little brother kicked me in his sleep', 'my cousin hit me by accident at football',
    'i got hit by a ball in PE', 'we got locked in the shed by accident when we played hide and seek lol', 'my dad is a teacher',
  ]) t.same(safeguardingOf(letter), [], letter)
})

t.test('sexual abuse told as secrets kept for someone, gifts with secrecy, being shown naked pictures, touched by a mate', async (t) => {
  for (const letter of [
    'he makes me keep secrets', 'she buys me loads of stuff and says its a secret', 'my babysitter showed me rude videos on his phone',
    'he told me to keep it secret from my dad', 'my brothers mate touches me', 'the coach touched me',
  ]) t.ok(safeguardingOf(letter).includes('sexual_abuse'), letter)
  t.same(safeguardingOf('mum said dont tell dad about his birthday present'), [])
  t.same(safeguardingOf('we are planning a surprise and have to keep it a secret'), [])
})

t.test('neglect told as not being collected, a carer asleep or drinking, going without food or warmth', async (t) => {
  for (const letter of [
    'no one collects me from clubs', 'my mum stays in bed all day', 'my dad drinks every night and forgets to feed us',
    'mum spends all the money on drink', 'i have not eaten since breakfast yesterday', 'i sleep in my coat', 'it is always freezing cold in the house',
    'nobody fed me all weekend',
  ]) t.ok(safeguardingOf(letter).includes('neglect'), letter)
  for (const letter of ['my dad drinks coffee all day', 'its freezing cold at the beach', 'nobody picks me for their team']) t.same(safeguardingOf(letter), [], letter)
})

t.test('domestic abuse told as a carer\'s bruises and hiding under the covers', async (t) => {
  for (const letter of ['my mum has got bruises on her arms', 'i hid under my duvet when they started']) t.ok(safeguardingOf(letter).includes('domestic_abuse'), letter)
  t.same(safeguardingOf('dad has bruises from rugby'), [])
})

t.test('exploitation told as carrying or hiding things for others, being paid to, being made to steal', async (t) => {
  for (const letter of [
    'the big lads make me hold packages for them', 'i take a bag for him to a house', 'you can earn money by delivering stuff',
    'some year 11s made me steal sweets from the shop', 'my cousin keeps stuff for them in our shed',
  ]) t.ok(safeguardingOf(letter).includes('exploitation'), letter)
  t.same(safeguardingOf('i carry my nans shopping bag for her'), [])
})

t.test('low mood and hopelessness in children\'s words are high concern', async (t) => {
  for (const letter of [
    'i feel down most of the time', 'whats the point of even trying', 'everything feels pointless', 'i pretend to be happy at school',
    'we live in a hostel now', 'evry1 h8s me',
  ]) t.equal(concernOf(letter), 'high', letter)
})

t.test('fearing friendlessness is ordinary nerves; having none is high', async (t) => {
  t.equal(concernOf('im worried i might not have any friends but i am excited for art'), 'some')
  t.equal(concernOf('i have no friends at all'), 'high')
  t.equal(concernOf('I hate myself for missing that penalty lol. nervous about the homework'), 'some')
  t.equal(concernOf('my nan says ill lose my head one day lol'), 'none')
})

t.test('numbered lists keep their items with the words that head them', async (t) => {
  t.same(interestsOf('things I love: 1. swimming 2. baking 3. my dog'), ['animals', 'cooking', 'swimming'])
  t.ok(themesOf('scared of: 1. detentions 2. big kids').includes('older_pupils'))
  t.same(interestsOf('i am in year 6. football is ok'), [])
})

t.test('interests told as belts, shows, new pets, making games and libraries; reading aloud and chores are not interests', async (t) => {
  t.same(interestsOf('i just got my green belt'), ['martial_arts'])
  t.same(interestsOf('i want to be in a musical'), ['drama'])
  t.same(interestsOf('we are getting a kitten'), ['animals'])
  t.same(interestsOf('i want to design apps'), ['computing'])
  t.same(interestsOf('i cant wait for the library'), ['reading'])
  t.same(interestsOf('i hate reading out loud'), [])
  t.same(interestsOf('i do the cooking for my brothers'), [])
  t.same(interestsOf('i dont mind because i play fifa'), ['gaming'])
})

// A second battery of fresh wordings, written after the first round, found more gaps of the same kind.
t.test('more disclosures: being put down, thrown about, beaten for telling, walked in on, asked in, knives, mould, going home', async (t) => {
  const cases: Array<[string, SafeguardingCategory]> = [
    ['my nan always puts me down', 'emotional_abuse'], ['my stepdad told me i was a waste of space', 'emotional_abuse'],
    ['my uncle throws me around when he is cross', 'physical_abuse'], ['i got a hiding for telling', 'physical_abuse'],
    ['i used to cut', 'self_harm'], ['i took too many pills once', 'self_harm'], ['i cant go on like this', 'suicidal'],
    ['i dont think i can do it anymore', 'suicidal'], ['i wish i had never been born', 'suicidal'],
    ['my mums friend walks into my room when i am getting changed', 'sexual_abuse'], ['the man in the shop asked me into his flat', 'sexual_abuse'],
    ['a lady on roblox asked me to send her my address', 'exploitation'], ['my cousin makes me hide a knife', 'exploitation'],
    ['there is mould on the walls in my room', 'neglect'], ['we often go without tea', 'neglect'],
    ['i dread going home', 'domestic_abuse'], ['dad said he is going to kill mum', 'domestic_abuse'],
  ]
  for (const [letter, category] of cases) t.ok(safeguardingOf(letter).includes(category), `${letter} -> ${category}`)
  for (const letter of [
    'mum will kill us if we are late for the bus lol', 'I take tablets for my hay fever', 'i put my pencil case down somewhere and lost it',
    'we went without the dog on holiday',
  ]) t.same(safeguardingOf(letter), [], letter)
})
