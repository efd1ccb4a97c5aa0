// The distress-families step: every cue with a benign twin that shares its surface words. Wordings here are
// written for these tests (none is taken from a corpus).
import t from 'tap'
import { analyseLetter } from '../../server/letters/analyser'

const familiesOf = (text: string) => analyseLetter(text).families.map((f) => `${f.family}:${f.strength}`)

// [family, a letter that shows it, its benign twin]
const CASES: Array<[string, string, string]> = [
  ['sleep', 'I lie awake thinking about it.', 'I lay awake because I was so excited for the trip.'],
  ['sleep', 'I keep having nightmares about big school.', 'The film had nightmares in it and it was a scary film lol.'],
  ['sleep', 'I can not sleep at the moment.', 'I could not sleep at the sleepover because we stayed up watching films.'],
  ['somatic', 'My tummy hurts before school.', 'My tummy hurts because I ate too many sweets.'],
  ['somatic', 'I get headaches when I think about it.', 'Marcus gets headaches after football.'],
  ['somatic', 'I throw up before tests.', 'I threw up on the rollercoaster at the fair.'],
  ['self_worth', 'I am stupid and everyone knows it.', 'I am stupid at fifa lol.'],
  ['self_worth', 'I hate myself.', 'I do not hate myself anymore, I am fine now.'],
  ['hiding', 'I hide my arms in long sleeves.', 'I hid my arms under the blanket in hide and seek.'],
  ['hiding', 'I pretend I am fine.', 'We pretend we are fine in the drama game.'],
  ['avoidance', 'I am going to stay invisible in year 7.', 'I wish I had an invisibility cloak to stay invisible.'],
  ['avoidance', 'I keep my head down at school.', 'Nobody keeps their head down in the game.'],
  ['hopelessness', 'Nothing good is going to happen.', 'Nothing good is on tv on Sundays.'],
  ['hopelessness', 'I do not see the point.', 'I do not see the point of the film lol.'],
  ['isolation', 'Nobody talks to me at break.', 'Nobody talks to me in the game because I play solo.'],
  ['isolation', 'I spend lunch on my own in the library.', 'I like reading on my own in the library.'],
  ['loss', 'My dad left us and never came back.', 'My dad left for work early.'],
  ['loss', 'My nan died and I miss her every day.', 'My goldfish died years ago.'],
  ['secrecy', 'I am not allowed to tell anyone what happens.', 'I am not allowed to tell anyone about the surprise party.'],
  ['secrecy', 'Nobody knows about it.', 'Nobody knows about my crush lol.'],
  ['caregiving', 'I look after my mum because she is poorly.', 'I look after my hamster.'],
  ['caregiving', 'I do all the cooking and make my brother breakfast.', 'I help my mum bake cakes.'],
  ['rumination', 'I write down everything that could go wrong.', 'I write down my homework in my planner.'],
  ['rumination', 'I check my bag ten times every night.', 'I check my bag twice on my christmas list.'],
  ['appeasement', 'I try not to be any trouble at home.', 'I try not to be any trouble so I get a ps5 for christmas.'],
  ['appeasement', 'I have been extra good since dad left.', 'I have been extra good for santa lol.'],
  // 1.5.0: the body told by what it does, covering up whatever the weather, masking, a carer's jobs
  ['somatic', 'My stomach goes all tight before school.', 'My stomach goes all tight after eating pizza.'],
  ['somatic', 'My legs go wobbly when I walk in.', 'My legs go wobbly after football training.'],
  ['hiding', 'I wear my jumper even in summer.', 'I wear my jumper even in summer because it is my favourite.'],
  ['hiding', 'I do not like people staring at my arms.', 'I do not like people staring at my arms in the drama game.'],
  ['hiding', 'I am good at smiling when I am sad.', 'I am good at smiling when I am sad in the pretend play.'],
  ['hiding', 'I act like I am fine with everyone.', 'I act like I am fine in the game lol.'],
  ['caregiving', 'I help look after my sister because mum works nights.', 'I help look after my hamster.'],
  ['caregiving', 'I do all the shopping and the forms.', 'I do all the shopping on my pets game.'],
  ['caregiving', 'I make dad breakfast because he is in bed all day.', 'I make dad breakfast on fathers day.'],
  // 1.5.0: 'could not' read as one phrase; late and long nights; thoughts that will not stop; rituals
  ['sleep', 'I could not get to sleep again.', 'I could not get to sleep at the sleepover.'],
  ['sleep', 'I do not really sleep much now.', 'I do not really sleep much on christmas eve.'],
  ['sleep', 'I am up till 2 every night thinking.', 'I am up till 2 every night on holiday at the campsite.'],
  ['sleep', 'It takes hours to fall asleep.', 'It takes hours to fall asleep at the birthday sleepover.'],
  ['sleep', 'I wake up all sweaty.', 'I wake up all sweaty after the camping trip.'],
  ['rumination', 'The mistake goes round my head.', 'The song goes round my head lol.'],
  ['rumination', 'My head will not switch off.', 'My head will not switch off in the game lol.'],
  ['rumination', 'I think and think about the test.', 'I think and think about what to get for christmas.'],
  ['rumination', 'I count my steps on the way in.', 'I count my steps on my fitbit.'],
  ['rumination', 'I tap the table or something bad will happen.', 'I tap the table in the game or something bad will happen to my character.'],
  ['rumination', 'I could not stop checking the door.', 'I could not stop checking the door in the game lol.'],
  // 1.6.0: what the child does and expects; panic, anger, tearfulness, eating and perfectionism
  ['hopelessness', 'I do not think secondary will be any better.', 'I do not think the film will be any better than the book.'],
  ['hopelessness', 'Nothing I want ever happens.', 'Nothing I want ever happens in the game lol.'],
  ['self_worth', 'I hate the way I look.', 'I hate the way I look in that old photo from Year 2 lol.'],
  ['self_worth', 'I am rubbish at most things really.', 'I am rubbish at most things in fifa lol.'],
  ['avoidance', 'I will not go in the canteen.', 'I will not go in the canteen on the bus lol.'],
  ['avoidance', 'I sit nearest the door so I can get out first.', 'I sit nearest the door so I can get out first in the game.'],
  ['isolation', 'I never had a proper friend.', 'I never had a proper friend who likes Lego as much as me, I like reading on my own too.'],
  ['isolation', 'At school I do not really talk to anyone.', 'At school I do not really talk to anyone in the game, I like playing on my own.'],
  ['loss', 'Mum would have loved taking me shopping.', 'Mum would have loved taking me shopping but she had to go to work.'],
  ['appeasement', 'I keep good and quiet so I am not another problem.', 'I keep good and quiet so I get a present for christmas.'],
  ['appeasement', 'I have to be careful at home.', "I have to be careful at home with my new phone because it's a birthday present."],
  ['secrecy', 'I keep it to myself like now.', 'I keep it to myself because it is a surprise party.'],
  ['caregiving', 'I help her with the stairs because Mum has MS.', 'I help my hamster with the stairs in his cage lol.'],
  ['rumination', 'I have to touch the door three times before I leave.', 'I have to touch the door three times in the game before it opens.'],
  ['panic', 'My heart goes really fast and I can not breathe properly.', 'My heart goes really fast after running in PE.'],
  ['panic', 'I had to go outside to breathe.', 'I had to go outside to breathe after the race.'],
  ['anger', 'I lose my temper and slam doors.', 'I lose my temper at fifa lol.'],
  ['anger', 'I get so angry and I do not know why.', 'I get so angry at the referee lol.'],
  ['tearfulness', 'I cry myself to sleep.', 'I cried at the end of the film.'],
  ['tearfulness', 'I still cry when dad drops me off.', 'I still cry when I watch that film.'],
  ['eating', 'I put my lunch in the bin so mum thinks I ate it.', 'I put my lunch in the bin because it was sprouts.'],
  ['eating', 'I read the labels on everything now.', 'I read the labels on everything now because my coach says protein.'],
  ['perfectionism', 'If I get anything wrong I feel like I failed everything.', 'If I get anything wrong in the game lol.'],
  ['perfectionism', 'I must get all top marks.', 'I must get all top marks in minecraft lol.'],
  // third generation (1.8.0): benign readings that share the cue's words
  ['secrecy', 'I am not allowed to say what goes on.', 'I am not allowed to say the baby\'s full name because we foster.'],
  ['isolation', 'I am on my own most of the time.', 'Mum lets me stay in the house on my own for 20 minutes now.'],
  ['isolation', 'I am on my own every break.', 'In Year 7 I can walk home on my own.'],
]

t.test('each cue is found, and its benign twin is not', async (t) => {
  for (const [family, letter, twin] of CASES) {
    t.ok(familiesOf(letter).some((f) => f.startsWith(`${family}:`)), `${family}: '${letter}' → ${familiesOf(letter).join(', ')}`)
    t.notOk(familiesOf(twin).some((f) => f.startsWith(`${family}:`)), `${family} twin: '${twin}' → ${familiesOf(twin).join(', ')}`)
  }
})

t.test('context reads a cue: negation, the past resolved, fear of the future, someone else, persistence', async (t) => {
  t.same(familiesOf('I do not have nightmares.'), [], 'negated')
  t.same(familiesOf('I used to have nightmares but it is fine now.'), [], 'past and resolved')
  t.same(familiesOf('My brother has nightmares.'), [], 'someone else')
  t.same(familiesOf('I am worried I will not have any friends.').filter((f) => !f.endsWith(':weak')), [], 'feared, not happening: weak at most')
  t.same(familiesOf('I feel sick.'), ['somatic:weak'], 'a weak cue alone')
  t.same(familiesOf('I feel sick every morning before school.'), ['somatic:strong'], 'how often makes it strong')
  t.same(familiesOf('I lie awake most nights.'), ['sleep:strong'], 'most nights')
  t.same(familiesOf('My best friend is Alina and we do dance.'), [], 'a name is not a misspelt cue word')
  t.same(familiesOf('I like drama. Love, Alina'), [], 'nor a name signing off')
  t.same(familiesOf('Im worthless.'), ['self_worth:strong'], 'an expanded word is not a name')
  t.same(familiesOf('I have been sad and tired since christmas.'), ['sleep:clear'], 'since when strengthens a weak cue')
})

t.test('the span is the child’s own words, with the persistence frame in its clause', async (t) => {
  const text = 'dear me, i lie awake EVERY night. i like art'
  const [f] = analyseLetter(text).families
  t.equal(f?.text, 'lie awake EVERY night')
  t.equal(text.slice(f!.start, f!.end), f!.text)
})

t.test('the families raise concern and never lower a safeguarding match', async (t) => {
  t.equal(analyseLetter('I lie awake most nights.').concern, 'high', 'one strong family')
  t.equal(analyseLetter('I keep my head down at school. Nobody ever asks me anything.').concern, 'high', 'two clear families')
  t.equal(analyseLetter('I write down everything that could go wrong. I feel sick.').concern, 'high', 'a clear family with a weak one')
  t.equal(analyseLetter('My dad left us.').concern, 'some', 'one clear family alone is some')
  const disclosure = analyseLetter('My dad hits me. I am excited about art.')
  t.equal(disclosure.concern, 'high')
  t.ok(disclosure.safeguarding.length > 0)
})

t.test('background is not distress: moving country, EAL, a short or misspelled letter', async (t) => {
  for (const letter of ['I moved from Poland last year and my english is not good yet.', 'i am ok', 'i like fotball and my frends', 'I live with my nan and my two mums.']) {
    t.same(analyseLetter(letter).families, [], letter)
    t.not(analyseLetter(letter).concern, 'high', letter)
  }
})
