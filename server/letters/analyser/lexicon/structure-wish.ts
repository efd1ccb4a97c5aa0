// Words for wishing not to be, read by ../structure/wish-not-to-be.ts: I + want/wish/think about… +
// die/disappear/not wake up/not exist…, and "better if I was gone".

const words = (list: readonly string[]): ReadonlySet<string> => new Set(list)

export const WISH = words(['want', 'wanted', 'wants', 'wish', 'wished', 'wishing', 'think', 'thinking', 'thought', 'thoughts', 'dream',
  'dreaming', 'imagine', 'imagining', 'plan', 'planning', 'planned', 'tried', 'try', 'trying', 'feel', 'felt', 'rather', 'hope', 'pray',
  'looked', 'searched', 'googled', 'better'])
export const DEATH_WORDS = words(['die', 'dying', 'dead', 'death', 'disappear', 'disappearing', 'vanish', 'vanishing', 'suicide', 'heaven'])
export const NOT_BE = words(['exist', 'existing', 'here', 'alive', 'living', 'born', 'around'])
// Thinking of death is a disclosure when it is about dying ("think about dying", "feel like dying"), not a fear
// ("I thought I was going to die", "I felt like I would die").
export const THOUGHT = words(['think', 'thinking', 'thought', 'thoughts', 'feel', 'felt', 'imagine', 'imagining', 'dream', 'dreaming'])
// A fear of dying rather than a wish: "I thought I was going to die", "I nearly died". Close to the lexicon's
// MODAL class but not it (no "may"; "nearly", "almost"): these words silence a wish, so kept as tuned.
export const FEARED = words(['will', 'would', 'going', 'gonna', 'might', 'could', 'nearly', 'almost'])
// Words that may stand between the wish and what is wished without changing whose it is.
export const FILLER = words(['to', 'i', 'could', 'would', 'just', 'be', 'was', 'were', 'about', 'of', 'like', 'myself', 'me', 'sometimes',
  'really', 'so', 'not', 'never', 'had', 'am', 'go', 'can', 'might', 'will', 'being', 'been', 'simply', 'honestly', 'actually', 'all',
  'forever', 'off', 'the', 'a', 'up', 'in', 'front', 'going', 'get', 'away', 'quietly', 'somewhere', 'again', 'that', 'if', 'did',
  'do', 'does', 'stop', 'stopped', 'how', 'it', 'is', 'wish', 'want', 'wanted', 'think', 'dead', 'asleep', 'sleep', 'and', 'everyday', 'every', 'day', 'night',
  'with', 'my', 'in', 'there', 'off', 'grandma', 'grandad', 'nan', 'nana', 'gran', 'grandpa', 'mum', 'dad', 'brother', 'sister', 'dog', 'go', 'ways'])
// "I wish I could disappear" from embarrassment or boredom. (decide.ts has its own, narrower list for
// "dying of embarrassment" read as concern.)
export const EMBARRASSED = words(['embarrassed', 'embarrassing', 'embarrassment', 'cringe', 'cringey', 'shame', 'ashamed', 'laughing', 'boredom', 'bored'])
/** What follows a death word in a figure of speech: "dying to go", "dying for a drink", "die of boredom". */
export const DEATH_AS_A_FIGURE_BEFORE = words(['to', 'for', 'of', 'from', 'into'])
/** Thinking *about* dying, not that one will: "think about dying", "feel like dying". */
export const ABOUT = words(['about', 'of', 'like'])
export const WAKE = words(['wake', 'waking', 'woke'])
export const STOP = words(['stop', 'stopped'])
/** "stop breathing", "stopped existing". */
export const STOPPED_BEING = words(['breathing', 'living', 'existing', 'being'])
/** "be gone", "was gone". */
export const BE = words(['be', 'was', 'were'])
/** Where the span of a wish starts a word early: "not waking up", "stop breathing". */
export const NEGATED_WISH = words(['not', 'never', 'stop', 'stopped'])
/** Jumping off, or stepping in front of, something high or moving. */
export const LEAP = words(['jump', 'jumping', 'step', 'stepping', 'walk', 'walking', 'run', 'running'])
export const HIGH_OR_MOVING = words(['bridge', 'building', 'roof', 'cliff', 'window', 'balcony', 'car', 'train', 'bus', 'lorry', 'motorway', 'road', 'tower', 'flats'])
/** "thought about taking all of mums pills". */
export const TAKE = words(['take', 'taking', 'swallow', 'swallowing', 'drink', 'drinking'])
export const OVERDOSE = words(['pills', 'tablets', 'medicine', 'paracetamol', 'bleach', 'overdose'])
export const KILL_ONESELF = words(['kill', 'killing', 'hang', 'hanging', 'drown', 'drowning', 'overdose'])
export const MYSELF_OR_ME = words(['myself', 'me'])

/** "it would be easier if i just wasnt around", "everyone would be happier if i was gone". */
export const BETTER = words(['easier', 'better', 'happier', 'best', 'nicer', 'calmer', 'nobody', 'everyone', 'miss', 'notice', 'care'])
export const GONE = words(['gone', 'dead', 'died', 'disappeared'])
