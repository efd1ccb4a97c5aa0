// Words for disclosures that name no harm verb, read by ../structure/indirect.ts: the injury, the instrument,
// the place, the secrecy, the preparation.

const words = (list: readonly string[]): ReadonlySet<string> => new Set(list)

export const INJURY = words(['bruise', 'bruises', 'bruised', 'blood', 'bleeding', 'bled', 'marks', 'welts', 'stitches', 'swollen', 'broken', 'burns', 'scars'])
export const INSTRUMENTS = words(['hairbrush', 'belt', 'spoon', 'stick', 'shoe', 'slipper', 'wire', 'cable', 'lead', 'hanger', 'ruler', 'lighter',
  'iron', 'cigarette', 'fag', 'cane', 'whip', 'knife', 'bat', 'hose', 'charger', 'plug', 'fist', 'fists', 'buckle', 'rope', 'strap'])
export const UNSAFE_PLACES = words(['bridge', 'roof', 'cliff', 'edge', 'tracks', 'railway', 'ledge', 'balcony', 'motorway', 'tower'])
export const CLOSE_TOUCH = words(['massage', 'massages', 'cuddles', 'kisses', 'tickles', 'baths', 'sleepovers'])

// ---- physical ----
export const BREATHE = words(['breathe', 'breath'])
/** An injury from play or sport: "i fell", "at football lol". */
export const INJURY_EXCUSES = words(['lol', 'fell', 'football', 'rugby'])
export const DETERMINERS = words(['a', 'the', 'his', 'her', 'their', 'my'])
/** "brushes my hair with the hairbrush", "showed me with a knife": the instrument used kindly. */
export const USED_KINDLY = words(['brushes', 'brushed', 'helps', 'helped', 'showed', 'shows', 'plays', 'played', 'taught', 'teaches', 'makes', 'made'])
export const TIES = words(['ties', 'tied', 'tie'])
export const TO_OR_UP = words(['to', 'up'])

// ---- domestic: a parent locked in or out, her phone or money taken ----
export const LOCKS = words(['locked', 'locks', 'lock', 'shut', 'shuts'])
export const A_PARENT = words(['mum', 'her', 'dad', 'him'])
export const TAKES_AWAY = words(['took', 'takes', 'smashed', 'smashes', 'hides', 'hid'])
export const HER_MEANS = words(['phone', 'keys', 'money', 'purse', 'bank', 'card'])

// ---- sexual: an adult in the child's bed, close touch alone, paid to expose oneself ----
export const IN_OR_INTO = words(['in', 'into'])
export const UNEASY = words(['secret', 'scared', 'weird', 'does', 'touches'])
export const ALONE_OR_SECRET = words(['alone', 'secret'])
export const UNDER = words(['under', 'inside', 'down'])
export const CLOTHES_TO_LIFT = words(['skirt', 'top', 'shirt', 'dress', 'pants', 'trousers', 'shorts', 'clothes', 'knickers'])

// ---- neglect: the same clothes for weeks, nobody changes the baby, waiting up for a carer out drinking ----
export const FOR_WEEKS = words(['weeks', 'week', 'days', 'month', 'ages'])
export const CHANGES = words(['changes', 'changed', 'baths', 'bathes', 'dresses'])
export const WAITING_UP = words(['waiting', 'wait', 'up'])
export const OUT_DRINKING = words(['pub', 'clubbing', 'drinking', 'drunk', 'club'])
/** "out" that is not a carer out drinking: "staying up for new year", "the fireworks", "a party". */
export const OUT_ORDINARY = words(['year', 'fireworks', 'party'])
export const TILL = words(['till', 'until'])
export const LATE_HOURS = words(['midnight', 'late', 'morning', 'two', 'three', 'one'])

// ---- exploitation: working for someone, sent to other towns ----
export const WORK_FOR = words(['him', 'them', 'a', 'some', 'his', 'their', 'these'])
export const SENT = words(['sent', 'send', 'sends'])
export const TOWNS = words(['town', 'towns', 'city', 'cities', 'flat', 'flats', 'house'])
export const ELSEWHERE = words(['another', 'other', 'different', 'days', 'nights'])
export const I_GET = words(['i', 'me', 'get', 'got'])

// ---- emotional: ignored for days, blamed for a death ----
export const IGNORES = words(['ignores', 'ignored', 'ignoring'])
export const FOR_AGES = words(['days', 'weeks', 'ages', 'months'])
export const BLAMED_FOR = words(['died', 'dead', 'left', 'ill', 'sick', 'cancer', 'drinks', 'hits', 'split', 'divorced'])

// ---- self-harm: making oneself ill, swallowing what harms, wanting it to hurt ----
export const MAKE = words(['make', 'makes', 'made', 'making'])
export const ILL = words(['sick', 'bleed', 'faint', 'ill'])
export const SWALLOW = words(['drink', 'drank', 'drinking', 'swallow', 'swallowed', 'swallowing', 'eat', 'ate'])
export const HARMFUL = words(['bleach', 'sink', 'cleaning', 'shampoo', 'soap', 'washing', 'batteries', 'pills', 'tablets', 'medicine'])
export const BY_ACCIDENT = words(['accident', 'accidentally'])
export const IT_OR_ME = words(['it', 'myself', 'me'])
export const TO_HURT = words(['hurt', 'bleed', 'sting', 'burn'])

// ---- suicidal: a will, giving things away, standing somewhere high thinking about it ----
export const WRITTEN = words(['written', 'wrote', 'write', 'writing', 'made'])
export const GIVE = words(['given', 'gave', 'giving', 'give'])
export const MY_OR_ALL = words(['my', 'all'])
export const GIVEN_AWAY = words(['will', 'goodbye', 'wont', 'need', 'anymore', 'games', 'stuff', 'things'])
export const THINKING_OF_IT = words(['thought', 'thinking', 'wanted', 'nearly', 'almost', 'ages', 'jump'])
export const STOOD = words(['stood', 'stand', 'standing', 'sat', 'sit', 'went', 'go', 'climbed', 'walked'])
/** Somewhere high for the view: "stood on the cliff for a photo on the trip", "scared of heights". */
export const SIGHTSEEING = words(['view', 'photo', 'trip', 'scared', 'heights'])
