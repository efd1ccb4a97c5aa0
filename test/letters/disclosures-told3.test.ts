// Disclosures told by what happens at home, fourth generation (analyser 1.9.0): domestic abuse and neglect, each
// class with a benign twin that shares its surface words; and the ordinary letters that had been read as
// disclosures, each with the disclosure it must still find. Wordings here are written for these tests (none is
// taken from a corpus).
import t from 'tap'
import { analyseLetter } from '../../server/letters/analyser'

const categoriesOf = (text: string): string[] => analyseLetter(text).safeguarding.filter((s) => !s.learned).map((s) => s.category)

// [category, a disclosure, its benign twin]
const CASES: Array<[string, string, string]> = [
  // domestic abuse: what is heard, the threat to the other parent, control, the door, the plates, the hidden mark
  ['domestic_abuse', 'Last night I heard Mum crying through the wall again.', 'Last night I heard the baby next door through the wall again.'],
  ['domestic_abuse', 'I heard a thump and then Mum crying.', 'I heard a thump and then my brother laughing.'],
  ['domestic_abuse', 'I wear my headphones so I cant hear the shouting.', 'I wear my headphones so I can hear the music better.'],
  ['domestic_abuse', 'He says he will kill Mum if she goes.', 'He says he will call Mum if she is late.'],
  ['domestic_abuse', 'He said Mum will get what is coming.', 'He said the pizza is coming.'],
  ['domestic_abuse', 'Mum is not allowed to see her friends any more.', 'Mum is allowed to see her friends on Friday.'],
  ['domestic_abuse', 'Every night he goes through her phone.', 'Every night she goes through her spellings.'],
  ['domestic_abuse', 'He keeps her bank card in his wallet.', 'She keeps her library card in her purse.'],
  ['domestic_abuse', 'We hear him kicking on the door of the bathroom.', 'We hear the rain on the door of the shed.'],
  ['domestic_abuse', 'When they row the plates get smashed.', 'When we go to the Greek cafe the bread gets dipped.'],
  ['domestic_abuse', 'Mum wears sunglasses even when it is raining.', 'Mum wears wellies even when it is sunny.'],
  ['domestic_abuse', 'She kept her coat on because of her arm.', 'She kept her coat on because of the wind.'],
  // neglect: nobody checks, nobody takes me, never been, run out, the glasses, the uniform, the bed, the leftovers
  ['neglect', 'Nobody checks if I have eaten or gone to bed.', 'Nobody checks my spellings on a Friday.'],
  ['neglect', 'Nobody has taken me to the doctor about my ear.', 'Nobody has taken me to the cinema this year.'],
  ['neglect', 'I have never been to the dentist.', 'I have never been to Spain.'],
  ['neglect', 'We ran out of my inhaler weeks ago.', 'We ran out of the park when it rained.'],
  ['neglect', 'My glasses broke in the summer and we did not get new ones.', 'My glasses broke in the summer and we got new ones the next day.'],
  ['neglect', 'I wash my own uniform in the sink.', 'I wash my paintbrushes in the sink.'],
  ['neglect', 'I have worn the same jumper all year.', 'I have worn the same lucky socks to every match.'],
  ['neglect', 'My coat has holes in both elbows.', 'My cheese has holes in it.'],
  ['neglect', 'I sleep on the sofa because my bed broke.', 'I sleep on the sofa when my cousins stay.'],
  ['neglect', 'I get the leftovers if there are any.', 'Our dog gets the leftovers if there are any.'],
  ['neglect', 'No one makes me go to school on those days.', 'Nobody made me go to bed at the party.'],
  ['neglect', 'Nobody makes me any dinner.', 'Nobody makes me practise, I just like it.'],
  ['neglect', 'No one cares about me at home.', 'My cousin said no one cares about Year 7s on the bus.'],
]

for (const [category, told, twin] of CASES) {
  t.test(`${category}: ${told}`, async (t) => {
    t.ok(categoriesOf(told).includes(category), `read as ${category}: ${JSON.stringify(categoriesOf(told))}`)
    t.same(categoriesOf(twin), [], `its twin discloses nothing: ${twin}`)
  })
}

// ordinary letters that had been read as disclosures (1.8.0), and the disclosure beside each that must still be read
const ORDINARY: Array<[string, string, string]> = [
  ['exploitation', 'I am going to be brave and talk to someone on day one.', 'I talk to someone on Roblox who says he is 15.'],
  ['exploitation', 'I will chat to a girl on the first day.', 'I chat to a man on my tablet at night.'],
  ['physical_abuse', 'At taekwondo he punched me on the helmet but it did not hurt.', 'He punched me in the kitchen and it still hurts.'],
  ['neglect', 'Nobody makes me, I just feel I have to do a practice paper every night.', 'Nobody makes me tea, so I have cereal.'],
]

for (const [category, ordinary, told] of ORDINARY) {
  t.test(`no ${category} in: ${ordinary}`, async (t) => {
    t.same(categoriesOf(ordinary), [], 'the ordinary letter discloses nothing')
    t.ok(categoriesOf(told).includes(category), `and the disclosure still reads as ${category}: ${JSON.stringify(categoriesOf(told))}`)
  })
}

t.test('"cries" is someone else crying; the child crying is still a sign', async (t) => {
  t.not(analyseLetter('Our new baby cries at night a lot but I do not mind. I like helping with her bath.').concern, 'high')
  t.equal(analyseLetter('I cry at night a lot and nobody knows.').concern, 'high')
})

t.test('what nobody minds about others is no isolation; nobody caring about the child still is', async (t) => {
  const others = analyseLetter('I am a bit nervous but my cousin said no one cares about year 7s on the bus. I play FIFA every night.')
  t.notOk(others.families.some((f) => f.family === 'isolation'), JSON.stringify(others.families))
  t.not(others.concern, 'high')
  t.ok(analyseLetter('At home no one cares. I just stay in my room.').families.some((f) => f.family === 'isolation'))
})

// a safeguarding entry's benign twin in the same sentence cancels it; the disclosure without it is still read
const TWINNED: Array<[string, string, string]> = [
  ['neglect', 'Our family always watches Home Alone at Christmas.', 'I am home alone most nights.'],
  ['exploitation', 'Since Dad moved out to his flat I cannot sleep.', 'The older boys took me to his flat after school.'],
  ['self_harm', 'Hopefully the puppy has stopped eating my socks.', 'I stopped eating so I would be thin.'],
]
for (const [category, twin, told] of TWINNED) {
  t.test(`${category}: its twin "${twin}"`, async (t) => {
    t.same(categoriesOf(twin), [], 'the twin discloses nothing')
    t.ok(categoriesOf(told).includes(category), `the disclosure is still read: ${JSON.stringify(categoriesOf(told))}`)
  })
}

t.test('alone at break feared is ordinary nerves; alone at break as what happens is high', async (t) => {
  t.equal(analyseLetter('I am a bit scared I will not have anyone to sit with at dinner. I like baking.').concern, 'some')
  t.equal(analyseLetter('I might be on my own at break but Dad says join a club.').concern, 'some')
  t.equal(analyseLetter('I am on my own at break every day and nobody talks to me.').concern, 'high')
  t.equal(analyseLetter('I do not have anyone to sit with at lunch.').concern, 'high')
})
