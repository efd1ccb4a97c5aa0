// Disclosures. Recall comes first (a missed disclosure is the worst error): phrases are broad,
// and figures of speech are silenced by explicit exceptions in figures.ts, not by narrowing these.
// Past events count: "my dad used to hit me" is still for the DSL, so every entry is timeless.
// Each pattern's spaces separate words; "a|b" is one word of several spellings (see pattern.ts).
import { entries, type Entry } from './types'

const HIT = 'hits|hit|hitting|punches|punched|punch|kicks|kicked|kick|kicking|slaps|slapped|slap|slapping|beats|beat|beating|hurts|hurt|hurting|chokes|choked|strangles|strangled|burns|burnt|burned|whacks|whacked|smacks|smacked|batters|battered|shoves|shoved|bites|throws|threw|grabs|grabbed|pushes|pushed|drags|dragged|thumps|thumped'
const T = { timeless: true }

export const SAFEGUARDING: Entry[] = [
  ...entries('safeguarding', 'self_harm', [
    'cut|cuts|cutting myself', 'cut|cuts|cutting my @BODY', 'self harm|harming|harmed', 'selfharm|selfharming',
    'harm|harming|hurt|hurting|hurts|injure|injuring myself', 'scratch|scratches|scratching myself', 'scratch|scratches|scratching my @BODY',
    'burn|burns|burning myself', 'hit|hitting|punch|punching myself', 'bang|banging|bash|bashing|hit|hitting my head',
    'make|made|making myself sick|bleed', 'till|until they|it bleed|bleeds', 'starve|starving myself',
    'pull|pulling my hair out', 'blade|blades|razor|razors * my @BODY', 'punish|punishing myself', 'not eat * skinny|thin',
    // a letter to self says "you": "I hope you stopped hurting your self"
    'hurt|hurting|hurts|harm|harming|injure|injuring|cut|cutting|burn|burning|scratch|scratching|punish|punishing|starve|starving yourself',
    'hurt|hurting|hurts|harm|harming|cut|cutting|burn|burning|scratch|scratching|punish|punishing my|your self',
    // marks a child describes on their own body: "scars on my legs that I did"
    'scars|scar|cuts on my @BODY', 'scars|cuts * i did|made myself?',
    'make|made|making myself throw|threw up|vomit|puke',
    'used to cut', 'used to self harm', 'started|stopped cutting', 'cut again', 'been cutting|harming|scratching|burning|hurting', 'cutting|harming again', 'overdose|overdosed', 'too many tablets|pills', 'tablets|pills * stop feeling|feel',
  ], T),
  ...entries('safeguarding', 'suicidal', [
    'kill|killing|killed myself', 'want|wanted|wish * die|dead', 'wish i was|were dead|gone', 'wish i was|were never born',
    'wish i was|were not alive|here', 'wish i did|could not exist', 'not want to be alive|here|living', 'not want to live|exist',
    'end|ending it all', 'end|ending my life', 'take|taking my own life', 'better off without me', 'better off dead',
    'happier|better if i was|were not alive|here|around', 'happier|better if i died', 'suicide|suicidal', 'no point * living|alive|life',
    'no reason to live', 'want to dye $', 'want to disappear forever', 'jump off * bridge|building|roof|cliff', 'how i would do it',
    'thought about dying', 'never wake up', 'not want to wake up', 'wish i could * vanish|disappear forever?',
    'better|happier without me', 'sleep * (and not / and never) wake up', 'go to sleep forever', 'not be alive',
    'goodbye note|notes|letter|letters', 'suicide note', 'plan if it gets|get too bad|much|hard',
    'to end it $', 'end it all', 'can not do this|it anymore', 'not think i can do this|it anymore', 'not think i can go on|cope', 'can not do this|it any more', 'can not go on', 'can not take it anymore', 'never been born', 'not being alive', 'stop living', 'feel|felt like disappearing|vanishing|dying',
    'if i was|were gone|dead', 'if i died|disappeared', 'easier|better|happier|best * if i was|were not around|here|alive|born', 'easier|better|happier|best * if i (did not exist / was gone / was dead / died / disappeared)', 'not see the point of|in (living / being alive / being here / life / existing / me)', '(nobody / no one) * miss me if',
  ], T),
  ...entries('safeguarding', 'physical_abuse', [
    `@CARER * ${HIT} me`, 'beat|beats|beating me up', `@CARER * ${HIT} my @BODY`, 'bruise|bruises|marks * hide|cover|sleeves',
    'hide|cover * bruise|bruises|marks', 'have to wear long sleeves', 'belt|belts me', 'with a belt', 'scared|frightened|afraid|terrified of my? @PARENT',
    'locks|locked me out|outside', 'threaten|threatens|threatened to hurt|hit me',
    '@CARER * give|gives|gave me a|the? slap|smack|beating|hiding|whack|kicking|punch|thump|clip|belt|slipper',
    '@CARER * chucks|chucked|throws|threw|knocks|knocked|shoves|shoved|pushes|pushed me about|around', 'get|got|gets|getting a beating|hiding|belting|leathering',
    // shut in somewhere cold, dark or outside (being kept in one's room is emotional_abuse)
    'locks|locked|lock|shuts|shut me in the|a? shed|cupboard|garage|cellar|basement|car|cage|dark|attic|garden',
  ], { ...T, carer: true }),
  // Not safe at home: whoever makes it so, the DSL needs to see it.
  ...entries('safeguarding', 'physical_abuse', ['not safe at|in home|house', 'home is not safe', 'not safe to go home', 'unsafe at home', 'not safe there', 'not * safe at|in home|house',
    'not feel safe with|around my? @HOME_ADULT', 'not aloud|allowed to tell|talk|say * (what happens / about home / at home)',
    // told passively: "I got beat up by my dad"
    'beat|beaten|hit|hurt|punched|kicked|slapped|battered|smacked|whacked|belted|strangled|choked up? by my|her|his? @HOME_ADULT'], T),
  ...entries('safeguarding', 'sexual_abuse', [
    '@CARER * touch|touches|touched|touching me', '@CARER * grope|gropes|groped|groping me', 'touch|touches|touched|touching my private|privates|bum|willy|chest|boobs|body',
    'private|privates parts', 'touches|touched|touching me * places|there|under|at night', 'under my pyjamas|clothes|nightie',
    'send|sent|sending * pics|pictures|photos|nudes|selfies of me|my', 'asks|asked|asking * send * pics|pictures|photos|nudes',
    'send nudes', 'take|took|takes|taking my clothes off', 'makes|made|make me take my? clothes', 'photos|pictures|pics|videos of me * naked|without|body',
    'sex', 'rape|raped|raping', 'made|makes|make me do * stuff|things * not want', 'our secret', 'secret game',
    'comes|came|come into my room|bed at night', 'gets|got into my bed', 'made|makes me watch * rude|dirty|naked',
    'show|shows|showed me his|her private|privates|body', 'kiss|kisses|kissed me * not want|like', 'make|makes|made me touch',
    'asked|asks|asking|wants|wanted me * for pictures|pics|photos|selfies|nudes|videos', 'sit on his|her lap',
    'his|her special girl|boy|friend', 'gives|gave|buys|bought me * if i keep * secret|secrets|quiet', 'if i keep * secrets|secret',
    // gifts and secrecy: grooming
    'sends|sent|gives|gave|buys|bought me * presents|gifts|things|stuff|money|sweets ** secret|secrets',
    'says|said|tells|told|makes|made * keep * secret|secrets|quiet from my? mum|dad|parents|family|nan|teacher|teachers|anyone|anybody',
    'touches|touched|touch|touching me where',
    'comes|came|come|walks|walked in|into the|my? bathroom|bedroom|room|shower ** bath|shower|changing|changed|dressed|undressed|asleep',
    'asks|asked|invites|invited me in|inside|into his|her|their? house|flat|car', '@STRANGER|neighbour * gives|gave|buys|bought me * sweets|presents|money|gifts',
    'makes|made|make me keep * secret|secrets', 'shows|showed|show|sends|sent me * naked|rude|dirty|porn', 'porn', 'pictures|pics|photos|videos|video|picture|photo * (no clothes / nothing on / without clothes / clothes off / without any clothes)',
  ], T),
  ...entries('safeguarding', 'neglect', [
    'no|never|not any? food', 'nothing to eat', 'nothing in the cupboards|fridge|cupboard', 'never any dinner|tea|breakfast',
    'not have any dinner|tea|breakfast|food', 'always|constantly|often|usually hungry|starving', 'go|went|goes to bed hungry',
    '(nobody / no one) looks|look|looked after me', '(nobody / no one) feeds|fed|cooks|washes',
    // who makes me: go to school, a meal; not "nobody makes me, I just feel I must" or "no one cares about yr 7s" (1.9.0)
    '(nobody / no one) makes me go to school', '(nobody / no one) makes|made me|us any? dinner|tea|breakfast|lunch|food|meals',
    '(nobody / no one) cares about|for me|us', '(nobody / no one) cares (if / whether / what) i', '(nobody / no one) cares $', 'left (on my own / alone)', 'left me (on my own / alone)',
    'on my own all weekend|night|day|week', '@PARENT * not come|comes home', '@PARENT * sleeps|sleep all day',
    'no electricity|heating|gas', 'no hot water', 'clothes are (dirty / smelly / too small)', 'holes in * shoes|clothes|shoe',
    'look after my little|baby brother|sister * on my own', 'cereal with water', 'have to look after myself', 'dirty clothes',
    'hungry because', 'no clean clothes', 'not get fed', 'never get fed',
    'not have a|my own? bed', 'no bed', 'put|puts|putting (myself / my own self) to bed', 'fridge|cupboard|cupboards is|are|was always? empty',
    '(nobody / no one) * home * (late / all night / most nights / every night / till / until / til)', 'sleep|sleeps|sleeping|slept on the floor', 'teachers|teacher|school * give|gives|gave me toast|food|breakfast|clothes',
    'same clothes * (all week / every day / for days / for a week / again)',
    '(nobody / no one) ever? picks|pick|picked|collects|collect|collected me up|from', 'never anything in the cupboards|fridge|cupboard',
    // a carer who drinks or forgets the children
    'forgets|forgot|forget to feed|feeds', 'not feed|feeds|fed us|me', '@PARENT * drinks|drinking|drunk (all day / every day / every night / a lot / too much / all the time)', '@PARENT * drinks|drinking * beer|wine|vodka|cans|alcohol|lager|cider|booze',
    '@PARENT * is|gets|got always? drunk', 'spends|spent * on drink|drugs|beer|alcohol|booze', 'not eaten since|for|all', 'not had anything to eat',
    'sleep|sleeping|slept in my coat|coats', 'always|so|really|freezing cold at|in home|the house',
    'mould|mouldy|mold everywhere', 'mould|mouldy|mold (on the walls / in my room)', '(without / with no) tea|dinner|food|supper',
    'not get|have dinner|tea|food|meals|breakfast (most days / some days / most nights / every day / at home / often)',
  ], T),
  ...entries('safeguarding', 'domestic_abuse', [
    `@PARENT * ${HIT} my? mum|dad|her|him`, 'shouts|shouted|screams|screamed|yells|yelled at my mum|dad', 'scream|screaming|shout|shouting|yell at each other',
    '@PARENT * fight|fights|fighting', 'threw|throws|throw * at her|him|mum|dad|us', 'police came|come * house|home|again', 'police * our house',
    'called the police', '@PARENT * smashed|smash|broke|breaks|smashes|smashing * tv|things|phone|door|window|plates|plate|stuff',
    'hide|hid|hiding in my room', 'cover my ears', 'scared to go home', 'hurt|hit|hurts|hits my? mum|her', 'against the wall',
    '@PARENT * throws|threw|throwing|smashes|smashed|smashing|breaks|broke things|stuff|plates|chairs|furniture',
    'hide|hid|hiding under my|the bed|table', 'hide|hid|hiding in my|the wardrobe|cupboard',
    '@PARENT * punched|punches|punching|kicked|kicks|kicking|smashed|smashes the|a|my? door|doors|wall|walls', 'mum|she|her * black eye|eyes',
    '@PARENT has|had|got|gets|with * bruises|bruise|bruised|marks', 'hide|hid|hiding under the|my covers|duvet|quilt|blanket|pillow',
    'scared|afraid|frightened|terrified|dreading|dread of? going home', 'kill|hurt us all', '@CARER * will|would|going to kill|hurt us|mum|her',
  ], T),
  ...entries('safeguarding', 'exploitation', [
    '@EXPLOITER * give|gives|gave|giving me * money|vapes|weed|drugs|alcohol|phone|fags|cigarettes|free',
    'sell|selling|sold * (drugs / weed / for them)', 'sell|selling stuff', 'deliver|delivering|take|taking|carry|carrying * parcels|packages|bags|drugs',
    'county lines', 'owe|owes them|him', 'said i owe', 'or they will hurt|kill', 'hurt my family', '@STRANGER * online|roblox|snapchat|tiktok|instagram|fortnite|discord|xbox|whatsapp',
    'met * online', 'wants|wanted to meet me', 'not to tell my? parents|mum|dad', 'boyfriend|girlfriend * @ADULT_AGE', '@ADULT_AGE year|years? old boyfriend|girlfriend',
    'mature for my age', 'run|running for them', 'gang',
    // on a game, an app or the internet; not "talk to someone on day one" (1.9.0)
    '(met / meet / meeting / talk to / talking to / chat to / chatting to / chatting with) someone|somebody|strangers online', '(met / meet / meeting / talk to / talking to / chat to / chatting to / chatting with) someone|somebody|strangers on the|my|a? internet|roblox|snapchat|tiktok|instagram|fortnite|discord|xbox|whatsapp|minecraft|youtube|playstation|ps4|ps5|phone|tablet|ipad|game|games|app|apps|chat|computer|laptop',
    '(met / meet / meeting / talk to / talking to / chat to / chatting to / chatting with) a man|boy|girl|lady online', '(met / meet / meeting / talk to / talking to / chat to / chatting to / chatting with) a man|boy|girl|lady on the|my|a? internet|roblox|snapchat|tiktok|instagram|fortnite|discord|xbox|whatsapp|minecraft|youtube|playstation|ps4|ps5|phone|tablet|ipad|game|games|app|apps|chat|computer|laptop',
    '@EXPLOITER * make|makes|made|ask|asks|asked me * keep|hide|hold|carry|mind * for them|him', 'in my bag for them|him',
    'sends|sent me robux|vbucks|skins', 'sends|sent me gift cards', 'asked|asks|asking me * to meet up',
    'hide|hides|hid|hiding|keep|keeps|keeping|hold|holds|holding|stash|stashes|stashing stuff|things|bags|packages|parcels|drugs|knife|knives|money for him|her|them',
    'carry|carrying|take|taking|deliver|delivering|hold|holding|drop|dropping a|the|some|this|these? bag|package|parcel|parcels|packages|bags for him|them',
    'earn|make|get money if|by|for * carry|carrying|deliver|delivering|take|taking|hold|holding|sell|selling',
    'makes|made|make|forces|forced|force me to? steal|shoplift|rob|nick', '@EXPLOITER * make|makes|made me sell',
    'carry|carrying|hide|hiding|hold|holding|keep|keeping * knife|knives|weapon|weapons|blade|blades', 'send|give|gave|sent * my address|location',
  ], T),
  ...entries('safeguarding', 'emotional_abuse', [
    '@CARER * says|said|tells|told|thinks me? i|you am|are|was|were so|really|very|a|an|the? @INSULT',
    '@CARER * calls|called|call me a|an? @INSULT|names', 'says|said|tells|told me? i|you am|are|was|were so|really|very|a|an|the? @INSULT', 'puts|put|putting me down', 'wishes|wished * never born', 'wishes|wished * never|not had me',
    '(nobody / no one) will ever love me', '@CARER * hates|hate me', 'ruined her|his|their life', 'locks|locked|lock me in',
    'waste of space', 'screams|screamed|shouts|shouted|yells|yelled at me * every|all', 'ignores|ignored me for days', 'not allowed to eat', 'not let|lets me eat|sleep|wash',
  ], { ...T, carer: true }),
  // Second generation (1.6.0): classes of telling by what happens rather than by the harm word.
  ...entries('safeguarding', 'self_harm', [
    // a blow to oneself told by its mark: "punch my own legs until they go blue", "bang my head on the wall and it leaves lumps"
    'punch|punching|hit|hitting|bang|banging|scratch|scratching|bite|biting|pinch|pinching my own? @BODY|head|legs|arms * (until / till) they|it go|goes|bleed|bleeds|bruise|swell',
    'bang|banging|hit|hitting my head on|against the wall|floor|door', 'it|they|that leaves|left|leave lumps|bruises|marks|scars',
    // the instrument and the secret place: "what you do in the bathroom with the razor", "doing that with the pin on my tummy"
    'do|doing|did|does that|it|this with the|a|my pin|razor|blade|compass|sharpener|scissors|lighter on|into|in|to my @BODY|tummy|belly',
    'do|doing|did|does that|it|this with the|a|my pin|razor|blade|compass|sharpener ** where (nobody / no one / no1) (can see / sees / will see)',
    'pin|razor|blade|compass|sharpener on|into|in my @BODY|tummy|belly', 'plasters * (nobody / no one / anyone) * (sees / see / finds / find)',
    // a friend's marks: "showed me her wrists and there are lots of lines on them"
    'lines|cuts|scratches|scars on her|his|their|my wrists|arms|legs|thighs', 'showed me her|his wrists|arms *',
  ], T),
  ...entries('safeguarding', 'suicidal', [
    'want|wanted|wish to dye every|all|most|sometimes|now|and', 'ways to (die / kill myself / end it)',
    'stepping|step|jump|jumping|walk|walking in front of a|the train|car|bus|lorry',
    'train tracks|track|line|lines ** (stepping / step / jumping / jump / walking) in front', 'jump|jumping off|of the bridge|brige|roof|building|cliff',
    'still alive which i (did not / never) expect', 'one less mouth to feed', 'better off without me', 'take all his|her|my pills|tablets and',
  ], T),
  ...entries('safeguarding', 'physical_abuse', [
    // the cover story: "had to say I fell off the trampoline", "Gran said to tell the teachers I burnt my hand … but really"
    '(had / have / has / told me / tells me / said / says) to (say / tell * ) (i / that i) (fell / walked / tripped / slipped / burnt / banged / bumped / hurt / did it)',
    'said to tell (the teachers / my teacher / school / them / everyone) (i / that i)', 'but really (it was / he / she / my)',
    'holding|held|holds|pressed|pressing (it / my hand / my arm / my fingers) on|over|under|against the hob|cooker|oven|fire|iron|kettle|radiator',
    'miss|missed|off school till|until my eye|face|lip|bruise|bruises|cut went|go|healed|heal',
    'threw|throw|throws|chucked the|a|his|her remote|plate|phone|cup|shoe|bottle at my head|face', 'at my head|face * (it / and it) bled',
  ], T),
  ...entries('safeguarding', 'sexual_abuse', [
    'special|secret game (just for us / just for me and him / just for me and her)', 'a|the game * not like * (tell / angry if)',
    'made|makes|make me do things (in the shed / in his room / in her room / in the bathroom / in the car / i did not want / i didnt want / that i knew / to him / to her)', 'do things that i knew were wrong', 'does|do|did things to me|her|him *', 'gets|got|comes|came in my|her|his bed',
    'asking|asks|asked|wants|wanted (for / me for) pics|pictures|photos|selfies (with no / without) top|clothes|shirt',
    'share|send|post the ones|pics|pictures|photos i (already)? sent',
  ], T),
  ...entries('safeguarding', 'neglect', [
    // a carer gone or away, the child in charge: "doesn't come back till Sunday", "Mum's been gone since Thursday"
    '(does not / do not / did not) come back|home till|until (the morning / morning / sunday / monday / saturday / the next day)',
    'mum|dad|she|he (has been / is / been) gone since', 'mum|dad|she|he goes|go|went * (for / since) (days / a long time / weeks)',
    '(no grown up / no grownup / no adult / no adults / nobody grown up)', 'home by myself * (every day / all day / till late / until late / in the holidays)',
    'on my own a lot', 'fridge|cupboards|cupboard is|are (literally)? empty', '(nobody / no one / no1) * cares if i eat',
    'never gets washed', '(my uniform / my clothes / my shirt / my jumper) smells|stinks', 'from|since year 2|3|two|three * (stops / too small / does not fit)',
    'inhaler|medicine|tablets ran out * (forget / forgets / keeps forgetting)', '(does not / will not / never) take me to the dentist|doctor|doctors',
    '(can not / could not) wake him|her|them|mum|dad up?', 'needles|syringes in the bathroom|house|kitchen',
    'the electric|electricity|gas (is finish / is finished / ran out / runs out / is off / goes off)', 'gives me (the scraps / scraps / nothing) *',
    'i do|make|get the baby|babies bottles|bottle', 'mum|dad|parents|they go|goes|went (to the pub / out) * (come / comes) back (in the morning / late)',
  ], T),
  ...entries('safeguarding', 'domestic_abuse', [
    'a|the refuge', '(dad / he / my stepdad / her boyfriend) broke (mum / my mum / her) arm|nose|wrist|ribs|jaw|finger',
    'pins|pinned|pinning (her / mum / my mum) to|against the wall', '(sunglasses / make up) (even though / when) (it is)? raining|dark|cloudy|inside',
    'calls|called (mum / my mum / her) fat|useless|stupid|names|ugly', '(will not / does not / doesnt) let (her / mum / my mum) have|go|see|out',
    'banging and (mum / my mum) crying', 'police came|come|coming * (again / last night / shouting / dad)',
  ], T),
  ...entries('safeguarding', 'exploitation', [
    'doing|doin|do|did runs for (him / them / her / a man / the man / some / older / t / j / k / d / m / r)', 'pays me * (a time / a run / each time / per run)', '(pay him / pay her / pay them) back',
    '(be nice / be nice to) his|her friends', 'keeps|kept|took|has my passport ** (must / have to / not allowed / work / clean)', '(must / have to) clean|work ** (keep / keeps / kept / took) my passport', 'going|goes|went missing for (days / a few days / nights)',
    'got robbed doing a job', 'giving|gave|gives us|me vapes|vodka|alcohol|drink|weed|cigarettes',
  ], T),
  ...entries('safeguarding', 'emotional_abuse', [
    'took|takes|taken my door handle off', 'only lets me out for', '(says / said / tells me / told me) (nobody / no one) (loves / wants / will want / likes) me',
    'i am the reason (they / him and mum / mum and dad / my parents) split|broke', '(embarrassed of / ashamed of) him|me *',
    'makes|made him|me|her stand|sit|stay|sleep in the garden|cold|bath|dark|shed',
    'not|never speak|speaks|talk|talks to me for weeks|days', 'would|will|gonna kill my cat|dog|rabbit|hamster if',
    'not her problem|responsibility', 'not his problem|responsibility', 'bring shame', 'feel like (a)? ghost in my house|home', 'makes me say it back',
  ], { ...T, carer: true }),
  // Third generation (1.8.0): classes of telling found in one author's letters and checked against another's —
  // the excuse for a mark, the thing done "when it gets too much", what a carer hides, who gets the child's things,
  // where the child goes when the shouting starts, a carer in bed for days, a gift or a job with strings, being
  // told what will happen if the child tells.
  ...entries('safeguarding', 'self_harm', [
    'do|doing|did the thing with the blade|razor|pin|compass|sharpener',
    'blade|blades|razor (out of / from) the|a|my pencil? sharpener|sharpeners',
    '(hid / hides / hidden / hide / locked away / took away / takes away) all the (scissors / razors / blades / knives / sharpeners / pencil sharpeners)',
    'found|saw|seen|noticed|sees the marks|cuts|scratches|scars on (the tops of / the top of) my @BODY|tummy|belly',
    'found|saw|seen|noticed|sees the marks|cuts|scratches|scars on my @BODY|tummy|belly',
    'i still? do it|that|this when (everything / things / it / my head / life) feels|feel|gets|get|is|are like? too much|loud|bad|hard',
    'what you|i do|did ** with the razor|blade|blades',
    'pinch|pinching|pinched|scratch|scratching|pick|picking|squeeze|squeezing the skin on my @BODY|tummy|belly',
  ], T),
  ...entries('safeguarding', 'suicidal', [
    'not really want to (be alive / be here / live / exist / be living)',
    'who (gets / can have / should have / will get / is getting) my things|stuff|toys|games|cards',
    'how many tablets|pills|paracetamol (it would take / would it take / would kill)',
    'how many of her|his|my|the|mum|dad|nan|grandma tablets|pills|paracetamol (it would take / would it take / would kill)',
    'think|thinking|thought about climbing|jumping|going|falling|stepping over|off the side|edge|railing|railings|barrier',
    'me not being here|around|alive',
    '(not think / not know if) there * (going to be / will be / is) a (year 7 / year seven / future / grown up) me',
    '(will not / is not going to) be a (year 7 / year seven / future / grown up) me',
    'worked|figured out where|how $',
    'think|thinking|thought about stepping|jumping|walking|running in front $',
  ], T),
  ...entries('safeguarding', 'physical_abuse', [
    '(not allowed / not aloud / not supposed / can not) to (say / tell anyone / tell) how i got the|my|this|that (mark / marks / bruise / bruises / cut / cuts / scar / burn / burns / bump / black eye)',
    'like (mum / dad / he / she / they / my mum / my dad / my stepdad) (told / said to / tells / says to) the hospital|doctor|doctors|nurse|nurses|teachers|school',
    'get|gets|got|getting the slipper|cane|strap on|across my @BODY|hands|back|bum|legs|bak',
    'if i tell|told|say (anyone / anybody / someone / a teacher / my teacher / the teachers / school) ** (the social / social services / take me away / taken away / in care / into care / prison / jail)',
  ], T),
  // held under water by an adult at home: the water is the harm, not play ("pushed my head under the bath water")
  ...entries('safeguarding', 'physical_abuse', ['@HOME_ADULT * held|holds|holding|pushed|pushes|pushing|kept|keeps|put|puts my head under'],
    { timeless: true, literal: true }),
  ...entries('safeguarding', 'sexual_abuse', [
    'videos|pictures|pics|photos|films ** (no clothes / nothing on / without clothes / clothes off / naked)',
    'grown up stuff|things and i am big|old enough',
    '(stays / stay / stayed / watches / watched / watch / comes in / came in / walks in) when i am|was|get|go in the bath|shower',
    'stays|stay|stayed in the bathroom when i am|was|get|go in the bath|shower',
    'doing|do|does|did private|rude|nasty stuff|things to me',
    'special|speshal and only for me',
  ], T),
  ...entries('safeguarding', 'neglect', [
    // a carer in bed, or under the duvet, for days: "Mum's been in bed since Christmas"
    'mum|dad|she|he (been / is / stays / stay / stayed / has been) (in bed / under her duvet / under his duvet / under the duvet) ** (since / all day / for days / for weeks / most days / from morning / till i get home / until i get home)',
    'key|meter thing? ran|runs|run out', 'only|just cereal ** with water', 'no clean uniform|socks|pants',
    '(nobody / no one / no1) (takes / took / will take) me to the dentist|doctor|doctors|hospital|opticians',
    'nits for (ages / a long time / months / weeks / a long long time)', 'tooth|teeth (has / have)? gone|went|turned black|rotten',
    'goes|go|went out|away for the whole weekend|night and i (do not / did not) know where',
    'goes|go|went for the whole weekend|night and i (do not / did not) know where',
    'i do|change|make his|her|their bottles|bottle|nappies|nappy',
    'missed|miss|missing ** because i had|have to (stay with / look after / mind) (him / her / them / my brother / my sister / the baby)',
    'inhaler|medicine|tablets ran out ** (forget / forgets / forgetting)',
  ], T),
  ...entries('safeguarding', 'domestic_abuse', [
    'sunglasses ** not even? sunny',
    'when|once|whenever the shouting|screaming|fighting|banging|yelling|smashing starts|start|started|begins|began',
    'not allowed to come ** judge|court', 'judge|court said|says|ordered dad|he|him',
    'what he|she is? (going to / gonna / will) do to (her / mum / us / me / my mum)',
    '(make sure / makes sure) we|you|she|mum|i regret|regrets it',
    'blue|blu lights|lines came|come|were to our|are|my|the house',
    'mum|mother had|has|got a fat|split|swollen|bust lip',
    'came|comes back * like nothing happened',
    '(tells / told / says to / said to) (mum / my mum) she is @INSULT',
    'not allowed ** in case i say|tell something|anything|someone|anyone',
  ], T),
  // entries with a benign twin in the same sentence (1.9.0): the film "Home Alone"; a parent who moved out to his flat;
  // the puppy that stopped eating my socks
  ...entries('safeguarding', 'self_harm', ['stopped|stop|stopping eating'], { ...T, unless: ['stopped|stop|stopping eating my|the|our|his|her socks|sock|shoes|shoe|slippers|toys|homework|plants|cables|pencils|sofa'] }),
  ...entries('safeguarding', 'neglect', ['home alone'], { ...T, unless: ['watch|watches|watched|watching|film|films|movie|movies|kevin'] }),
  ...entries('safeguarding', 'exploitation', ['to his|her flat'], { ...T, unless: ['moved|moves|moving|gone|went out? to his|her flat', 'at dads|mums|dad|mum|his|her flat (on / at / every) weekends|weekend|fridays|saturdays|sundays'] }),
  // fourth generation (1.9.0): domestic abuse and neglect told by what happens at home
  ...entries('safeguarding', 'domestic_abuse', [
    // what is heard through the wall or the floor: "a thump and her crying through the wall"
    'hear|heard ** (her / mum / my mum) crying|screaming|scream|screams ** (through the wall / through the floor / downstairs)',
    'hear|heard a|the thump|thumps|banging|smash|smashing * (and / then) (her / mum / my mum) crying|screaming',
    'so i (can not / cant / do not / dont) hear the banging|shouting|screaming|smashing|fighting',
    // the threat to the other parent
    'kill (mum / my mum / her / my mother) if she',
    'mum|she (gets / will get / is going to get) what is coming',
    // control: not allowed her friends, her money, her phone gone through
    '(mum / my mum / she) (is not / isnt / is never) allowed (to see / to have) her friends|money|family',
    'goes|go|went through her phone', 'goes|go|went through (mum / my mum) phone',
    'keeps|takes|took her bank card|cards|money|purse',
    // the door kicked, the mother shut in, the plates smashed, the mark hidden
    'lock|locks|locked herself in the bathroom|bedroom|toilet ** (kicking / banging / punching / shouting / screaming / angry)',
    'hear|heard him|he kicking|banging|punching on|at the door',
    'the plates|plate|glasses|cups (get / got / gets) smashed|broken|thrown',
    'sunglasses|sunglases on? (even when / when / even though / even when it is / when it is / even though it is / even when its / when its / even though its) raining|cloudy|dark|winter',
    'because of her arm|face|eye|bruise|bruises|lip|neck',
  ], T),
  ...entries('safeguarding', 'neglect', [
    // nobody checks, nobody takes me to the doctor or dentist, never been
    '(nobody / no one / noone) checks|check if|whether|that i',
    '(nobody / no one / nobodys / nobody has / no one has) taken|takes|took me to the doctor|doctors|dentist|opticians|optician|hospital',
    '(never been / not been / have not been) to the dentist|doctor|doctors|opticians ever?',
    'ran|run out of the|my cream|medicine|inhaler|tablets * (ages / weeks / months) ago',
    'glasses broke|broken ** (did not / never / have not) (get / got) new',
    // the clothes and the bed: washing my uniform in the sink, the same jumper all year, no bed
    'wash|washing|washed my own? uniform|polo|shirt|shirts|clothes|socks|pants in the sink|bath',
    'worn|wear|wore the same school? jumper|uniform|clothes|shirt|trousers (all year / for weeks / for months / every day)',
    'holes in both|the|my? elbows|jumper|trousers|tights|coat',
    'sleep|sleeping|slept on the sofa|floor because (my bed / there is no bed / i have no bed / i do not have a bed)',
    // eating what is left
    'i (get / eat / have) the (left overs / leftovers) if there',
  ], T),
  ...entries('safeguarding', 'exploitation', [
    'but they know where i live',
    'wait|waiting|stay|staying|sit|sitting in a flat with other|older kids|children|boys|girls|people|men',
    'make|makes|made me go in|into the|a shop|shops and nick|nik|steal|take',
    'if i do not * (will / would / gonna) get|hurt|batter|beat|stab|kill me and my',
    'pay|pays|paid us|me to do dares', 'pay|pays|paid us|me * to (do dares / film ourselves / film myself / film us)',
    'post|share|leak your|my|our address',
    'goes|go|went off in (cars / a car) with (men / older men / a man / older boys / boys)',
    'gave|gives me a|some? tenner|fiver|money and asked|asks if i want|wanted to come',
    'back at # in the morning with money',
  ], T),
  ...entries('safeguarding', 'emotional_abuse', [
    'i am|was the worst thing that ever? happened to her|him|them|mum|dad',
    'i (get / got / am / was / will be) put in the shed|cupboard|garage|cellar|dark|attic',
    'rubbish|bin|bins|gutter where i belong',
    'says|said|tells|told if i tell|told|say anyone|anybody|someone|people anything? about our|my|the house|home|family',
    '@CARER * calls|called|call me a little @INSULT', '@CARER * sez i|you am|are|was|were so|really|very|a|an|the? @INSULT',
    'rips|ripped|tears|tore|bins|binned up? my drawings|drawing|pictures|homework|work|books',
    'should of|have (got rid of / gotten rid of / given away) me',
    'ruining|ruin|ruins her|his|their|mum|dad life', 'my fault i got|was|were taken (away / into care)',
    'send me away (to live / and i will not come back / forever / for ever)',
    'i am a shame for|to (her / him / them / the family / my family / my mum / my dad)',
    'not|never speak|speaks|talk|talks to me and i (do not / never) get dinner|tea|food',
  ], { ...T, carer: true }),
  // fifth generation (analyser 1.10.0): what is done and what is said, in words no earlier class had
  ...entries('safeguarding', 'suicidal', [
    'pills|tablets|medicine * to (not / never) wake up',
    'when i am|im gone * can have my', 'thank you for my life', 'think|thinking|thought|thort about going over $',
  ], T),
  ...entries('safeguarding', 'suicidal', ['sleep and * (not / never) wake up'], { ...T, unless: ['till|until|before|early|late|alarm|morning|oclock'] }),
  ...entries('safeguarding', 'self_harm', [
    'plasters|plaster ** for my wrist|wrists|arm|arms|thigh|thighs after|when i', 'after|when i do the thing $',
    'marks|cuts|scars ** where (nobody / no one / no body) (looks / can see / sees / will see / would see)',
  ], T),
  ...entries('safeguarding', 'sexual_abuse', [
    'sexual stuff|things to|with me', 'did|does|do|doing sexual stuff|things', 'grown ups|adults|people with no clothes on?',
  ], T),
  ...entries('safeguarding', 'physical_abuse', [
    '@CARER * hold|holds|held|put|puts|keeps|kept my hand|hands|fingers|arm (near / on / in / under / over / against) the hot|cooker|oven|fire|iron|kettle|hob|pan|radiator',
    'knuckles|fist * on|into my @BODY', 'goes|go|went|turns|turned|turn black and blue',
    'left|leaves|leave a lump|bruise|bruises|mark|marks on my head|@BODY',
  ], T),
  ...entries('safeguarding', 'domestic_abuse', [
    'shouts|screams|yells at|to my? @HOME_ADULT|grandmother|grandfather|her every night',
    'family business * stays|stay in the house|home',
    'makes|made mum|her say sorry for things she (has not / did not / had not / never)',
  ], T),
  ...entries('safeguarding', 'emotional_abuse', [
    'emotionally abuses|abused|abusing|abuse me', 'think|thinks|thought it is|its|was emotional abuse',
    '@HOME_ADULT * stops|stopped|stop speaking|talking to me for days|weeks', 'tells|told my brothers|sisters|brother|sister not to talk|speak to me',
    'not allowed out of my room except',
    'says|said i have|ve? got? an? @INSULT face', 'says|said i will|ll turn out * @INSULT',
    'i am|im the reason her|his|their life is|was rubbish|ruined|bad|horrible|awful', 'a waste of space',
  ], { ...T, carer: true }),
  ...entries('safeguarding', 'neglect', [
    'been gone for (two / three / four / five / six / seven / eight / nine / ten / #) days|nights',
    'alone (in the flat / in the house / at home) from|all|every friday|saturday|weekend|weekends',
    'nothing in our|the cupboards|cupboard|fridge except|but', '@HOME_ADULT sleeps|sleep most|all of the day',
    'wait|waited|sit|sat on the step|doorstep|steps until|till (it is / it gets / it got / its) dark',
    'sleep|slept in my school clothes|uniform', 'bugs|nits|lice in my hair * (will not / wont / do not / never) go away',
    'bed * (does not / doesnt / dosnt / has not / got no) have? a? sheet|cover|duvet|mattress',
    '(does not / doesnt / never) do|does|wash|washes my washing|clothes|uniform',
  ], { ...T, unless: ['work|trip|army|navy|forces|holiday|hospital|camp|sleepover|festival'] }),
  ...entries('safeguarding', 'exploitation', [
    'make|makes|made me ** (ask / beg) (for money / money) from people', 'runs on my bike',
    'dropping|drop|dropped|drops stuff|things|packages|bags off for', 'keeps|keep saying i am|im his',
  ], T),
  ...entries('safeguarding', 'exploitation', ['send|post|share the|my videos|pictures|photos to everyone|everybody * if i'], T),
  ...entries('safeguarding', 'sexual_abuse', ['send|post|share the|my videos|pictures|photos to everyone|everybody * if i'], T),
  ...entries('safeguarding', 'emotional_abuse', ['(i must / i have to) eat after everybody|everyone (else / is finished / has finished / has eaten)'], T),
]

// Threats are read literally even where a figure of speech would otherwise silence them:
// "he'll kill me if I tell" is not "mum will kill me if I lose my blazer". A threat reported
// second-hand about someone else ("my sister said mum will kill me if I lose my blazer lol")
// is read in context like any other phrase, so the figure can silence it.
export const LITERAL: Entry[] = [
  ...entries('safeguarding', 'physical_abuse', [
    'kill|hurt|hit me if i tell|told|say|said|speak|talk', '@CARER * threatened|threatens * kill|hurt|hit me',
    '@CARER * said|says he|she|they will|would|is|are? going? to? kill|hurt|hit me',
  ], { timeless: true, literal: true }),
  ...entries('safeguarding', 'physical_abuse', ['@CARER * said|says * kill|hurt|hit me'], { timeless: true }),
]
