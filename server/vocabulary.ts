// Words Lantern's layers share from the bottom (the database types) to the top (pages): declared once.

/** A letter's level of concern: none, some (ordinary transition nerves), high. DOMAIN.md, letter labels. */
export const CONCERNS = ['none', 'some', 'high'] as const
export type Concern = (typeof CONCERNS)[number]

/** An opportunity's category (the list), stored as these keys. */
export const OPPORTUNITY_CATEGORIES = ['learning_support', 'sport', 'creative', 'stem', 'enrichment', 'friendship_group', 'wellbeing_group', 'mentoring'] as const
export type OpportunityCategory = (typeof OPPORTUNITY_CATEGORIES)[number]

/** The words for each category, as schools say them. */
export const OPPORTUNITY_CATEGORY_WORDS: Readonly<Record<OpportunityCategory, string>> = Object.freeze({
  learning_support: 'Learning support',
  sport: 'Sport',
  creative: 'Creative',
  stem: 'STEM',
  enrichment: 'Enrichment',
  friendship_group: 'Friendship group',
  wellbeing_group: 'Wellbeing group',
  mentoring: 'Mentoring'
})

/** An optional eligibility rule on an opportunity, beyond year groups and forms. */
export const ELIGIBILITY_RULES = ['sen_support', 'ehcp', 'sen_any'] as const
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number]

export const ELIGIBILITY_RULE_WORDS: Readonly<Record<EligibilityRule, string>> = Object.freeze({
  sen_support: 'Only pupils with SEN support',
  ehcp: 'Only pupils with an education, health and care plan',
  sen_any: 'Only pupils with SEN support or a plan'
})

/** Monday 1 … Friday 5. */
export type Weekday = 1 | 2 | 3 | 4 | 5
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5]
export const WEEKDAY_WORDS: Readonly<Record<Weekday, string>> = Object.freeze({ 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday' })

/** One weekly session of an opportunity: a weekday and a start and end time ('HH:MM', 24-hour). */
export interface OpportunitySlot {
  weekday: Weekday
  start: string
  end: string
}
