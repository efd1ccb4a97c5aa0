import { z } from 'zod'
import { CONCERNS, INTERESTS, WORRY_THEMES } from './analyser'
import { formText } from '../platform/form-text'

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)))

export const reviewForm = z.object({
  concern: z.enum(CONCERNS, { error: 'Choose the level of concern' }),
  worries: list(WORRY_THEMES),
  interests: list(INTERESTS),
  note: formText('The note').trim().max(2000, 'Keep the note to 2,000 characters').optional()
})

export const letterForm = z.object({
  text: formText('The letter').trim().min(1, 'Enter the letter as the pupil wrote it').max(20_000, 'A letter can be up to 20,000 characters'),
  written_on: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), 'Enter the date as YYYY-MM-DD, for example 2026-07-03')
})

export const outcomeForm = z
  .object({
    outcome: z.enum(['referral_made', 'already_known', 'not_a_concern'], { error: 'Choose what was done' }),
    reason: formText('The record').trim().max(4000, 'Keep the record to 4,000 characters')
  })
  .superRefine((v, ctx) => {
    if (v.reason.length < 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: v.outcome === 'not_a_concern' ? 'Say why this is not a safeguarding concern' : 'Record what was done, when and by whom'
      })
    }
  })

export { LABELS, label } from './labels'
