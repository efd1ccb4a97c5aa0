// Words for sexual harm, read by ../structure/sexual.ts: touching, filming or watching a child who is
// undressed, a hand in the child's clothes, being made to undress, questions about underwear.

const words = (list: readonly string[]): ReadonlySet<string> => new Set(list)

// Looking at the child: sexual when the child is undressed, bathing or asleep.
export const LOOK = words(['films', 'filmed', 'filming', 'film', 'records', 'recorded', 'recording', 'photographs', 'photographed', 'photos',
  'watches', 'watched', 'watching', 'stares', 'stared', 'staring', 'looks', 'looked', 'looking', 'peeks', 'peeked', 'spies', 'spied', 'videos', 'videoed'])
// Touching the child: sexual when it is the body under clothes, or a secret.
export const TOUCH = words(['touches', 'touched', 'touching', 'touch', 'kisses', 'kissed', 'kissing', 'strokes', 'stroked', 'undresses',
  'undressed', 'rubs', 'rubbed', 'feels', 'licks', 'licked'])
export const UNDRESSED = words(['changing', 'changed', 'undressed', 'undressing', 'naked', 'shower', 'showering', 'bath', 'bathroom', 'toilet',
  'bed', 'asleep', 'sleeping', 'pants', 'knickers', 'underwear', 'privates', 'private', 'bum', 'nothing', 'clothes', 'pyjamas', 'nightie',
  'dressed', 'swimsuit', 'costume', 'bedroom'])
export const INTIMATE = words(['pants', 'knickers', 'underwear', 'privates', 'private', 'bum', 'chest', 'boobs', 'willy', 'secret', 'lap', 'body',
  'clothes', 'pyjamas', 'nightie', 'costume', 'swimsuit', 'legs', 'leg', 'thigh', 'thighs', 'where', 'there', 'naked', 'tell', 'weird', 'funny', 'uncomfortable'])

export const PUT = words(['puts', 'put', 'putting', 'shoves', 'shoved', 'sticks', 'stuck', 'slides', 'slid'])
export const PICTURES = words(['photos', 'photo', 'pictures', 'picture', 'pics', 'pic', 'videos', 'video', 'selfies'])

export const COERCE = words(['makes', 'made', 'make', 'asks', 'asked', 'ask', 'tells', 'told', 'wants', 'wanted', 'forces', 'forced', 'gets', 'got'])

// ---- what a child is made to do that exposes them (exposing) ----
export const STRIPPED = words(['undress', 'strip', 'naked', 'nude', 'nudes'])
export const PULL_OFF = words(['pull', 'take', 'took', 'pulled'])
export const DOWN_OR_OFF = words(['down', 'off'])
export const CLOTHES_OFF = words(['trousers', 'pants', 'knickers', 'clothes', 'top', 'shorts', 'skirt', 'underwear', 'pyjamas'])
export const GET_OR_HAVE = words(['get', 'have'])
export const BATH_OR_BED = words(['bath', 'shower', 'bed'])
export const WITH_THEM = words(['with', 'his', 'her'])
export const TOUCH_THEM = words(['touch', 'kiss', 'rub', 'lick', 'hold'])
export const THEIR_BODY = words(['him', 'his', 'her', 'them', 'their', 'privates', 'private'])
export const SIT_OR_LIE = words(['sit', 'lie', 'lay'])
export const ON_A_LAP = words(['lap', 'knee', 'bed'])
export const SHOW_A_BODY = words(['body', 'privates', 'private', 'chest', 'bum'])
/** "made me do things in his room that i didnt want to". */
export const DO = words(['do', 'did'])
export const THINGS = words(['things', 'stuff', 'something'])
export const UNWANTED_THINGS = words(['room', 'bed', 'bedroom', 'secret', 'weird', 'private', 'not'])
/** Care, not coercion: "made me undress for the doctor". */
export const CARERS_WHO_UNDRESS = words(['doctor', 'nurse'])

// ---- an adult in the bath, shower or bed with the child ("gets into the shower with me") ----
export const GETS_IN = words(['gets', 'got', 'get', 'comes', 'came', 'climbs', 'climbed', 'jumps'])
/** Comfort, not harm: "when i am scared of the storm". */
export const COMFORT = words(['scared', 'storm'])

// ---- questions about the child's body ("keeps asking what colour my underwear is") ----
export const ASKS = words(['asks', 'asked', 'asking', 'ask', 'wants', 'wanted'])
export const UNDERWEAR = words(['underwear', 'knickers', 'pants', 'bra', 'naked', 'privates', 'nudes', 'boobs', 'willy', 'bikini'])
/** Ordinary questions about clothes: for PE, at the shop. */
export const CLOTHES_QUESTION_ORDINARY = words(['pe', 'shop'])

// ---- touching the child's body in secret ("rubs my leg under the table and says its our thing") ----
export const IN_SECRET = words(['secret', 'our', 'under', 'tell', 'weird', 'uncomfortable', 'funny', 'private'])
export const INTIMATE_BODY = words(['leg', 'legs', 'thigh', 'thighs', 'chest', 'bum'])

// ---- a hand inside the child's clothes ("puts his hand in my pants") ----
export const WHOSE_HAND = words(['his', 'her', 'their', 'a'])
export const HANDS = words(['hand', 'hands', 'fingers', 'finger'])
export const INSIDE = words(['in', 'inside', 'under', 'up', 'down', 'on'])
export const UNDER_CLOTHES = words(['pants', 'knickers', 'underwear', 'top', 'shirt', 'skirt', 'trousers', 'shorts', 'pyjamas', 'nightie', 'clothes',
  'private', 'privates', 'bum', 'leg', 'legs', 'thigh', 'chest'])

/** "takes photos of me when i am getting dressed". */
export const TAKES = words(['takes', 'took', 'taking', 'take', 'makes', 'made', 'records', 'recorded'])
