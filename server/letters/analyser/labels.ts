// The fixed label keys for letters to self (DOMAIN.md, "Label sets").
export const WORRY_THEMES = [
  'getting_lost', 'bullying', 'friendships', 'workload', 'teachers_rules', 'older_pupils', 'organisation',
  'travel', 'changing_pe', 'lunch', 'separation', 'general_anxiety', 'family', 'self_esteem',
] as const
export type WorryTheme = (typeof WORRY_THEMES)[number]

export const INTERESTS = [
  'football', 'rugby', 'netball', 'basketball', 'cricket', 'swimming', 'athletics', 'gymnastics', 'dance',
  'martial_arts', 'art', 'music', 'drama', 'singing', 'reading', 'writing', 'science', 'computing', 'maths',
  'engineering', 'animals', 'cooking', 'gaming', 'languages', 'history', 'nature',
] as const
export type Interest = (typeof INTERESTS)[number]

export const SAFEGUARDING_CATEGORIES = [
  'self_harm', 'suicidal', 'physical_abuse', 'sexual_abuse', 'neglect', 'domestic_abuse', 'exploitation', 'emotional_abuse',
] as const
export type SafeguardingCategory = (typeof SAFEGUARDING_CATEGORIES)[number]

export { CONCERNS, type Concern } from '../../vocabulary'
