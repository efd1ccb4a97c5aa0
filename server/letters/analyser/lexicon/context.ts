// The words around a match: liking, excitement, time, and figures of speech.
import { entries, type Entry } from './types'

export const POSITIVE: Entry[] = entries('positive', undefined, [
  'excited|exited|excitied|exciting|happy|amazing|awesome|fun|great|brilliant|cool|epic|fantastic|confident|ready|proud|sick|lit|buzzing',
  'can not wait', 'looking forward', 'dying to', 'be fine', 'be ok|okay|alright', 'settle in', 'enjoy|enjoying', 'love|loving', 'do not mind',
])

// Liking or doing something now: what makes an interest term an interest.
export const LIKE: Entry[] = entries('like', undefined, [
  'like|likes|love|loves|luv|adore|enjoy|enjoys|into|favourite|favorite|fav|fave|best|obsessed|passion|passionate|hobby|hobbies|keen',
  'can not wait', 'looking forward', 'excited|exited|exciting', 'dying to', 'want|wants|wanted to', 'would like', 'going to|gonna',
  'join|joining|try|trying|learn|learning|practise|practice|practising|training|train|play|plays|playing|do|does|doing|go|goes|going|started',
  'good at', 'great at', 'brilliant at', 'amazing at', 'i am a good|great|brilliant|keen|big', 'in the|a team|club|choir|band', 'be a|an', 'hope we do',
  'sing|dance|swim|draw|paint|read|write|cook|bake|code|build|run', 'collect|collecting', 'fan of', 'mad about', 'speak',
])

export const DISLIKE: Entry[] = entries('dislike', undefined, [
  'hate|hates|hated|detest|loathe|dislike', 'can not stand', 'not like', 'not into', 'boring', 'bored of', 'rubbish|bad|terrible|useless at',
  'not good at', 'scared|afraid|frightened|nervous|worried of|about', 'gave up|quit|stopped',
])

// Markers of time within a clause.
export const PAST: Entry[] = entries('past', undefined, [
  'used to', 'when i was', 'at first', 'last year', 'in year 1|2|3|4|5', 'when i was little|younger|small', 'i stopped', 'gave up',
  'no longer', 'back then', 'years ago', 'in reception',
])
export const PRESENT: Entry[] = entries('present', undefined, ['now', 'still', 'these days', 'at the moment', 'anymore|any more'])

// Figures of speech: a match they overlap is not what it seems. Kept explicit, each with a test.
export const FIGURES: Entry[] = entries('figure', undefined, [
  'dying to', 'dying for', 'die|died|dying of|from boredom|embarrassment|laughing|laughter|shame|cringe|excitement', 'died laughing',
  'could|would|will|might die', 'rather die than', 'nearly died', 'die|dye my|her|his|your hair',
  '@SUBJECT * will|would|going|gonna kill me if', 'kill me if', '@THING will|would|going|gonna kill me', '@THING * is|are killing me',
  'kill us if', 'kills|killed|killing me at|on|in @GAME', 'kill me on @GAME', 'killing me', 'kill me lol',
  'beats|beat|beating|batters|battered|thrashes|thrashed|destroys|destroyed|smashes|owns|wrecks|annihilates me at|in|on @GAME',
  'starving|hungry * lol', 'starving|hungry by|before|after|at|for lunch|break|tea|dinner|bedtime|lunchtime|breakfast', 'starving|hungry after|by|before school|pe|football|swimming|training',
  'after|before @SPORT ** starving|hungry',
  'cut|cuts|cutting * hair|fringe|nails|cake|paper|out|pictures|shapes|wood|grass|sandwich|apple|pizza|fabric',
  'cut my @BODY * (by accident / accidentally / playing / cooking / fell / falling)',
  'hurt|hurts|hurting myself * (by accident / accidentally / playing / falling / fell / doing / skating / riding / football / rugby / pe)',
  'hurt|hurts|hurting yourself * (by accident / accidentally / playing / falling / fell / doing / skating / riding / football / rugby / pe)',
  'hit|hits|hitting|whacked|whacks|smacked|smacks me with a|her|his|the? pillow|pillows|cushion|cushions|balloon|snowball|snowballs|nerf|teddy|sock',
  'hit|hits|kicked|kicks|punched|punches|whacked me in her|his|their|my sleep', 'hit|hits|kicked|kicks|punched|punches|whacked me (by accident / accidentally)',
  'hate|hated myself for|after losing|lost|missing|missed|dropping|forgetting ** lol', 'bruise|bruises * from|after|playing rugby|football|hockey|pe|training|netball|climbing',
  'scar|scars * from|after my? (operation / surgery / accident / chickenpox / chicken pox / the dog / a dog / falling / fell)',
  'hit|hitting my head on|when * fell|door|table|bed|shelf|cupboard|ceiling', 'touch rugby', 'in touch', 'touch typing', 'touched my heart',
  'scary film|movie|films|movies|story|stories|book|game|games|ride|rides', 'horror film|movie|films|movies', 'film|movie|films|movies * scared',
  'scared|afraid of spiders|clowns|heights|dogs|rollercoasters|snakes|wasps|bees|ghosts', 'scared|afraid of the dark',
  'hit|hits|hitting * ball|balls|six|four|target|button|jackpot|wicket', 'sex education|ed', 'sad|upset to leave|leaving', 'stopped eating meat', 'stopped|stop eating breakfast|lunch|sweets|chocolate|crisps|junk|sugar', 'carry|carrying|carried * shopping', 'packages|parcels|parcel|package * post office', 'bruise|bruises|bruised * when|after * fell|fall|falls|tripped|slipped',
  'pulling my hair out over|about|with', 'bored to death', 'scared to death', 'sick of', 'is sick', 'be sick', 'pillow fight', 'play fight|fighting',
  'water fight', 'food fight', 'fighting|fights|fight cancer|illness|leukaemia|leukemia|covid|disease|infection', 'no food in|during lessons|class', 'police came * school|talk|assembly', 'home alone film|movie', 'hurt my feelings',
  '@PET hid|hides|hide|hiding', 'hide and seek ** hid|hide|hiding', 'hid|hide|hiding ** hide and seek',
])

// What children are good at and proud of (free-text strengths for the profile).
export const STRENGTHS: Entry[] = [
  ...entries('strength', 'kind', ['i am kind|caring|thoughtful', 'good friend', 'help|helping|helped people|others|my|the|younger']),
  ...entries('strength', 'brave', ['i am brave|courageous', 'i was brave']),
  ...entries('strength', 'hard_working', ['hard working|worker', 'hardworking', 'i work hard', 'i always try']),
  ...entries('strength', 'creative', ['i am creative|imaginative|artistic']),
  ...entries('strength', 'funny', ['i am funny', 'make people laugh']),
  ...entries('strength', 'confident', ['i am confident', 'not shy']),
  ...entries('strength', 'leadership', ['captain', 'school council', 'prefect|monitor|leader', 'head girl|boy']),
  ...entries('strength', 'determined', ['determined', 'never give up']),
  ...entries('strength', 'talented', ['good|great|brilliant|amazing|best at', 'i am a good', 'i am good']),
  ...entries('strength', 'achiever', ['won|win * medal|trophy|race|match|competition|award|prize', 'black belt', 'certificate', 'got picked']),
]
