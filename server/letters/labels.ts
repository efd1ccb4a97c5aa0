// The words for every worry theme, interest and safeguarding category, in one place: every page, the
// export and screening's evidence say "self-harm" the same way. Pure.
import { lookupTable } from '../lookup'

export const LABELS = lookupTable<string>({
  getting_lost: 'getting lost',
  bullying: 'bullying',
  friendships: 'friendships',
  workload: 'homework and workload',
  teachers_rules: 'teachers and rules',
  older_pupils: 'older pupils',
  organisation: 'being organised',
  travel: 'travel',
  changing_pe: 'changing for PE',
  lunch: 'lunch',
  separation: 'being apart from family',
  general_anxiety: 'general anxiety',
  family: 'family',
  self_esteem: 'self-esteem',
  self_harm: 'self-harm',
  suicidal: 'suicidal thoughts',
  physical_abuse: 'physical abuse',
  sexual_abuse: 'sexual abuse',
  neglect: 'neglect',
  domestic_abuse: 'domestic abuse',
  exploitation: 'exploitation',
  emotional_abuse: 'emotional abuse',
  martial_arts: 'martial arts',
  // distress families (analyser/families)
  sleep: 'sleep',
  somatic: 'feeling ill with worry',
  self_worth: 'self-worth',
  hiding: 'hiding and covering up',
  avoidance: 'avoidance',
  hopelessness: 'hopelessness',
  isolation: 'isolation',
  loss: 'loss and grief',
  secrecy: 'secrecy',
  caregiving: 'looking after family',
  rumination: 'going over worries',
  appeasement: 'trying not to be trouble',
  panic: 'panic',
  anger: 'anger that will not hold',
  tearfulness: 'crying that keeps coming',
  eating: 'eating and the body',
  perfectionism: 'perfectionism'
})

export const label = (key: string) => LABELS[key] ?? key.replace(/_/g, ' ')
