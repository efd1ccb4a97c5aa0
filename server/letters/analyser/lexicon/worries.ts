// Worries. Three kinds:
// - cue: a worry word (scared, nervous, what if…); it turns the topics of its segment into worries,
//   and when it reaches no topic it is general anxiety;
// - topic: a thing children worry about, a worry only when a cue reaches it ("homework");
// - worry: a worry by itself ("get lost", "bullied"); `high` marks significant distress —
//   including the quiet signs of isolation ("I hope someone talks to me").
import { entries, type Entry } from './types'

const HIGH = { high: true }
const QUIET = { high: true, timeless: true } // isolation told about the past still tells about now

export const CUES: Entry[] = [
  ...entries('cue', undefined, [
    'scared|scare|scary|afraid|frightened|nervous|worried|worry|worrying|worries|anxious|stressed|stress|stressing|concerned|uneasy|unsure|upset|sad|unhappy|dreading|dread|panicking|panic',
    'scares|worries|frightens|stresses me', 'what if', 'hope i do|will not', 'hope they do|will not', 'hope it is not', 'hope * is|are|will|do not', 'not looking forward',
    'not sure if|whether', 'do not know if|whether|how', 'do not want to', 'do not like the idea', 'wish i did not have to',
    'i might not', 'i will not be able', 'might not', 'feel sick', 'butterflies', 'bricking it', 'shy',
  ], { strength: 1 }),
  ...entries('cue', undefined, ['terrified|petrified|dreading|horrified'], { strength: 3 }),
]

export const WORRIES: Entry[] = [
  // getting lost
  ...entries('worry', 'getting_lost', ['get|getting|gets|got lost', 'lose|losing my way', 'not find my way|classroom|classrooms|lessons|class']),
  ...entries('topic', 'getting_lost', ['find|finding my way|classroom|classrooms|lessons|rooms|class', 'where to go', 'where everything is',
    'school|it|building is so|really|too|very? big|massive|huge|large|ginormous|enormous', 'big|massive|huge school|building', 'the map']),
  // bullying
  ...entries('worry', 'bullying', ['bullied|bullying|bully|bullies', 'picked|pick|picks|picking on me', 'make|makes|made fun of me',
    'laugh|laughs|laughing|laughed at me', 'tease|teases|teasing|teased me', 'mean|horrible|nasty to me', 'called names', 'ganged up on',
    'spread|spreading|spreads rumours|rumors', 'cyberbullied|cyberbullying', 'mean messages|comments']),
  ...entries('worry', 'bullying', ['call|calls|calling|called me names', '@PEER * push|pushes|pushed|hit|hits|kick|kicks|kicking|punch|punches me|my',
    'kicking|kick|kicks|kicked my bag', 'beat|beats me up',
    'copy|copies|copying|mock|mocks|mocking|mimic|mimics|mimicking|imitate|imitates|impersonate|impersonates me|my|how',
    'copy|copies|copying|mock|mocks|mocking|mimic|mimics|mimicking|imitate|imitates|impersonate|impersonates the way i|my',
    'get|got|getting|being called names', 'take|took|takes|taking|steal|stole|steals|stealing my lunch|money|stuff|phone|bag|things',
    // online: a chat about the child, pictures of the child passed round
    'group chat|chats * about|against me', 'pictures|photos|videos|pics of me * horrible|mean|nasty|rude|words|laughing|funny|edited',
    'post|posted|posting|put|share|shared|sharing|send|sent|sending * pictures|photos|videos|pics of me * (online / everyone / group / chat / snapchat / tiktok / instagram)'], { ...HIGH, actual: true }),
  ...entries('worry', 'bullying', ['scared|worried|afraid|frightened|nervous * happen|happens again', 'stuck up for me'], QUIET),
  // friendships
  ...entries('worry', 'friendships', ['lose|losing my friends|friend', 'not see her|him|them much|anymore', 'different school|schools', 'do not know anyone|anybody', 'not know|no anyone|anybody',
    'not really know anyone|anybody', 'no one to talk to']),
  ...entries('topic', 'friendships', ['make|making|find|finding * friends|friend', 'friends|friend', 'sit with', 'people like me', 'fit in', 'new people']),
  ...entries('worry', 'friendships', [
    '(nobody / no one) * likes|like me', 'everyone * hates|hate me',
    'not really have anyone|anybody', '(nobody / no one) * play|plays|played|talk|talks|talked with|to me', '(no one / nobody) to play|sit|talk with|to',
    'left out', 'walk|walked|walking around * (on my own / by myself / alone)', 'pretend|pretending|pretended * busy', 'eat|ate|eating (on my own / by myself / alone)',
    'mostly|usually|always|just|often stay|stayed|sit|sat|read|hid|hide|eat|ate in the library|toilets|toilet|corner', 'hide|hid|hiding in the library|toilets|toilet',
    'hope someone|somebody * talks|talk|speaks|plays to|with me', 'hope * someone|somebody to sit with', 'someone will want to be my friend',
    'want to be my friend', 'make one friend|a friend', 'lonely', 'nobody to sit with', 'helping the (dinner ladies / teachers / teacher) at break|lunch|playtime',
    'something wrong with me', 'by myself at break|lunch', '(no one / nobody) wants|want to be friends',
    // where a lonely child spends lunch, being unnoticed, being left out by others
    'eat|ate|eating|sit|sat|sitting|hide|hid|hiding|spend|spent|stay|stayed in the toilets|toilet', 'lunch in the toilets|toilet',
    'sit|sat|sitting|stand|stood|standing|play|played|playing (on my own / by myself / alone)',
    '(nobody / no one) * notice|notices|noticed|cares|care * if i', '(nobody / no one) will|would|even? notice|notices|noticed me?', 'nobody sees me',
    '@PEER * not|never play|plays|played|talk|talks|speak|speaks with|to me', 'leave|leaves|leaving me out', 'feel|felt|am|so alone',
  ], QUIET),
  // Having no friends is high; fearing it ("worried I will not have any friends") is ordinary nerves.
  ...entries('worry', 'friendships', ['no friends', 'not really? got|have any friends|friend'], { ...QUIET, actual: true }),
  // alone at break told as a fear ("I might be on my own at break", "scared I won't have anyone") is ordinary nerves; told
  // as what happens it is distress (1.9.0)
  ...entries('worry', 'friendships', ['not have anyone|anybody', 'on my own at|every break|lunch|playtime|dinner'], { ...QUIET, actual: true }),
  // workload
  ...entries('topic', 'workload', ['homework|homeworks', 'tests|test|exams|exam|sats|quizzes', 'the work|lessons|subjects', 'revision|revise',
    'harder|hard work', 'keep up', 'maths|english|science|french|spanish|german|physics|chemistry']),
  ...entries('worry', 'workload', ['too hard', 'too difficult', 'is|be|are|was|get to hard|difficult', 'can not keep up', 'so much homework', 'loads of homework', 'not clever enough', 'fall behind']),
  // teachers and rules
  ...entries('worry', 'teachers_rules', ['get|getting|got|give|gives * detention|detentions', 'detention|detentions', 'in trouble', 'told off', 'get|getting|got|being shouted|yelled at']),
  ...entries('topic', 'teachers_rules', ['teachers|teacher|strict|rules|uniform|shouting|behaviour|punishment']),
  // older pupils
  ...entries('topic', 'older_pupils', ['big|bigger|older|biggest kids|pupils|children|students|boys|girls|ones|lads|people', 'year 8|9|10|11|8s|9s|10s|11s|eights|nines|tens|elevens',
    '11s|10s|9s|8s', 'sixth formers', 'teenagers']),
  // organisation
  ...entries('topic', 'organisation', ['forget|forgetting|forgot|lose|losing|lost * kit|books|book|homework|planner|stuff|things|bag|pencil|case|blazer|tie|pass|equipment|timetable|pen',
    'timetable', 'planner', 'organised|organized|organisation', 'equipment', 'right books|things']),
  // travel
  ...entries('topic', 'travel', ['bus|buses|train|trains|tram|coach', 'walk|walking|cycle|cycling|get|getting to school', 'on my own to school', 'getting there',
    'late', 'cross|crossing the road|roads', 'journey']),
  // changing for PE
  ...entries('topic', 'changing_pe', ['get|getting changed', 'changing room|rooms', 'showers|shower', 'in front of everyone|people|other']),
  // lunch
  ...entries('topic', 'lunch', ['lunch|dinner|dinners|canteen|food|queue|eat', 'dinner hall', 'pay|paying for|with', 'fingerprint|lunchcard']),
  // separation
  ...entries('topic', 'separation', ['leave|leaving my mum|dad|family|home|parents|nan', 'away from my mum|dad|family|home|parents', 'miss|missing my mum|dad|family|parents|home',
    'drops me off', 'without my mum|dad']),
  ...entries('worry', 'separation', ['not want to leave my mum|dad|family|parents|home', 'miss my dad|mum * (all the time / every day / so much)', 'not want to be away from'], HIGH),
  // general anxiety: signs of significant distress
  ...entries('worry', 'general_anxiety', [
    'can not sleep', 'not sleeping', 'cry|crying|cried * (every night / all the time / a lot / every day / myself to sleep / every morning / most nights / at night / in bed / in my room)',
    // "cries" is someone else crying ("the baby cries at night a lot") unless the child says it of themselves (1.9.0)
    'i cries * (every night / all the time / a lot / every day / myself to sleep / every morning / most nights / at night / in bed / in my room)', 'keep|kept crying', 'can not stop crying|thinking|worrying',
    'panic attack|attacks', 'can not breathe|breath', 'chest * tight', 'always worried|scared|anxious', 'feel|felt|get sick * every|when|thinking', 'tummy|stomach|belly ache|aches|hurts|hurt', 'headaches', 'can not eat breakfast|anything|properly', 'can not concentrate',
    'worry|worrying * about everything', 'worry|worried * all the time', 'scared all the time', 'sad all the time', 'sad * (for a long time / for ages)', 'sad every day',
    'not enjoy anything', 'nothing makes me happy', 'not want to go $', 'not want to go to school|secondary|there|the|big|year', 'please do not make me',
    'wish i could stay * primary|forever', 'not want to move', 'never want to go', 'want to stay at primary',
    'wish i could * not go', 'wish i did not have to go',
    // low mood and hopelessness in children's words
    'sad|unhappy|miserable|down|low most of the time|days', 'not see the point', 'what is the point', 'no point in|trying',
    'everything is|feels rubbish|horrible|awful|terrible|pointless|crap|wrong', 'pretend|pretending|pretended * (happy / fine / ok / okay / excited)',
    'just saying that',
    // refusing to go, said flatly
    'i will not go $', 'i will not go to school|secondary|there|it', 'i am not going $', 'i am not going to school|secondary|there|it',
    'refuse|refusing to go', 'you can not make me',
    // happiness gone: "i never feel happy anymore", "everything is grey"
    '(never / not / no longer) feel|feeling|am happy|good|ok|okay|normal|myself anymore|any|ever|now',
    '(never / not / no longer) feel|feeling happy|good|ok|okay|normal|myself $', 'everything is|feels|looks grey|gray|dark|black|empty|heavy',
    'i feel empty|numb|nothing', 'i feel like nothing',
    // anger that breaks things, and exclusion
    'so angry * smash|break|throw|punch|kick|hit|wreck|rip', 'get|got|been|keep getting excluded|suspended|expelled|isolated', 'exclusion|exclusions',
  ], HIGH),
  // family
  ...entries('topic', 'family', ['@FAMILY']),
  ...entries('worry', 'family', ['@PARENT * argue|argues|arguing|argued|fight|fights|fighting']),
  // A family that has changed is a worry to know about; illness, prison and loss are distress.
  ...entries('worry', 'family', ['(split up / splitting up / separated / divorced / divorce / broke up / breaking up)', 'between two houses']),
  ...entries('worry', 'family', ['in hospital', 'went|gone to prison', 'in prison', '@FAMILY|hamster|pet * died|passed', 'miss him|her * (every day / so much / all the time)',
    'will not get better', '@FAMILY * poorly|ill|cancer|hospital', 'cancer', 'hostel|homeless',
    // no settled home
    'evicted|eviction', 'temporary accommodation', 'live|living|lives|stay|staying in a|one? hotel|b&b|refuge * since|now|room', 'live|living in a|one hotel room', 'no home', 'sofa surfing'], HIGH),
  // self-esteem
  ...entries('worry', 'self_esteem', [
    'hate myself', 'hate the way i look', 'i am so|really? stupid|ugly|fat|useless|worthless|dumb|thick|pathetic|disgusting|weird',
    'rubbish|useless|bad at everything', 'not clever|smart|good|pretty enough', 'not clever like', 'can not do anything right|rite', '@PEER * better than|then me',
    'dumbest|stupidest|worst person', 'something wrong with me', 'be skinny|thin', 'nobody would miss me', 'i am a failure',
  ], HIGH),
  // Doubting they will measure up is ordinary nerves, not self-hatred.
  ...entries('worry', 'self_esteem', ['not be clever|smart|good enough']),
]
