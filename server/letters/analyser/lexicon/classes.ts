// Word classes used by lexicon patterns as @NAME.
import { lookupTable } from '../../../lookup'

const ages: string[] = []
for (let n = 16; n <= 60; n++) ages.push(String(n))

export const CLASSES = lookupTable<readonly string[]>({
  CARER: ['mum', 'dad', 'mother', 'father', 'stepdad', 'stepmum', 'step', 'stepfather', 'stepmother', 'nan', 'nana', 'nanna',
    'gran', 'granny', 'grandma', 'grandad', 'grandpa', 'uncle', 'auntie', 'aunty', 'aunt', 'carer', 'carers', 'foster',
    'boyfriend', 'girlfriend', 'partner', 'brother', 'sister', 'cousin', 'he', 'she', 'they', 'someone', 'somebody', 'man',
    'woman', 'lady', 'parents', 'parent', 'guardian', 'stepbrother', 'stepsister', 'friend', 'mate', 'mates', 'neighbour',
    'coach', 'teacher', 'babysitter', 'lodger'],
  PEER: ['kids', 'kid', 'children', 'boys', 'girls', 'pupils', 'students', 'classmates', 'class', 'bullies', 'bully',
    'people', 'everyone', 'everybody', 'year', 'others', 'lads', 'boy', 'girl', 'bigger', 'older', 'friend', 'friends', 'classmate', 'mate', 'mates'],
  PARENT: ['mum', 'dad', 'mother', 'father', 'stepdad', 'stepmum', 'stepfather', 'stepmother', 'boyfriend', 'girlfriend', 'partner', 'parents', 'carer', 'carers'],
  FAMILY: ['mum', 'dad', 'nan', 'nana', 'grandad', 'grandpa', 'grandma', 'gran', 'granny', 'brother', 'sister', 'family',
    'parents', 'stepdad', 'stepmum', 'baby', 'auntie', 'uncle', 'cousin', 'dog', 'cat'],
  BODY: ['arm', 'arms', 'wrist', 'wrists', 'leg', 'legs', 'skin', 'thigh', 'thighs', 'stomach', 'body', 'hand', 'hands', 'face'],
  GAME: ['mario', 'kart', 'fortnite', 'fifa', 'minecraft', 'roblox', 'chess', 'monopoly', 'cards', 'uno', 'football', 'tennis',
    'game', 'games', 'xbox', 'playstation', 'switch', 'cod', 'call', 'racing', 'scrabble', 'cluedo', 'draughts', 'pool',
    'snooker', 'darts', 'running', 'swimming', 'races', 'race', 'everything', 'basketball', 'badminton', 'connect', 'ping',
    'table', 'cricket', 'golf', 'bowling', 'smash', 'sports', 'maths', 'quizzes', 'quiz', 'arm', 'thumb', 'rock', 'tag'],
  // Sport and exercise that make a child hungry: "after football I am always starving".
  SPORT: ['football', 'footy', 'pe', 'swimming', 'training', 'rugby', 'netball', 'dance', 'dancing', 'practice', 'cricket', 'hockey',
    'gymnastics', 'karate', 'judo', 'boxing', 'basketball', 'athletics', 'running', 'match', 'matches', 'tennis', 'cycling', 'scouts', 'cubs'],
  // Animals that hide: "my cat hid under the bed all day".
  PET: ['cat', 'cats', 'kitten', 'kittens', 'dog', 'dogs', 'puppy', 'puppies', 'hamster', 'rabbit', 'rabbits', 'bunny', 'pig', 'pigs',
    'tortoise', 'pet', 'pets', 'budgie', 'parrot', 'ferret', 'gerbil', 'mouse', 'rat', 'lizard', 'snake'],
  ADULT_AGE: [...ages, 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty'],
  INSULT: ['stupid', 'useless', 'worthless', 'fat', 'ugly', 'thick', 'idiot', 'pathetic', 'disappointment', 'failure',
    'dumb', 'rubbish', 'mistake', 'burden', 'waste', 'pig', 'nothing', 'lazy', 'horrible', 'evil', 'freak', 'rat'],
  INTENSE: ['really', 'very', 'so', 'super', 'extremely', 'well', 'proper', 'too', 'totally', 'seriously', 'massively'],
  MILD: ['bit', 'little', 'slightly', 'kind', 'kinda', 'sort', 'quite', 'abit', 'tiny'],
  MODAL: ['will', 'would', 'might', 'could', 'may', 'going', 'gonna'],
  FEAR: ['scared', 'afraid', 'frightened', 'terrified', 'petrified', 'worried', 'nervous', 'anxious', 'scary'],
  // The adults a child lives with (no pronouns, no other children).
  HOME_ADULT: ['mum', 'dad', 'mother', 'father', 'stepdad', 'stepmum', 'stepfather', 'stepmother', 'nan', 'nana', 'gran', 'granny',
    'grandma', 'grandad', 'grandpa', 'uncle', 'auntie', 'aunty', 'aunt', 'carer', 'carers', 'foster', 'boyfriend', 'girlfriend', 'partner',
    'parents', 'parent', 'guardian'],
  EXPLOITER: ['boys', 'lads', 'men', 'man', 'older', 'people', 'gang', 'guys', 'someone', 'teenagers', 'dealer', 'adults'],
  STRANGER: ['man', 'men', 'adult', 'adults', 'stranger', 'strangers', 'grown', 'woman', 'guy', 'lady'],
  SUBJECT: ['mum', 'dad', 'mother', 'father', 'teacher', 'teachers', 'pe', 'homework', 'coach', 'nan', 'gran', 'it', 'this', 'that', 'she', 'he', 'they', 'training', 'maths', 'stairs'],
  THING: ['pe', 'homework', 'training', 'maths', 'stairs', 'this', 'that', 'it', 'running', 'exams', 'tests', 'school', 'lessons', 'rugby', 'football', 'netball', 'practice', 'walk', 'hill', 'bag', 'work', 'heat', 'cross', 'country'],
})
