// The schedule's wording → weekly slots: the usual school wording, times written out, and wording
// Lantern cannot read (no slots, so the catalogue says "time not set").
import t from 'tap'
import { slotsFromSchedule, slotText } from '../../server/imports/schedule'

const slots = (wording: string | null) => slotsFromSchedule(wording).map(slotText)

t.test('parts of the school day', async (t) => {
  t.same(slots('Tuesday after school'), ['Tuesday 15:15–16:15'])
  t.same(slots('Monday and Wednesday lunchtime'), ['Monday 12:30–13:15', 'Wednesday 12:30–13:15'])
  t.same(slots('Tuesday and Friday morning'), ['Tuesday 08:30–08:55', 'Friday 08:30–08:55'])
  t.same(slots('Thursday lunch time'), ['Thursday 12:30–13:15'])
  t.same(slots('Before school on Fridays'), ['Friday 08:00–08:30'], 'the time may come first')
  t.same(slots('Wed break'), ['Wednesday 10:45–11:05'])
  t.same(slots('Monday lunchtime and Thursday after school'), ['Monday 12:30–13:15', 'Thursday 15:15–16:15'], 'each day takes the time named after it')
  t.same(slots('Daily at lunch'), ['Monday 12:30–13:15', 'Tuesday 12:30–13:15', 'Wednesday 12:30–13:15', 'Thursday 12:30–13:15', 'Friday 12:30–13:15'])
  t.same(slots('TUES & THURS AFTER-SCHOOL'), ['Tuesday 15:15–16:15', 'Thursday 15:15–16:15'], 'any case, short day names')
})

t.test('times written out win over the part of the day', async (t) => {
  t.same(slots('Wednesday 15:30-16:30'), ['Wednesday 15:30–16:30'])
  t.same(slots('Wednesday after school, 15.30 – 16.45'), ['Wednesday 15:30–16:45'])
  t.same(slots('Friday 3:30pm to 4:30pm'), ['Friday 15:30–16:30'])
  t.same(slots('Friday 3.30 to 4.30pm'), ['Friday 15:30–16:30'], 'pm on the end time covers the start')
  t.same(slots('Monday 3:15-4:15'), ['Monday 15:15–16:15'], 'a bare 1–6 o’clock is the afternoon')
  t.same(slots('Tuesday 8am-8:45am'), ['Tuesday 08:00–08:45'])
  t.same(slots('Tuesday 12am-1am'), ['Tuesday 00:00–01:00'])
  t.same(slots('Thursday 12:30-1:10'), ['Thursday 12:30–13:10'])
})

t.test('wording Lantern cannot read gives no slots', async (t) => {
  for (const wording of ['First half term, before school', 'Tuesday', 'After school', 'When the coach can', 'Monday 16:30-15:30', 'Monday 25:00-26:00', '', null]) {
    t.same(slotsFromSchedule(wording), [], `“${wording}”`)
  }
})
