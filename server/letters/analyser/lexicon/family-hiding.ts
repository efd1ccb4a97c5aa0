// Distress family: hiding and concealment. Covering up parts of the body, hiding things away, hiding
// away oneself, masking ("pretend I'm fine"). Games, presents and surprises are the benign twins.
import { familyCues, type FamilyCue } from './types'

const PLAY = ['hide and|n seek', 'seek', 'hide-and-seek', 'invisibility', 'present|presents|surprise|easter|eggs|treasure|sweets|chocolate|snacks|den',
  'game|games|fortnite|minecraft|roblox', 'from my (brother / sister) * (lol / sweets / chocolate)', 'costume|fancy dress', 'rain|sun|cold|hot weather']

export const HIDING: FamilyCue[] = [
  ...familyCues('hiding', 2, [
    'hide|hid|hiding|cover|covered|covering|hides|covers up? my (arms / arm / legs / leg / body / tummy / belly / stomach / face / scars / marks / skin / wrists / bruises)',
    'keep|kept my (arms / legs / body / tummy / skin) covered', 'wear|wore|wearing * (long sleeves / jumper / hoodie / coat) * (hide / cover / so no one / so nobody / even when / in summer / all the time)',
    'so (no one / nobody) (sees / can see / will see / notices / knows)', 'hide|hid|hiding it|them|things|stuff|everything * (under / in my / from / where)',
    'hide|hid|hiding in my room|the toilets|toilet|under my bed|wardrobe|cupboard', 'hide|hid|hiding from (everyone / people / my / them / the)',
    'keep it hidden', 'hide|hid|hiding|hides (the / my) * (under / in my / behind / where)', 'pretend|pretending|pretended * (fine / ok / okay / happy / alright / nothing is wrong)', 'put on a brave|happy face', 'fake smile|smiling',
  ], { unless: PLAY }),
]
