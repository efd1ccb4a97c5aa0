// Structural rules (server/letters/analyser/structure/): disclosures found by the shape of the clause —
// who does what to whom — rather than by a listed phrase. Every wording here is new: none is in the lexicon
// or in a corpus, so each test checks that a rule generalises, not that a phrase was added.
import t, { type Test } from 'tap'
import type { SafeguardingCategory } from '../../server/letters/analyser'
import { harmVerb } from '../../server/letters/analyser/structure'
import { concernOf, safeguardingOf } from './helpers'

function finds(t: Test, category: SafeguardingCategory, letters: readonly string[]): void {
  for (const letter of letters) t.ok(safeguardingOf(letter).includes(category), `${category}: ${letter}`)
}
function clear(t: Test, letters: readonly string[]): void {
  for (const letter of letters) t.same(safeguardingOf(letter), [], letter)
}

t.test('harm verbs are recognised in any form and in children\'s misspellings, not in sound-alike words', async (t) => {
  for (const [word, lemma] of [['kiks', 'kick'], ['slapps', 'slap'], ['smaked', 'smack'], ['kickd', 'kick'], ['chokd', 'choke'],
    ['thumpd', 'thump'], ['strangld', 'strangle'], ['punched', 'punch'], ['burnt', 'burn'], ['threw', 'throw']] as const) {
    t.equal(harmVerb(word), lemma, word)
  }
  for (const word of ['hats', 'bets', 'kits', 'checks', 'hearts', 'picks', 'shaves', 'the', 'me', 'happy']) t.equal(harmVerb(word), null, word)
})

t.test('any person who looks after or lives with a child, any harm verb, the child as object', async (t) => {
  finds(t, 'physical_abuse', [
    'my nans husband whacks me round the head when hes been drinking',
    'the lady who looks after us after school pinches me really hard',
    'my step mum twisted my arm behind my back',
    'my dads girlfriend pulls my hair when dad is out',
    'mums new partner kicked me down the stairs',
    'my carer smaked me across the face',
    'my auntie burnt my hand on the cooker to teach me a lesson',
    'the man at the shop grabbed me and wouldnt let go',
    'my step dad held me down and hit me',
    'my older cousin stamps on my fingers',
    'mum hurts my little sister when shes in a mood',
    'my foster dad throws things at me when hes angry',
  ])
})

t.test('he, she and they are read as the person named before them', async (t) => {
  finds(t, 'physical_abuse', ['he keeps slappin me. he is my moms boyfriend', 'my gran came to live with us. she bashes me with her stick'])
  // an unnamed "they" is usually other children: bullying, not abuse
  clear(t, ['they kick me in the playground'])
  t.equal(concernOf("I'm scared they'll shove me in the corridors."), 'some')
})

t.test('an adult at home harming a parent is domestic abuse', async (t) => {
  finds(t, 'domestic_abuse', [
    'my stepdad slapped my mum in the kitchen', 'dad grabbed mum by the neck', 'my mums boyfriend hurts her and she cries',
    'he kicked my mum when she was on the floor. he is my dad',
  ])
})

t.test('games, play, accidents and idioms are not harm', async (t) => {
  clear(t, [
    'my brother beats me at every game we play', 'my sister threw a pillow at me', 'my mum pushed me on the swing',
    'the dog bit my leg at the park', 'i fell and hurt my arm on the trampoline', 'i burnt myself on the oven making cakes',
    'i could kick myself for forgetting my kit', 'my coach pushes me to do my best', 'my nan cuts my hair',
    'my dad hits the ball really far', 'my dad threw me in the pool on holiday', 'my uncle throws me up in the air',
    'we play fight on fortnite and he always knocks me off the map lol', 'my dad drags me out of bed for school',
  ])
  t.equal(concernOf('the older kids hit me at primary'), 'high') // bullying, told in the past: distress, not a disclosure
  t.same(safeguardingOf('the older kids hit me at primary'), [])
})

t.test('touching, filming or watching a child who is undressed, and hands inside clothes, are sexual abuse', async (t) => {
  finds(t, 'sexual_abuse', [
    'my swimming teacher watches me in the changing room',
    'the man next door takes photos of me through my window when im getting dressed',
    'my uncle makes me sit on his knee and puts his hand in my pants',
    'my brothers friend kissed me and touched me under my top',
  ])
  clear(t, ['my mum kisses me goodnight in bed', 'my dad watches me at football every saturday', 'my nan took photos of me at the beach'])
})

t.test('harm to oneself: a harm verb with myself, or I with my own body', async (t) => {
  finds(t, 'self_harm', [
    'i scratch myself till it bleeds', 'i punch myself in the face when i get things wrong', 'i bite my arm really hard when im angry',
    'i cut my legs with a sharpener blade', 'sometimes i hurt my self so i feel better', 'i burn my arm with a hot spoon',
  ])
  clear(t, ['i beat myself up about maths', 'i hurt my knee playing football'])
})

t.test('wishing not to exist, in first person, in many words', async (t) => {
  finds(t, 'suicidal', [
    'i keep thinking about dying', 'i just want to stop existing', 'i wish i could go to sleep and not wake up',
    'i want to jump in front of a train', 'i dream about being dead', 'i want to kil myslef', 'i wish i could just vanish',
    'i dont see the point of being alive', 'sometimes i think about not being here',
  ])
  clear(t, [
    'i was so embarrassed i wanted to die', 'i am dying to go to the water park', 'i dont want to die of boredom in maths',
    'i think i would die if i had to sing on my own', 'i wish the holidays would never end', 'i wish my homework would disappear',
    'i thought i was going to die on the rollercoaster', 'i want to jump off the high diving board',
  ])
})

t.test('neglect: missing basics, hunger at home, nobody there, left alone, clothes that do not fit', async (t) => {
  finds(t, 'neglect', [
    'we never have food in the house at the weekend', 'i have not had a proper dinner for days', 'there is no heating and we sleep in our coats',
    'mum goes out and leaves us on our own all night', 'nobody makes me tea, i just have a packet of crisps', 'im hungry all the time at home',
    'my dad doesnt feed us when mum is away', 'my shoes are falling apart and my uniform is too small and nobody buys me new ones',
    'we dont have a bed so i sleep on the sofa',
  ])
  clear(t, [
    'i had no breakfast today because i overslept', 'nobody is home on mondays so i go to breakfast club', 'i get so hungry at break',
    'i cant get out of bed in the mornings', 'my new school shoes are too big so we are taking them back',
  ])
})

t.test('exploitation: paid, made or threatened to carry, hold, sell or send', async (t) => {
  finds(t, 'exploitation', [
    'some boys from the estate pay me to drop off little bags', 'a man in a car gives me money to take a parcel to his friend',
    'my cousins friends make me keep their phones in my room', 'the older lads said they will batter me if i dont sell for them',
    'someone online said he will send the pictures to my mum if i dont pay', 'a guy buys me mcdonalds and says i have to do jobs for him',
  ])
  clear(t, [
    'my mum gives me money to take to the shop', 'my grandad pays me to wash his car', 'i carry my nans shopping bags for her',
    'my friend pays me back for the sweets', 'the teacher will send me out if i talk', 'my nan gives me money and i keep it in my piggy bank',
  ])
})

t.test('a carer who says the child is worthless or unwanted, or threatens to send them away', async (t) => {
  finds(t, 'emotional_abuse', [
    'my step mum says she will send me away to live with strangers', 'my dad says he wishes i was never his son',
    'my mum tells me everyday that im a mistake', 'my carers threaten to put me in a childrens home',
  ])
  clear(t, ['my mum says im a legend lol', 'my teacher says i am a good reader'])
})

t.test('1.5.0: a carer who calls the child a mistake or a burden', async (t) => {
  finds(t, 'emotional_abuse', ['my nan says i am a burden on everyone', 'dad shouts that i was a mistake'])
  clear(t, ['my nan says the cake was a mistake lol', 'dad says i made a mistake in my spelling test', 'my nan says the heavy bag is a burden to carry'])
})

t.test('typical letters with several ordinary worries and something liked stay ordinary nerves', async (t) => {
  for (const letter of [
    'i am worried about homework because there is alot more in secondary. i like football and fifa. i hope i dont get detentions for forgetting stuff',
    'im nervus about the buses and the big year 11s and not finding my form room. i love baking and my hamster',
    'Things I worry about: 1. detentions 2. getting lost 3. forgetting my PE kit. Things I love: netball, drawing, my cat.',
    'worried about lunch queues and strict teachers and loads of homework but i like coding and basketball',
    'I am a bit worried about people thinking im weird and about the tests. I like singing and gymnastics.',
  ]) t.equal(concernOf(letter), 'some', letter)
})

t.test('quiet signs of significant distress: flat refusal, happiness gone, repeated distress, anger and exclusion, no home, a chat against the child', async (t) => {
  for (const letter of [
    'im not going. they cant make me.', 'i refuse to go to that school', 'i dont feel happy anymore and i dont know why',
    'everything feels dark lately', 'no no no no i dont want it', 'help me help me', 'i get so angry that i punch doors',
    'i keep getting excluded', 'we got evicted and now we live in a hotel', 'there is a group chat against me with all my class in it',
    'they sent pictures of me to everyone on snapchat',
  ]) t.equal(concernOf(letter), 'high', letter)
  for (const letter of [
    'im not going to get lost because i went on the tour. i like maths', 'i will not go to bed early on the first night lol. i love gaming',
    'we stayed in a hotel in spain and it was amazing. i like swimming',
  ]) t.not(concernOf(letter), 'high', letter)
})

t.test('a second round of fresh wordings for every rule', async (t) => {
  finds(t, 'physical_abuse', [
    'my step dad kneed me in the stomach',
    'my mums boyfrend slapt me round the face',
    'my nan spits on me and pulls my ear',
    'my dad lashes me with a wire',
    'he locked me outside all night in the rain. my dad i mean',
    'my foster carer holds me down on the floor when i cry',
    'my aunty beated me with a hanger',
  ])
  finds(t, 'sexual_abuse', [
    'my mums friend makes me get in the bath with him',
    'a man in the park asked me to pull my trousers down',
    'my uncle sends me videos of him with no clothes on',
    'my step dad comes in the bathroom when im on the toilet and stares at me',
  ])
  finds(t, 'neglect', [
    'mum forgets to buy food so we eat dry cereal',
    'we havent had electric for a week',
    'my mum leaves me and my brother alone for the whole weekend',
    'i look after myself most days coz dad is out',
  ])
  finds(t, 'domestic_abuse', [
    'my dad kicked the door in and hit mum',
    'i heard mum screaming and dad said he would kill her',
    'my nan\'s boyfriend punches her when he is drunk',
  ])
  finds(t, 'exploitation', [
    'an older boy on snapchat told me to bring a bag to the park or he will hurt my mum',
    'i get free trainers if i keep a box under my bed for some men',
    'my brothers mates give me vapes for running to the shop with packages',
  ])
  finds(t, 'emotional_abuse', [
    'my dad says i am worthless and he wishes i lived somewhere else',
    'my mum doesnt let me eat with the family and says im disgusting',
    'my foster carer says nobody will ever love me',
  ])
  finds(t, 'self_harm', [
    'i scrape my skin with scissors when im upset',
    'i have been cutting again',
    'i bang my fists on the wall till they bleed',
    'i hit myself really hard',
  ])
  finds(t, 'suicidal', [
    'i have thought about taking all of mums pills',
    'i wrote down how i would kill myself',
    'i want to go to sleep forever',
    'i keep wishing i wasnt alive',
    'sometimes i think everyone would be happier if i died',
  ])
})

t.test('a second round of look-alikes: play, affection, idioms, errands, toddlers, ordinary money', async (t) => {
  clear(t, [
    'my dad always beats me at ping pong but i beat him at mario kart',
    'my mum will kill me if i get a detention haha',
    'my brother punched me on the arm for a joke',
    'my little sister bit me because she is 2',
    'my dad throws the ball to me in the garden',
    'our dog jumps on me when i get home',
    'my nan squeezes me so tight when she hugs me',
    'my uncle taught me to box and he hits the pads',
    'i scraped my knee when i fell off my scooter',
    'my mum cuts my sandwiches into triangles',
    'i want to disappear into a good book',
    'im dying for the summer holidays',
    'i want to be a vet when i grow up and i love dogs',
    'i hope i dont die of boredom in history lol',
    'my mum says i am a superstar',
    'my dad tells me im a legend at fifa',
    'nobody is home when i get back so i let myself in and do my homework till mum gets home at 5',
    'i dont have lunch money yet but mum is sorting it',
    'my grandad holds me up so i can see the parade',
    'i had to take the packages to the post office for my mum',
    'my big brother gives me money to keep quiet about his girlfriend lol',
    'i go to my dads at the weekend and my mums in the week',
    'my mum works nights so my nan puts me to bed',
    'mum shouted at me for not tidying my room',
    'my step dad is strict about screen time',
    'my teacher watches me when i do my presentation',
    'i burnt the toast this morning',
    'i wish i could stay in year 6 forever',
    'my cousin pushes me in the pool every summer',
    'i thought i was going to die when i saw the size of the school',
    'my dad hit the roof when i broke the window',
    'i hate myself when i miss a penalty',
    'my sister and me fight over the remote',
    'my mum films me doing tricks on my bike',
    'i want to jump off the high board at the pool',
    'i had no dinner money so i borrowed some',
    'dad smacked the wasp off my arm',
    'the nurse gave me an injection and it hurt',
    'my dad is going to drag me to the football every week',
  ])
})

t.test('a third round of fresh wordings: EAL, text-speak, run-ons, a disclosure inside an ordinary letter', async (t) => {
  finds(t, 'physical_abuse', [
    'Dear me, I like art and I am excited for science. My step father he is hitting me with the shoe when I make mistake in homework.',
    'my moms bf be hittin me n my lil bro wen she aint there',
    'wen my dad gets drunk he chucks me against the wall',
    'im scared to go home coz my uncle will batter me again',
    'mum\'s boyfriend sqeezes my neck till i cant breath',
    'my grandma hurted me with a hot iron',
    'my foster carer slaped me becos i broke a plate',
    'my dad hits me when i lose at football',
    'my dad hits me lol',
    'my stepbrother chokes me and says its a joke',
    'my dad kicks me after football if i play bad',
  ])
  finds(t, 'sexual_abuse', [
    'my cousin who is 17 made me do things in his room that i didnt want to',
    'a man on fortnite keeps asking what colour my underwear is',
    'my dads friend rubs my leg under the table and says its our thing',
  ])
  finds(t, 'neglect', [
    'mum is always asleep when i get home and theres nothing for tea',
    'i havent got a coat and my trainers let the rain in and nobody notices',
    'we dont have no food til mum gets paid',
    'my little brother and me are on our own most nights till really late',
  ])
  finds(t, 'domestic_abuse', [
    'my dad pulls mum by the hair',
    'dad chokes my mum when they argue',
    'my mum\'s girlfriend smashed a bottle over her head',
  ])
  finds(t, 'exploitation', [
    'an older girl said if i hide her stuff in my locker she will give me a phone',
    'a man gives me and my mates free food at the chicken shop and now he wants us to do stuff for him',
    'i have to go to different towns on the train for my brothers friend and bring back money',
  ])
  finds(t, 'emotional_abuse', [
    'my stepmum makes me sleep in the hallway and tells me im not part of the family',
    'my dad says i should never have been born and calls me a freak',
  ])
  finds(t, 'self_harm', [
    'i dig my nails into my arms till they bleed',
    'when i get sad i bite myself',
    'i stick pins in my legs',
  ])
  finds(t, 'suicidal', [
    'i dont want to be alive any more',
    'i want to be with my grandma in heaven',
    'im going to end my life',
    'i looked up how to die on my phone',
    'id be better off never existing',
  ])
})

t.test('a third round of look-alikes; sport is no excuse for a blow from someone else, and a joke or lol does not silence one', async (t) => {
  clear(t, [
    'i am nervus becos my brother sed the teachers shout. i like football',
    'my cousin is 17 and he takes me to the cinema',
    'my dad throws me in the air at the swimming pool',
    'my mum says im a pain in the neck haha',
    'my grandma is in heaven and i miss her but i like remembering her',
    'i want to be a policeman so i can catch bad guys',
    'when my brother is naughty mum sends him to his room',
    'i hurt my wrist at trampolining and had a cast',
    'my dad makes me tidy my room every saturday',
    'i cut my finger in art lol',
    'i burnt my hand on the oven',
    'my dad dragged me round the shops all day',
  ])
})

t.test('a fourth round: slang blows, adults in the bath, lookouts, going without, better if I was not around', async (t) => {
  finds(t, 'physical_abuse', [
    'my granddad clouts me round the ear when i spill stuff',
    'mums fella belts me with his hand till i go red',
    'the lady at my childminders yanks my arm and shakes me',
    'my dad booted me so hard i couldnt walk properly',
  ])
  finds(t, 'sexual_abuse', [
    'my stepdad gets into the shower with me and i dont want him to',
    'a older man from the gym messages me asking me to be his girlfriend and send selfies in my bra',
    'my babysitter plays a game where i have to take my clothes off',
  ])
  finds(t, 'neglect', [
    'there is never anyone to make my packed lunch so i go without',
    'my dads too drunk to get up so i get my sisters ready for school and we havent eaten',
    'we have mice and no beds just mattresses and its always freezing',
  ])
  finds(t, 'domestic_abuse', [
    'mums boyfriend strangles her and then says sorry',
    'dad threw mum across the room and broke the table',
  ])
  finds(t, 'exploitation', [
    'the lads by the shops give me a tenner to stand on the corner and watch for police',
    'i keep a phone for a man and when it rings i have to take stuff to people',
  ])
  finds(t, 'emotional_abuse', [
    'mum says she will give me away to social services if i dont behave and that nobody wants me',
    'my stepdad makes fun of my stammer in front of everyone and calls me thick every single day',
  ])
  finds(t, 'self_harm', [
    'i use a razor on my tummy where no one can see',
    'i slam my hand in the door on purpose when im stressed',
  ])
  finds(t, 'suicidal', [
    'i have been thinking its easier if i just wasnt around anymore',
    'i tried to hang myself with my dressing gown belt',
  ])
  clear(t, [
    'there is no one to play with at break',
    'my mum gets in bed with me when there is a storm',
    'the older boys gave me a sweet',
    'it would be better if i was not late every day',
    'i cant go without my phone lol',
    'my grandad gives me a fiver to wash his car',
    'we watch for the police car on the motorway on long journeys',
    'i slam the door when im angry',
    'my uncle pays me a tenner to help him paint the fence',
  ])
})

t.test('indirect signs: the injury, the instrument, the bed, the secrecy, the will, the bridge', async (t) => {
  finds(t, 'physical_abuse', [
    'wen mum has had a bad day she takes it out on me with the hairbrush',
    'my stepdad sat on my chest till i couldnt breath',
    'my mums husband gave me a black eye last week and said to say i walked into a door',
    'my uncle ties me to the chair when im naughty',
  ])
  finds(t, 'sexual_abuse', [
    'my mums boyfriend sleeps in my bed sometimes and i dont like what he does',
    'a teenager at the park paid me to show him under my skirt',
    'my coach says i am his favourite and gives me massages when no one else is there',
  ])
  finds(t, 'neglect', [
    'i have worn the same uniform for three weeks because there is no washing machine and mum doesnt care',
    'my baby brother cries all night because nobody changes him so i do it',
    'mum goes to the pub and we stay up waiting till 2 in the morning',
  ])
  finds(t, 'domestic_abuse', [
    'my dad locked mum in the bathroom and took her phone',
    'dads girlfriend stabbed him with a fork and there was blood',
  ])
  finds(t, 'exploitation', [
    'a boy in year 11 says i work for him now and i have to go where he tells me',
    'i get sent to a flat in another town and stay there for days',
  ])
  finds(t, 'emotional_abuse', [
    'my dad ignores me for weeks and only talks to my sister',
    'my nan says its my fault my mum died and she wishes it was me instead',
  ])
  finds(t, 'self_harm', [
    'i drink stuff from under the sink to make myself feel sick',
    'sometimes i hold my breath until i nearly pass out because i want it to hurt',
  ])
  finds(t, 'suicidal', [
    'i have already written my will and given my games away',
    'i stood on the bridge for ages last night and thought about it',
  ])
  clear(t, [
    'my mum brushes my hair with the hairbrush every morning',
    'i stood on the bridge to take a photo of the view',
    'i gave my old toys away to the charity shop',
    'my nan sleeps in my bed when she stays over and she snores lol',
    'i got a black eye at rugby from a tackle',
    'we waited up till 12 for new year and went out to see fireworks',
    'i work for my dad in his shop on saturdays',
    'my dad got a bruise when he fell off the ladder',
    'my brother and me share a bed at my nans',
    'i made myself a sandwich',
    'the nurse said i was bleeding a bit from my nose',
    'my uncle showed me how to fish with a rod',
    'my teacher gives me stickers when nobody else is there',
    'i wish it was the summer holidays',
    'i drank loads of water after football',
  ])
})

t.test('a story, myth or game told: he and she are characters; a parent named, or he resolved to one, is still harmed', async (t) => {
  clear(t, [
    'I am reading Percy Jackson and he kills Medusa by cutting her head off. The books are really funny as well.',
    'we read a myth in class where he cuts her head off with a sword',
    'in the film she punches him and runs away and it was so funny',
    'in the game he stabs her and then you have to find the clues',
  ])
  finds(t, 'domestic_abuse', [
    'I watched a film with my dad and then he hit her',
    'my dad was reading the paper and he hit my mum',
    'in the book he stabs her and it reminds me of when my stepdad hit my mum',
  ])
})

t.test('neglect told plainly: left in charge of a younger child, no heat, a carer out or asleep all day — each with its twin', async (t) => {
  // left in charge of a younger child, alone, at night or while the carer is out
  finds(t, 'neglect', ['mum goes out and i look after my baby sister by myself till the morning'])
  clear(t, ['i help my mum look after my baby sister, i give her a bottle', 'i like looking after my baby cousin when my auntie comes round'])
  // the gas or electric cut off; no way to put the heating on
  finds(t, 'neglect', ['the electric is cut off and its freezing in our house', 'the electrik got cut of again', 'our house is freezing because we cant put the heating on'])
  clear(t, ['the power went off in the storm and we played board games by candlelight', 'the water was turned off while the man fixed the pipe',
    'we cant put the heating on in summer because its too hot lol', 'mum turned the lights out and read me a story'])
  // a carer out or asleep all day
  finds(t, 'neglect', ['my mum is asleep all day', 'my dad is always out and never comes home till late'])
  clear(t, ['my mum is asleep all day because she works nights at the hospital', 'dad is away all week for work but he facetimes me every night',
    'my mum was in bed all day on sunday with the flu so i made her toast', 'my dad is always out at football on saturdays'])
  // nobody picks me up; nothing in the fridge; shoes that let the rain in (misspelled too)
  finds(t, 'neglect', ['nobody ever picks me up from football', 'there is never anything in the fridge', 'my shoos have holse and the rain gets in'])
  clear(t, ['nobody picks me for the team in pe', 'there is never anything good on tv', 'my jeans have holes in them but thats the fashion',
    'we watched home alone film at christmas and it was so funny'])
})
