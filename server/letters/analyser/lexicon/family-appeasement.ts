// Distress family: appeasement. Being extra good at home since a parent left, trying not to be any
// trouble, keeping a carer calm. Being good for a treat or for Santa is the benign twin.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['santa|christmas|birthday|treat|reward|present|presents|phone|ps5|switch|xbox|sweets', 'pocket money', 'so i (can / get / will get / might get)', 'lol']

export const APPEASEMENT: FamilyCue[] = [
  ...familyCues('appeasement', 3, ['try|trying|tried really? hard? to not be any? (trouble / a problem / a bother / a burden / in the way / annoying)', 'try|trying|tried really? hard? not to be any? (trouble / a problem / a bother / a burden / in the way / annoying)',
    'extra good since', 'be extra good', 'being extra good'], { unless: BENIGN }),
  ...familyCues('appeasement', 2, [
    'try|trying|tried really? hard? to (be good / be really good / be super good / be no trouble / not upset)', 'try|trying|tried really? hard? to keep|make everyone|mum|her|him|dad|them happy|calm',
    'not be|cause|make any? trouble|bother|fuss', 'not make a fuss', 'no trouble', 'extra|really|super good at home',
    'so mum|she|dad|he|they (does not / will not / is not / do not / won) (get upset / cry / get angry / get sad / shout / leave / get cross / get stressed)',
    'do not want to upset|worry|bother|stress (my mum / mum / her / my dad / dad / him / anyone / them)', 'keep (quiet / out of the way / out of her way / out of his way)',
    'do not tell|say|ask mum|her|dad|him|anyone * (because / so) she|he has|is enough|sad|stressed|busy|tired', 'be good * since',
    'tidy|clean|do everything * so she|he|mum|dad (is / does not / will not / is not)', 'walk on eggshells',
  ], { unless: BENIGN }),
  // second generation (1.6.0): what the child does and expects, not the word for the feeling
  ...familyCues('appeasement', 3, ['so she|he|they (keeps / keep / will keep) wanting|having me', 'so i am not (another / a)? problem|trouble|bother|burden', 'careful careful'], { unless: BENIGN }),
  ...familyCues('appeasement', 2, ['i keep|stay|am (good and quiet / quiet and tidy / extra good / really really good / really good so)', 'i (do not / never) ask for anything', 'i have to be careful at home', 'if i am too loud|noisy|messy', 'mum|dad|she|he gets upset and cries|shouts', 'i (always)? clear my plate', 'i say thank you for everything'], { unless: BENIGN }),
]
