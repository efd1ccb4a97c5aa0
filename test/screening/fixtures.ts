// A pupil whose every indicator is present and reassuring; tests change one thing at a time.
import type { PupilIndicators, SdqScores } from '../../server/screening/rules'

export function averageSdq(overrides: Partial<SdqScores> = {}): SdqScores {
  return {
    emotional: 2, conduct: 1, hyperactivity: 3, peer: 1, prosocial: 9, total: 7, externalising: 4, internalising: 3, impact: 0,
    bands: { total: 'close_to_average', emotional: 'close_to_average', conduct: 'close_to_average', hyperactivity: 'close_to_average', peer: 'close_to_average', prosocial: 'close_to_average', impact: 'close_to_average' },
    ...overrides,
  }
}

export function pupil(overrides: Partial<PupilIndicators> = {}): PupilIndicators {
  return {
    ks2: { reading: 105, maths: 104, gps: 103, writing: 'EXS' },
    attendance: { possible: 380, absent: 10 },
    sdq: { self: averageSdq() },
    sen: 'N',
    lookedAfter: false,
    socialCare: 'none',
    fsm: false,
    letter: { concern: 'none', safeguarding: [], source: 'staff' },
    ...overrides,
  }
}
