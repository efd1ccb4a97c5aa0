// Distress family: secrecy. Not being allowed to tell, a secret that weighs. Surprise parties,
// presents and crushes are the benign twins.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['surprise|party|present|presents|birthday|crush|fancy|santa|christmas|diary|password|recipe|club|den|handshake|code|spy',
  'like him|her|someone', 'lol', 'game|games|fortnite|minecraft',
  // a name kept private, as foster families and adoptive families must (1.8.0): "not allowed to say his full name"
  'say|tell|share (his / her / their / the baby) full? name|names|surname']

export const SECRECY: FamilyCue[] = [
  ...familyCues('secrecy', 3, ['not allowed to (tell / say / talk about)', 'not supposed to tell|say', 'if i tell * (trouble / angry / mad / worse / hurt / kill / go away / taken)',
    'promised not to tell', 'made me promise'], { anySubject: true, unless: BENIGN }),
  ...familyCues('secrecy', 2, [
    'can not tell (anyone / anybody / my mum / my dad / mum / dad / you / people / the teacher / teachers / my teacher / my friends)',
    'keep|keeping|kept it|a|this|the secret', '(nobody / no one) knows * (about / that / what)', '(nobody / no one) knows $',
    'never told anyone|anybody', 'have not told anyone|anybody', 'what happens at home', 'stays at home', 'a secret * (can not / not allowed / never / heavy / bad)',
    'secret|secrets * (heavy / bad / scared / worried / at home)',
  ], { anySubject: true, unless: BENIGN }),
  ...familyCues('secrecy', 1, ['secret|secrets', 'do not tell anyone|anybody'], { anySubject: true, unless: BENIGN }),
  // second generation (1.6.0): what the child does and expects, not the word for the feeling
  ...familyCues('secrecy', 2, ['keep it to myself', '(nobody / no one) at school knows', 'she|he|mum|dad still (does not / doesnt) know', '(nobody / no one) needs|has to know', '(nobody / no one) has (ever)? seen it', 'i hid|hide|hidden the|my letter|note|report|marks', 'i hide lots of stuff|things', "i (will not / won't / wont) say"], { unless: BENIGN }),
]
