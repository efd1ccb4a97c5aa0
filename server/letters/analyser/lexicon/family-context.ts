// What the distress-families step reads around a cue: persistence (how often, how long, since when),
// which strengthens it; and the benign readings that weaken it — excitement, play and screens, a
// trouble that is over. Each list is patterns in the lexicon's small language (pattern.ts).
export const PERSISTENCE_FRAMES: readonly string[] = [
  'every|each (night / morning / day / single day / single night / week / time / lunchtime / break / weekend / evening / monday / sunday)',
  'most (nights / mornings / days / of the time / evenings / weeks)', 'all (night / the time / day / week)', 'every single',
  'since (christmas / easter / summer / the summer / half term / september / january / last year / year 3 / year 4 / year 5 / year 6 / then / forever / ages / my / dad / mum / he / she / it / i / we / the)',
  'for (ages / months / weeks / a long time / years / a year / so long / ever / a while)', 'for # weeks|months|years|days', 'always|constantly|non stop|nonstop|still|lately',
  'again and again', 'over and over', 'never stops', 'every time', 'every other',
]

// Excitement in the same sentence: "couldn't sleep because I was so excited".
export const EXCITEMENT: readonly string[] = ['excited|exited|excitied|excitement|buzzing|hyped|hyper', 'can not wait', 'looking forward', 'so happy', 'really happy']

// Play, games and screens in the same sentence: "hide under the bed in hide and seek", a scary film.
export const PLAY: readonly string[] = [
  'game|games|gaming|fortnite|minecraft|roblox|xbox|playstation|ps5|nintendo|film|films|movie|movies|netflix|youtube|cartoon|episode|character|level|sleepover|sleepovers',
  'hide and|n seek', 'harry potter', 'invisibility', 'pretend game|play', 'playing tag|it|hide', 'joke|joking|prank',
]

// A trouble told as over: "I used to have nightmares but it's fine now".
export const RESOLVED: readonly string[] = [
  'fine|ok|okay|alright|better|good|happy now', 'all good now', 'over it', 'not anymore|any more', 'do not any more|anymore', 'sorted|stopped|gone now',
  'not any|as more|much anymore', 'does not happen anymore',
]
