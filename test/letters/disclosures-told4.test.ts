// Disclosures told by what is done and what is said, fifth generation (analyser 1.10.0), each class with a benign twin
// that shares its surface words. Wordings here are written for these tests (none is taken from a corpus).
import t from 'tap'
import { analyseLetter } from '../../server/letters/analyser'

const categoriesOf = (text: string): string[] => analyseLetter(text).safeguarding.filter((s) => !s.learned).map((s) => s.category)

// [category, a disclosure, its benign twin]
const CASES: Array<[string, string, string]> = [
  ['suicidal', 'Some nights I want to go to sleep and maybe not wake up.', 'Some nights I go to sleep and do not wake up till ten.'],
  ['suicidal', 'I read how many tablets it takes to never wake up.', 'I read how many tablets of chocolate it takes to make a cake.'],
  ['suicidal', 'When I am gone my cousin can have my bike.', 'When I am at big school my cousin can have my bike.'],
  ['suicidal', 'Thank you for my life, it was ok.', 'Thank you for my birthday, it was ace.'],
  ['suicidal', 'On the bridge I thought about going over.', 'At the weekend I thought about going over to Sam’s house.'],
  ['self_harm', 'I keep plasters in my pencil case for my arms after I do it.', 'I keep plasters in my bag for my knees after football.'],
  ['self_harm', 'Sometimes I lock the door after I do the thing.', 'Sometimes I do the thing where I whistle with my fingers.'],
  ['self_harm', 'The cuts are on my legs where nobody can see.', 'The cups are on the shelf where nobody can reach.'],
  ['sexual_abuse', 'My mums friend did sexual things to me when she was out.', 'We learnt about growing up in PSHE and it was awkward.'],
  ['sexual_abuse', 'He shows me films of adults with no clothes on.', 'He shows me films of dogs with funny hats on.'],
  ['physical_abuse', 'Dad held my hand on the hot radiator to teach me.', 'Dad held my hand on the way to the park.'],
  ['physical_abuse', 'She digs her knuckles into my arm when we are out.', 'She cracks her knuckles when she plays piano.'],
  ['physical_abuse', 'He grabbed my face and it went black and blue.', 'My team plays in black and blue stripes.'],
  ['physical_abuse', 'My stepdad threw a shoe and it left a lump on my head.', 'I fell asleep on the sofa and it left a mark on the cushion.'],
  ['domestic_abuse', 'My uncle screams at my auntie every night and I hear her crying.', 'My uncle sings to my auntie every night, it is so cringe.'],
  ['domestic_abuse', 'Dad says it is family business and it stays in the house.', 'Dad says the cat stays in the house at night.'],
  ['domestic_abuse', 'He makes her say sorry for things she did not do.', 'He makes her a cup of tea for things like birthdays.'],
  ['emotional_abuse', 'My mum emotionally abuses me and says I am nothing.', 'My mum helps me with my spelling every night.'],
  ['emotional_abuse', 'I think it is emotional abuse but nobody would believe me.', 'I think it is a good idea but nobody else agrees.'],
  ['emotional_abuse', 'When I answer back Mum stops talking to me for days.', 'When I answer back my friend laughs for ages.'],
  ['emotional_abuse', 'She tells my sister not to talk to me at home.', 'She tells my sister not to talk in the cinema.'],
  ['emotional_abuse', 'I have to eat after everyone else has finished, on my own.', 'I have to eat before football or I get hungry.'],
  ['emotional_abuse', 'At Dads I am not allowed out of my room except to eat.', 'At Dads I am allowed to stay up late except on school nights.'],
  ['emotional_abuse', 'My stepmum says I have got an ugly face like my dad.', 'My stepmum says I have got a good eye for photos.'],
  ['emotional_abuse', 'Dad says I will turn out useless like my brother.', 'Dad says I will turn out taller than my brother.'],
  ['emotional_abuse', 'Mum says I am the reason her life is rubbish.', 'Mum says I am the reason the dog is so fat lol.'],
  ['emotional_abuse', 'My nan calls me a waste of space.', 'My nan calls me her little star.'],
  ['neglect', 'Mum has been gone for five days and I do not know where.', 'Mum has been gone for five days on a work trip to Spain.'],
  ['neglect', 'I am alone in the house every weekend.', 'I am allowed in the house on my own for ten minutes now.'],
  ['neglect', 'There is nothing in the fridge but milk that smells.', 'There is a cake in the fridge for my party.'],
  ['neglect', 'My dad sleeps most of the day and I get myself up.', 'My dad sleeps in on Sundays after his night shift.'],
  ['neglect', 'I sat on the step until it got dark because nobody came.', 'I sat on the step with my ice lolly until my friend came.'],
  ['neglect', 'I sleep in my school clothes most nights.', 'I sleep in my football shirt when we win.'],
  ['neglect', 'The nits in my hair never go away.', 'The nits in my class went away after half term.'],
  ['neglect', 'My bed does not have a cover on it.', 'My bed has a cover with dinosaurs on it.'],
  ['neglect', 'Mum never does my washing so I smell.', 'Mum never lets me do the washing up.'],
  ['exploitation', 'Some boys make me and my friend ask for money from people at the station.', 'Some teachers make me and my friend ask for help when we are stuck.'],
  ['exploitation', 'I do runs on my bike for the older boys.', 'I do laps on my bike round the park.'],
  ['exploitation', 'I am dropping bags off for his mates after school.', 'I am dropping my sister off at nursery with Mum.'],
  ['exploitation', 'The 20 year old keeps saying I am his.', 'My little brother keeps saying I am mean.'],
  ['sexual_abuse', 'He said he will send the pictures to everyone at school if I stop.', 'He said he will send the pictures of the trip to our parents.'],
  ['exploitation', 'He said he will send the pictures to everyone at school if I stop.', 'He said he will send the pictures of the trip to our parents.'],
]

for (const [category, told, twin] of CASES) {
  t.test(`${category}: ${told}`, async (t) => {
    t.ok(categoriesOf(told).includes(category), `read as ${category}: ${JSON.stringify(categoriesOf(told))}`)
    t.same(categoriesOf(twin), [], `its twin discloses nothing: ${twin}`)
  })
}
