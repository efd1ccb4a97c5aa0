// The supervision pack's data: everything the printed pack shows, fully loaded and already
// pseudonymised for the copy it is (the loader decides what a copy may show; the renderer only draws).
// Two copies come from the same loader: the school's (identified) and the link team's (a pupil is
// named only where consent to share is recorded, and then only if the pack was asked for identified).

import type { Level } from '../screening/rules'

export type PackCopy = 'school' | 'link'
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'dropped'
export type DiscussionOutcome = 'strategies' | 'signposting' | 'referral' | 'dsl'
export type SdqInformantKey = 'self' | 'parent' | 'teacher'
export type SdqScaleKey = 'emotional' | 'conduct' | 'hyperactivity' | 'peer' | 'prosocial' | 'total' | 'impact'

export interface PackAction {
  /** the pupil's label in this copy (name or pseudonym); null for an action about no one pupil */
  pupil: string | null
  text: string
  owner: string
  /** YYYY-MM-DD */
  due: string | null
  status: ActionStatus
  /** the latest review note, if any */
  note: string | null
  overdue: boolean
}

export interface PackSdq {
  informant: SdqInformantKey
  /** YYYY-MM-DD */
  administeredOn: string
  scores: Partial<Record<SdqScaleKey, number | null>>
  /** DOMAIN.md band keys: close_to_average, slightly_raised, high, very_high (prosocial: …_lowered, low, very_low) */
  bands: Partial<Record<SdqScaleKey, string | null>>
}

/** One "since last meeting" line: e.g. { label: 'Attendance', before: '94.1%', now: '88.0%', change: 'worse' } */
export interface PackChange {
  label: string
  before: string | null
  now: string | null
  change: 'better' | 'worse' | 'same' | 'new' | null
}

export interface PackPupil {
  /** the name the pupil goes by ("Ash Khan") on an identified page, "P-7F3K" when pseudonymised */
  label: string
  identified: boolean
  /** year group is always shown; form only when identified */
  yearGroup: number | null
  form: string | null
  /** why the pupil is on this agenda, in priority order, in words ("Newly at Getting Help since 3 Nov") */
  agendaReasons: string[]
  /** a safeguarding follow-up for the DSL: the link copy says only that the DSL will update */
  dslItem: boolean
  level: Level | null
  /** screening reasons in words (never the letter's text on a pseudonymised page) */
  screeningReasons: string[]
  sdq: PackSdq[]
  attendance: { percent: number | null; period: string | null; baseline: number | null }
  /** KS2 scaled scores or teacher assessment, as printed: { reading: '98', maths: '104', gps: null, writing: 'WTS' } */
  ks2: { reading: string | null; maths: string | null; gps: string | null; writing: string | null }
  letter: {
    /** the letter's worry themes and interests in words: always allowed */
    themes: string[]
    /** the marked excerpts, verbatim: only on an identified page; null when they may not be shown */
    excerpts: string[] | null
  } | null
  opportunity: { name: string; status: string; sessions: number; attended: number } | null
  sinceLast: PackChange[]
  /** the record of the last discussion of this pupil, if there was one */
  lastDiscussion: {
    date: string
    strengths: string | null
    concerns: string | null
    reasons: string | null
    advice: string | null
    outcome: DiscussionOutcome | null
  } | null
  actions: PackAction[]
  /** Goal Based Outcomes: each goal's ratings (0–10) across meetings, oldest first */
  goals: Array<{ goal: string; ratings: Array<{ date: string; score: number }> }>
}

export interface PackRecapItem {
  pupil: string
  advice: string | null
  actions: Array<{ text: string; owner: string; due: string | null }>
}

export interface PackData {
  copy: PackCopy
  school: { name: string; urn: string }
  meeting: {
    /** YYYY-MM-DD */
    date: string
    /** HH:MM or null */
    time: string | null
    location: string | null
    /** planning: no meeting recorded yet, the proposed agenda to write on */
    status: 'planning' | 'planned' | 'started' | 'closed'
    linkWorker: string | null
    cover: string | null
  }
  attendees: Array<{ name: string; role: string }>
  /** the previous meeting's recap: the pack's first page after the cover */
  recap: { date: string; items: PackRecapItem[] } | null
  /** every action open at the start of this meeting, reviewed before new business */
  actionReview: PackAction[]
  pupils: PackPupil[]
  /** the action tracker at the end: every action of the agenda's pupils */
  tracker: PackAction[]
  printedBy: string
  printedAt: Date
}
