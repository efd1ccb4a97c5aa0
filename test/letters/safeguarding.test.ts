// Every category, written plainly and misspelled. Recall first.
import t from 'tap'
import { SAFEGUARDING_CATEGORIES, analyseLetter } from '../../server/letters/analyser'
import { safeguardingOf } from './helpers'

const disclosures: Record<string, string[]> = {
  self_harm: ['Sometimes I cut myself so nobody sees.', 'i scratch my arms til they bleed', 'i hert myself on purpus when im angry'],
  suicidal: ['Sometimes I wish I was dead.', 'i wanna kil myself', 'i want to kms', 'I think about ending it all.', 'everyone would be better off without me'],
  physical_abuse: ['My dad hits me when he is angry.', 'my step dad hurts me', 'mums boyfriend beats me up', 'my mum hits me with a belt'],
  sexual_abuse: ['My uncle touches me and says it is our secret.', 'a man keeps asking me to send pics of my body', 'he makes me take my cloths off'],
  neglect: ['There is never any food at home.', 'im always hungry cos ther is no food', 'Nobody looks after me at home.', 'im left on my own all weekend'],
  domestic_abuse: ['My dad hits my mum.', 'the police came to our house again', 'my parents scream at each other every nite'],
  exploitation: ['Some older boys give me money to take parcels to people.', 'these older lads give me free vapes', 'I met a man on Roblox and he wants to meet me.'],
  emotional_abuse: ["Mum says I'm stupid and useless.", 'my dad calls me fat and worthless', 'she wishes I was never born'],
}

t.test('each category is found, plainly written and misspelled', async (t) => {
  t.same(Object.keys(disclosures).sort(), [...SAFEGUARDING_CATEGORIES].sort())
  for (const [category, letters] of Object.entries(disclosures)) {
    for (const letter of letters) t.ok(safeguardingOf(letter).includes(category as never), `${category}: ${letter}`)
  }
})

t.test('a disclosure always makes the concern high', async (t) => {
  for (const letters of Object.values(disclosures)) for (const letter of letters) t.equal(analyseLetter(letter).concern, 'high', letter)
})

t.test('a past disclosure still counts', async (t) => {
  t.same(safeguardingOf('My dad used to hit me.'), ['physical_abuse'])
})

t.test('ordinary letters raise nothing', async (t) => {
  for (const letter of [
    'My nan gives me money for my birthday.', 'I play with people on my team.', 'My mum says I am going to love it.',
    'I fight with my brother over the remote.', 'My brother hates sprouts.', 'I like my new school shoes.',
  ]) t.same(safeguardingOf(letter), [], letter)
})
