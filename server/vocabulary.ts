// Words Lantern's layers share from the bottom (the database types) to the top (pages): declared once.

/** A letter's level of concern: none, some (ordinary transition nerves), high. DOMAIN.md, letter labels. */
export const CONCERNS = ['none', 'some', 'high'] as const
export type Concern = (typeof CONCERNS)[number]
