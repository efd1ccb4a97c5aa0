// Disclosures told by what happens rather than by the harm word, third generation (analyser 1.8.0): each class of
// telling with a benign twin that shares its surface words. Wordings here are written for these tests (none is
// taken from a corpus).
import t from 'tap'
import { analyseLetter } from '../../server/letters/analyser'

const categoriesOf = (text: string): string[] => analyseLetter(text).safeguarding.map((s) => s.category)

// [category, a disclosure, its benign twin]
const CASES: Array<[string, string, string]> = [
  // self-harm: the thing done with a blade, the excuse for a mark, what a carer hides, "when it gets too much"
  ['self_harm', 'I still do the thing with the razor at night.', 'I still do the thing with the ribbon at gymnastics.'],
  ['self_harm', 'I took the blade out of the pencil sharpener.', 'I took the lid off the pencil sharpener.'],
  ['self_harm', 'Dad hid all the razors after the summer.', 'Dad hid all the presents after the summer.'],
  ['self_harm', 'Nan saw the cuts on my arms and I said it was the cat.', 'Nan saw the cuts on the apples and threw them out.'],
  ['self_harm', 'I do it when things get too loud in my head.', 'I do my reading when things get quiet at home.'],
  ['self_harm', 'I keep picking the skin on my arm until it bleeds.', 'I keep picking the raspberries in the garden.'],
  // suicidal: not wanting to be alive told softly, who gets my things, working out how, no future me
  ['suicidal', 'I do not really want to be alive any more.', 'I do not really want to be a goalie any more.'],
  ['suicidal', 'I made a list of who gets my games and my stuff.', 'I made a list of the games I want for my birthday.'],
  ['suicidal', 'I looked up how many pills it would take.', 'I looked up how many sweets fit in a jar.'],
  ['suicidal', 'On the car park roof I think about jumping over the edge.', 'At the pool I think about jumping off the top board.'],
  ['suicidal', 'It would be easier for everyone with me not being here.', 'It is easier for everyone with Grandad being here.'],
  ['suicidal', 'I do not think there will be a Year 7 me.', 'I think there will be a lot of homework in Year 7.'],
  ['suicidal', 'I have thought about it a lot and I worked out how.', 'I could not do the sum but then I worked out how to do it.'],
  // physical: not allowed to say how I got the mark, the story told at the hospital, the slipper, held under, the threat
  ['physical_abuse', 'I am not allowed to say how I got the bruise.', 'I am not allowed to say how I got the tickets, it is a surprise.'],
  ['physical_abuse', 'I did not fall down the stairs like Dad told the doctor.', 'Dad told the doctor about my asthma.'],
  ['physical_abuse', 'I get the cane on my hands if I am slow.', 'I get the cane toad book out of the library.'],
  ['physical_abuse', 'My stepdad pushed my head under the water in the sink.', 'I put my head under the water at swimming.'],
  ['physical_abuse', 'Her boyfriend held my head under the bath water.', 'My brother held my head under the water at the pool for a joke.'],
  ['physical_abuse', 'He says if I tell a teacher I will be taken away and put in care.', 'If I tell a teacher I am ill they will ring Mum.'],
  // sexual: pictures of grown-ups with nothing on, "grown up stuff", watching in the bath, private things, special
  ['sexual_abuse', 'He shows me pictures on his laptop of people with nothing on.', 'He shows me pictures on his laptop of people skiing.'],
  ['sexual_abuse', 'She says it is grown up stuff and I am old enough now.', 'Mum says it is grown up stuff and I am not old enough.'],
  ['sexual_abuse', 'My step uncle watches when I am in the shower.', 'I sing loudly when I am in the shower.'],
  ['sexual_abuse', 'He does private things to me when we are alone.', 'He does private lessons on the piano for me.'],
  ['sexual_abuse', 'He says it is special and only for me.', 'The cake was special and for everybody.'],
  // neglect: a carer in bed for days, the meter run out, no clean uniform, nobody takes me, away for the weekend
  ['neglect', 'Dad has been in bed for weeks and I make the tea.', 'Dad has been in Spain for weeks and Mum makes the tea.'],
  ['neglect', 'The meter ran out so we had no lights.', 'The runner ran out of breath at the end.'],
  ['neglect', 'There was just cereal so we ate it with water.', 'There was just cereal so we ate it with milk.'],
  ['neglect', 'I stay home because there is no clean uniform.', 'I stay home on Saturdays because there is no school.'],
  ['neglect', 'My ear hurts and nobody takes me to the doctor.', 'My ear hurts and Mum took me to the doctor.'],
  ['neglect', 'I have had nits for months.', 'I have had swimming lessons for months.'],
  ['neglect', 'My tooth has gone black.', 'My tooth has gone wobbly.'],
  ['neglect', 'She went out for the whole night and I did not know where.', 'She went out for the whole night to a wedding.'],
  ['neglect', 'I change her nappies and do the feeds.', 'I change my socks and do the dishes.'],
  ['neglect', 'I missed swimming because I had to look after the baby.', 'I missed swimming because I had to go to the dentist.'],
  // domestic: the shouting starts, a court order, what he will do to her, a split lip, like nothing happened
  ['domestic_abuse', 'When the screaming starts I go in the wardrobe.', 'When the music starts I go on the stage.'],
  ['domestic_abuse', 'He is not allowed to come near us because of the court.', 'He is not allowed to come to football because of his knee.'],
  ['domestic_abuse', 'He yells what he is going to do to her.', 'He yells what he is going to have for tea.'],
  ['domestic_abuse', 'Mum had a split lip again.', 'My brother had a split lip from rugby.'],
  ['domestic_abuse', 'He came back the next day like nothing happened.', 'He came back the next day with a new bike.'],
  ['domestic_abuse', 'He said he would make sure we regret it.', 'He said he would make sure we remember it.'],
  ['domestic_abuse', 'My mum wears sunglasses in the house and it is not even sunny.', 'My mum wears sunglasses on the beach because it is sunny.'],
  // exploitation: they know where I live, a flat with other kids, made to steal, paid for dares, money and lifts
  ['exploitation', 'I want to stop but they know where I live.', 'They know where I live so they can come to my party.'],
  ['exploitation', 'We sit in a flat with older boys till late.', 'We sit in a café with older cousins till late.'],
  ['exploitation', 'The lads make me go into the shops and steal.', 'Mum made me go into the shops and buy milk.'],
  ['exploitation', 'Some men paid me to do dares online.', 'My dad paid me to do the washing up.'],
  ['exploitation', 'They said they would post my address.', 'They said they would post my present.'],
  ['exploitation', 'My cousin goes off in cars with older men.', 'My cousin goes off in the car with Aunty.'],
  ['exploitation', 'A man gave me money and asked if I wanted to come along.', 'Nan gave me money and asked how school was.'],
  // emotional: worst thing that happened to her, put in the shed, where I belong, the threat about home, names
  ['emotional_abuse', 'Dad says I was the worst thing that happened to him.', 'The worst thing that happened to me was my broken arm.'],
  ['emotional_abuse', 'When I cry I get put in the cupboard.', 'When I cry the toys get put in the cupboard.'],
  ['emotional_abuse', 'She says I should go in the bin where I belong.', 'She says the wrappers go in the bin.'],
  ['emotional_abuse', 'Mum said if I tell anyone about our house she will leave.', 'Mum said if I tell anyone about our surprise it is ruined.'],
  ['emotional_abuse', 'My stepmum calls me a little freak.', 'My stepmum calls me a little star.'],
  ['emotional_abuse', 'Mum says she should have got rid of me.', 'Mum says she should have got rid of the old sofa.'],
  ['emotional_abuse', 'Dad says I am ruining his life.', 'Dad says I am making his life easier.'],
  ['emotional_abuse', 'She says it is my fault I got taken into care.', 'She says it is my turn to be taken to the park.'],
  ['emotional_abuse', 'Mum will send me away to live with strangers.', 'Mum will send me to Nan for a week in summer.'],
  ['emotional_abuse', 'My dad says I am a shame to the family.', 'My dad says it is a shame the trip was cancelled.'],
  ['emotional_abuse', 'Mum will not speak to me and I do not get dinner.', 'Mum will speak to me and I do not get why.'],
  // classes found in a second author's letters and checked against the first author's
  ['self_harm', 'I know what you do in the bathroom with the blade.', 'I know what you do in the kitchen with the whisk.'],
  ['suicidal', 'At the station I think about stepping in front.', 'I think about stepping in front of the class to read.'],
  ['neglect', 'Mum stays under the duvet with the lights off all day.', 'Mum stays under the duvet on Sunday mornings.'],
  ['neglect', 'My inhaler ran out in the summer and Mum keeps forgetting.', 'My inhaler ran out and Mum got a new one the same day.'],
  ['exploitation', 'I am still doin runs for him after school.', 'I am still doin runs for the cross country team.'],
  ['emotional_abuse', 'My stepdad sez I am useless.', 'My stepdad sez I am brilliant.'],
  ['emotional_abuse', 'Mum rips up my drawings when she is cross.', 'My baby brother rips up my drawings when he is cross.'],
]

t.test('each disclosure is found in its category, and its benign twin raises nothing', async (t) => {
  for (const [category, letter, twin] of CASES) {
    t.ok(categoriesOf(letter).includes(category), `${category}: '${letter}' → ${categoriesOf(letter).join(', ')}`)
    t.same(categoriesOf(twin), [], `${category} twin: '${twin}'`)
  }
})
