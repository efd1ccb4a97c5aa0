// Words for neglect, read by ../structure/neglect.ts: no food, hot water or bed at home, hungry at night,
// nobody home till late, left alone, clothes that do not fit, a carer who forgets or is too drunk to care.

const words = (list: readonly string[]): ReadonlySet<string> => new Set(list)

export const BASIC = words(['food', 'dinner', 'tea', 'breakfast', 'supper', 'meals', 'meal', 'water', 'heating', 'electricity', 'electric',
  'gas', 'bed', 'beds', 'blanket', 'blankets', 'shower', 'bath', 'soap', 'toothbrush', 'toothpaste', 'clothes', 'coat'])
export const WITHOUT = words(['no', 'without'])
export const CLOTHING = words(['clothes', 'shoes', 'uniform', 'trainers', 'coat', 'jumper', 'trousers', 'socks'])
export const MEALS = words(['food', 'dinner', 'tea', 'breakfast', 'supper', 'meals', 'meal'])
export const HUNGRY = words(['hungry', 'starving', 'starved'])
export const HOME_TIME = words(['home', 'house', 'night', 'nights', 'bed', 'bedtime', 'weekend', 'weekends', 'holidays', 'evening', 'evenings'])
export const LATE = words(['late', 'night', 'nights', 'midnight', 'weekend', 'weekends', 'alone', 'days', 'dark'])

// ---- no food or basics at home ("we dont have hot water", "there is never any food", "no heating") ----
export const HAVE = words(['have', 'has', 'had', 'got', 'get', 'gets', 'eat', 'eaten', 'ate'])
export const NOT_HAVE = words(['not', 'never', 'nothing'])
/** After the basic, not a need: "no food in lessons" is not it, "no water bottles", "no bed time". */
export const NOT_A_NEED_AFTER = words(['bottle', 'bottles', 'fight', 'fights', 'time', 'allowed', 'tech', 'technology', 'money', 'ladies', 'lady', 'hall', 'queue'])
/** A meal missed counts at home: "no dinner at home", "not have tea most nights". */
export const AT_HOME = words(['home', 'house', 'night', 'nights', 'weekend', 'weekends', 'days', 'mum', 'dad', 'carer', 'carers'])
export const WATER_NEEDED = words(['hot', 'running', 'clean'])
/** A coat or bed lacking: "no coat", "not have a bed", "my own bed". */
export const NEEDS_OF_ONES_OWN = words(['coat', 'bed', 'beds'])
export const A_OR_OWN = words(['a', 'no', 'own', 'proper', 'any'])
export const WASHING = words(['shower', 'bath'])
export const FOR_DAYS = words(['for', 'weeks', 'days'])
/** A meal skipped once is not neglect: "i did not have breakfast today because i overslept". */
export const A_MEAL_MISSED_ONCE = words(['today', 'yesterday', 'once', 'overslept', 'party', 'pizza', 'late', 'rushing', 'nervous'])
/** Going without somewhere else or by choice: "no food in the library", "fasting for ramadan". */
export const GOING_WITHOUT_ELSEWHERE = words(['lol', 'diet', 'fasting', 'ramadan', 'camping', 'holiday', 'trip', 'sleepover', 'lesson', 'lessons',
  'class', 'lunch', 'canteen', 'library'])
/** "theres nothing for tea", "nothing to eat". */
export const FOR_OR_TO = words(['for', 'to'])
export const NOTHING_TO_EAT_ELSEWHERE = words(['lol', 'party', 'menu', 'canteen', 'lunch', 'trip', 'like', 'vegetarian', 'vegan'])

// ---- hungry at home or at night ----
export const HUNGRY_FROM_SPORT = words(['lol', 'after', 'before', 'by', 'football', 'pe', 'swimming', 'training', 'dance'])
export const ALWAYS = words(['always', 'every'])

// ---- on our own at night ("home alone every weekend") ----
export const MY_OR_OUR = words(['my', 'our'])
export const AT_NIGHT = words(['nights', 'overnight', 'weekend', 'weekends', 'late', 'midnight', 'dark'])
export const ALL_OR_MOST = words(['all', 'every', 'most'])
export const NIGHT_OR_WEEKEND = words(['night', 'nights', 'weekend', 'evening', 'evenings'])
/** Alone doing something ordinary: "i walk home alone", "on my own in my room". */
export const ALONE_ORDINARY = words(['walk', 'walking', 'sleep', 'sleeping', 'room', 'bedroom', 'read', 'reading', 'bus', 'film'])
export const LEAVES = words(['leaves', 'left', 'leave', 'leaving'])
export const BY_OURSELVES = words(['alone', 'ourselves', 'myself'])
export const FOR_LONG = words(['night', 'nights', 'weekend', 'weekends', 'days', 'hours', 'overnight', 'week'])

// ---- clothes that do not fit or are worn out ("my uniform is too small", "shoes have holes in") ----
export const TOO = words(['too', 'to', 'way'])
export const ILL_FITTING = words(['small', 'tight', 'short', 'big'])
export const WORN_OUT = words(['holes', 'hole', 'ripped', 'torn', 'dirty', 'smelly', 'smell', 'stink', 'filthy'])
/** Clothes outgrown or muddy in the ordinary way: "my old shoes are too small so we are buying new ones". */
export const CLOTHES_ORDINARY = words(['new', 'shop', 'back', 'lol', 'mud', 'muddy', 'football', 'rugby', 'pe', 'grew', 'growing', 'buying'])

// ---- a carer who forgets the child, nobody to look after me ----
export const FORGETS = words(['forgets', 'forget'])
export const CARE_TASKS = words(['buy', 'get', 'make', 'cook', 'feed', 'pick', 'collect', 'wash', 'give'])
export const NEEDS = words(['food', 'dinner', 'tea', 'us', 'me', 'breakfast', 'clothes', 'shopping', 'meals'])
export const LOOK_AFTER_OR_FEED = words(['look', 'looks', 'looking', 'feed', 'feeding'])
export const OURSELVES = words(['myself', 'ourselves'])
/** "i can look after myself": able to, not left to. */
export const ABLE_TO = words(['can', 'could', 'able', 'will', 'learn', 'learning', 'how'])
/** "nobody feeds me", "no one cares for us". */
export const NOBODY_DOES = words(['feeds', 'fed', 'cooks', 'cooked', 'washes', 'washed', 'bathes', 'cares', 'collects', 'collected', 'buys', 'bought'])
/** "there is never anyone to make my packed lunch", "not anybody to pick me up". */
export const ANYONE = words(['anyone', 'anybody', 'adult', 'grown'])
/** After "no" ("no anyone" is "know anyone": "i wont no anyone in my form"). */
export const NO_ONE = words(['one', 'adult', 'grown'])
export const CARE_VERBS = words(['make', 'makes', 'cook', 'cooks', 'feed', 'wash', 'pick', 'collect', 'look', 'help', 'buy', 'put', 'wake', 'care'])
/** Nobody to play or talk with is loneliness, not neglect. */
export const COMPANY = words(['play', 'talk', 'sit'])
/** "so i go without", "we went without". */
export const GO = words(['go', 'goes', 'went', 'going'])
/** "we havent eaten", "i had not eaten since…". */
export const EATEN = words(['eaten', 'ate'])
export const NOT_EATEN_FOR = words(['since', 'for', 'all', 'properly', 'anything', 'today'])
/** A carer too drunk or out of it to look after the children. */
export const OUT_OF_IT = words(['drunk', 'high', 'wasted', 'stoned', 'hungover'])

// ---- left looking after a younger sibling alone ("i look after my baby sister by myself till the morning") ----
export const LOOK_AFTER = words(['look', 'looks', 'looking', 'looked', 'mind', 'minding', 'babysit', 'babysitting', 'watch', 'watching'])
export const SIBLING = words(['brother', 'brothers', 'sister', 'sisters', 'siblings', 'baby'])
/** Alone with the sibling, and for a night or while the carer is out: "on my own all night", "when mum goes out". */
export const WHILE_OUT = words(['out', 'night', 'nights', 'overnight', 'morning', 'weekend', 'weekends', 'late', 'midnight', 'pub', 'days'])

// ---- the gas or electric cut off, no way to heat the house ----
export const SUPPLY = words(['gas', 'electric', 'electricity', 'heating', 'power', 'water', 'lights'])
export const CUT_OR_TURNED = words(['cut', 'turned', 'switched', 'ran', 'run', 'runs'])
export const OFF_OR_OUT = words(['off', 'of', 'out'])
/** An ordinary outage: "the power went off in the storm", "the water was turned off while they fixed the pipe". */
export const OUTAGE_ORDINARY = words(['storm', 'storms', 'thunder', 'wind', 'snow', 'fixed', 'fixing', 'fix', 'engineer', 'workmen', 'roadworks',
  'pipe', 'pipes', 'hour', 'hours', 'minutes', 'school', 'camp', 'holiday', 'lol', 'internet', 'wifi', 'phone', 'xbox', 'tv'])
/** "we cant put the heating on", "mum cant afford the electric". */
export const CANNOT = words(['cant', 'cannot'])
export const HEAT = words(['heating', 'heater', 'electric', 'electricity', 'gas'])

// ---- a carer out or asleep all day ("my mum is asleep all day", "dad is always out and never home") ----
export const ASLEEP_OR_OUT = words(['asleep', 'sleeping', 'bed', 'out', 'away', 'gone'])
export const ALL_DAY = words(['day', 'days', 'time'])
export const ALWAYS_OR_NEVER = words(['always', 'never'])
/** Away for work or once: "mum sleeps all day because she works nights", "dad is away all week for work". */
export const AWAY_ORDINARY = words(['work', 'works', 'working', 'job', 'shift', 'shifts', 'nights', 'nurse', 'ill', 'poorly', 'sick', 'flu',
  'covid', 'hospital', 'today', 'yesterday', 'sunday', 'saturday', 'birthday', 'christmas', 'holiday', 'party', 'lol', 'army', 'navy', 'trip'])
