// Disclosures told by what happens rather than by the harm word (analyser 1.6.0): each wording with a benign twin
// that shares its surface words. Wordings here are written for these tests (none is taken from a corpus).
import t from 'tap'
import { analyseLetter } from '../../server/letters/analyser'

const categoriesOf = (text: string): string[] => analyseLetter(text).safeguarding.map((s) => s.category)

// [category, a disclosure, its benign twin]
const CASES: Array<[string, string, string]> = [
  ['self_harm', 'I punch my own legs until they go blue.', 'I punched the bag until my arms went tired at boxing.'],
  ['self_harm', 'I bang my head on the wall when I get angry.', 'I banged my head on the shelf by accident.'],
  ['self_harm', 'I still do that with the pin on my tummy where nobody can see.', 'I do that with the pin on my badge so it stays on.'],
  ['self_harm', 'She showed me her wrists and there are lots of lines on them.', 'She showed me her bracelets and there are lots of colours on them.'],
  ['suicidal', 'I want to dye every day.', 'I want to dye my hair every colour.'],
  ['suicidal', 'I have been googling ways to die.', 'I have been googling ways to draw dragons.'],
  ['suicidal', 'Sometimes I think about stepping in front of the train.', 'Sometimes I think about stepping in front of the class to do my talk.'],
  ['physical_abuse', 'I had to say I fell off the trampoline.', 'I fell off the trampoline and had to say sorry to Mum for the noise.'],
  ['physical_abuse', 'Grandad was holding my hand on the hob.', 'Grandad was holding my hand on the walk.'],
  ['physical_abuse', 'I had to miss school till my eye went down.', 'I had to miss school till my chickenpox went away.'],
  ['sexual_abuse', 'He says there is a special game just for us.', 'We made up a special game just for our club.'],
  ['sexual_abuse', 'He made me do things in the shed.', 'He made me do things in the garden like weeding.'],
  ['sexual_abuse', 'He keeps asking for pics with no top on.', 'He keeps asking for pics of my new puppy.'],
  ['neglect', 'Mum goes out and does not come back till the morning.', 'Mum goes to work early and comes back at tea time.'],
  ['neglect', "The fridge is literally empty and mum's phone is off.", 'The fridge is literally full after the big shop.'],
  ['neglect', 'My uniform never gets washed.', 'My uniform always gets washed on Sundays.'],
  ['neglect', 'I can not wake him up when he is on the sofa.', 'I can not wait to wake up on Christmas.'],
  ['domestic_abuse', "We had to go to a refuge after dad broke mum's arm.", 'We went to a cafe after mum broke her arm on the ice.'],
  ['domestic_abuse', 'She wears big sunglasses even though it is raining.', 'She wears big sunglasses on holiday in the sun.'],
  ['exploitation', 'I am still doing runs for him, he pays me 50 a time.', 'I am still doing runs for the cross country team.'],
  ['exploitation', 'She keeps my passport and I must clean every day.', 'She keeps my passport safe in the drawer for our holiday.'],
  ['emotional_abuse', 'Dad took my door handle off.', 'Dad took my stabilisers off my bike.'],
  ['emotional_abuse', 'Grandma says nobody loves me.', 'Grandma says everybody loves her cake.'],
  ['emotional_abuse', 'Dad makes him stand in the garden in the cold.', 'Dad makes him a den in the garden.'],
]

t.test('each disclosure is found in its category, and its benign twin raises nothing', async (t) => {
  for (const [category, letter, twin] of CASES) {
    t.ok(categoriesOf(letter).includes(category), `${category}: '${letter}' → ${categoriesOf(letter).join(', ')}`)
    t.same(categoriesOf(twin), [], `${category} twin: '${twin}'`)
  }
})
