// Distress family: hiding and concealment. Covering up parts of the body, hiding things away, hiding
// away oneself, masking ("pretend I'm fine"). Games, presents and surprises are the benign twins.
import { familyCues, type FamilyCue } from './types'

const PLAY = ['hide and|n seek', 'seek', 'hide-and-seek', 'invisibility', 'present|presents|surprise|easter|eggs|treasure|sweets|chocolate|snacks|den',
  'game|games|fortnite|minecraft|roblox', 'from my brother|sister * (lol / sweets / chocolate)', 'costume|fancy dress', 'rain|sun|cold|hot weather', 'favourite|comfy|comfiest|cosy|style|fashion']

export const HIDING: FamilyCue[] = [
  ...familyCues('hiding', 2, [
    'hide|hid|hiding|cover|covered|covering|hides|covers up? my arms|arm|legs|leg|body|tummy|belly|stomach|face|scars|marks|skin|wrists|bruises',
    'keep|kept my arms|legs|body|tummy|skin covered', 'wear|wore|wearing * (long sleeves / jumper / hoodie / coat) * (hide / cover / so no one / so nobody / even when / in summer / all the time)',
    'so (no one / nobody) (sees / can see / will see / notices / knows)', 'hide|hid|hiding it|them|things|stuff|everything * (under / in my / from / where)',
    'hide|hid|hiding in my room|the toilets|toilet|under my bed|wardrobe|cupboard', 'hide|hid|hiding from everyone|people|my|them|the',
    'keep it hidden', 'hide|hid|hiding|hides the|my * (under / in my / behind / where)', 'pretend|pretending|pretended * (fine / ok / okay / happy / alright / nothing is wrong)', 'put on a brave|happy face', 'fake smile|smiling',
    // covering the body with clothes whatever the weather: "wear my cardigan even in summer", "my t-shirt stays on"
    'wear|wore|wearing * (cardigan / hoodie / jumper / coat / gloves / tights / long sleeves / roll necks) * (even in summer / even when it is hot / even if it is boiling / even if it is hot / so people do not / so they do not / like always)',
    'my t shirt|tshirt|top is staying|stays on', 'keep|keeping my (t shirt / tshirt / top / jumper / hoodie / coat) on',
    'people looking|look|staring|stare at my tummy|belly|arms|legs|body|skin|face', 'get|getting changed * in the toilet|toilets|cubicle',
    // masking: "act like I'm fine", "good at smiling when I'm sad", "keep saying good"
    'act|acting like i am fine|ok|okay|happy|alright', 'smile|smiling when i am (sad / upset / not ok / not okay)',
    'keep|keeps saying good|fine|ok|okay', 'i say good|fine|ok|okay * (every day / but / when it is not)',
  ], { unless: PLAY }),
]
