// When opportunities run, and which of them clash: two opportunities clash when a session of one
// overlaps a session of the other on the same weekday, so one pupil could not go to both. Pure.
import type { OpportunitySlot } from '../vocabulary'
import { slotText } from '../imports/schedule'

export { slotText }

/** True when the two sessions share a weekday and some minutes ("15:15–16:15" and "16:15–17:00" do not). */
export function slotsOverlap(a: OpportunitySlot, b: OpportunitySlot): boolean {
  return a.weekday === b.weekday && a.start < b.end && b.start < a.end
}

export interface Timed { id: number; name: string; slots: readonly OpportunitySlot[] }

/** For each opportunity, the others it clashes with (by name, in the order given). */
export function clashesOf(opportunities: readonly Timed[]): Map<number, string[]> {
  const clashes = new Map<number, string[]>(opportunities.map((o) => [o.id, []]))
  opportunities.forEach((a, i) => {
    for (const b of opportunities.slice(i + 1)) {
      if (!a.slots.some((x) => b.slots.some((y) => slotsOverlap(x, y)))) continue
      clashes.get(a.id)!.push(b.name)
      clashes.get(b.id)!.push(a.name)
    }
  })
  return clashes
}

/** The slots of one opportunity that overlap each other (a form that names Tuesday twice). */
export function selfOverlap(slots: readonly OpportunitySlot[]): number | null {
  for (let i = 1; i < slots.length; i++) for (let j = 0; j < i; j++) if (slotsOverlap(slots[i]!, slots[j]!)) return i
  return null
}
