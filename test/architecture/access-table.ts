// Who may use each route, declared once per route (method and Fastify's url). access-matrix.test.ts
// requests every route the app registers as every role of a school — each role with and without the
// DSL mark where the role may carry it — for its own school, for another school and signed out, and
// fails on a route missing from this table, so a new route cannot arrive undeclared.
//
// What each answer means (checked by the test):
//   ok        GET: 200. POST (a valid CSRF token, the form left empty): it reached the handler —
//             2xx, 3xx, 409 (refused for the state things are in) or 422 (the form's problems).
//   ok-if-on-agenda  ok for a pupil on the meeting's agenda; notFound for a pupil of the school who
//             is not on it (a link worker sees the agenda's pupils and no one else).
//   redirect  GET: a 3xx to another page of Lantern, not the sign-in page (a link worker's school
//             home is its supervision page).
//   forbidden 403: a Lantern page saying who may do this instead. Used when the role may not, whatever
//             the record, so it says nothing about whether the record exists.
//   notFound  404.
//   login     signed out: GET → 303 to /login?next=<the page>; POST → 401.
//   signIn    303 to /login itself: a step of signing in reached without the step before it starts again.
// Every /s/:urn route also answers 404 to every role of another school, and the same for a record of
// another school as for a record that does not exist (the test checks both for every route).
export type Answer = 'ok' | 'ok-if-on-agenda' | 'redirect' | 'forbidden' | 'notFound' | 'login' | 'signIn'
/** A school role (as accounts' ROLES names it), `<role>+dsl` for one marked DSL, or signed out. */
export type Subject = string
export type Access = Readonly<Record<Subject, Answer>>

// A cluster officer (role `cluster`) sees the cluster overview's figures and opens no page of a school: 403 unless
// a route says otherwise.
const staffRoles = (answers: { lead: Answer; leadDsl?: Answer; pastoral: Answer; pastoralDsl?: Answer; link: Answer; cluster?: Answer; signedOut?: Answer }): Access => ({
  lead: answers.lead,
  'lead+dsl': answers.leadDsl ?? answers.lead,
  pastoral: answers.pastoral,
  'pastoral+dsl': answers.pastoralDsl ?? answers.pastoral,
  link: answers.link,
  cluster: answers.cluster ?? 'forbidden',
  signedOut: answers.signedOut ?? 'login'
})

/** Anyone, signed in or not. */
const PUBLIC = staffRoles({ lead: 'ok', pastoral: 'ok', link: 'ok', cluster: 'ok', signedOut: 'ok' })
/** Anyone signed in. */
const SIGNED_IN = staffRoles({ lead: 'ok', pastoral: 'ok', link: 'ok', cluster: 'ok' })
/** The senior mental health lead only. */
const LEAD = staffRoles({ lead: 'ok', pastoral: 'forbidden', link: 'forbidden' })
/** School staff (lead and pastoral); link workers see the supervision agenda only. */
const STAFF = staffRoles({ lead: 'ok', pastoral: 'ok', link: 'forbidden' })
/** The school's designated safeguarding leads, whatever their role. */
const DSL = staffRoles({ lead: 'forbidden', leadDsl: 'ok', pastoral: 'forbidden', pastoralDsl: 'ok', link: 'forbidden' })
/** Consent and the share log: the lead and the DSLs. */
const LEAD_OR_DSL = staffRoles({ lead: 'ok', pastoral: 'forbidden', pastoralDsl: 'ok', link: 'forbidden' })
/** Supervision pages everyone at the meeting reads; a link worker sees the agenda's pupils only. */
const SUPERVISION = staffRoles({ lead: 'ok', pastoral: 'ok', link: 'ok' })
/** One pupil's discussion at a meeting: staff open any pupil of the agenda; a link worker only those on it. */
const AGENDA_PUPIL = staffRoles({ lead: 'ok', pastoral: 'ok', link: 'ok-if-on-agenda' })

export const ACCESS_TABLE: Readonly<Record<string, Access>> = {
  // ---- public: static files, health, signing in, invitations ----
  'GET /public/*': PUBLIC,
  'GET /assets/govuk/*': PUBLIC,
  'GET /healthz': PUBLIC,
  'GET /accessibility': PUBLIC,
  'GET /login': staffRoles({ lead: 'redirect', pastoral: 'redirect', link: 'redirect', cluster: 'redirect', signedOut: 'ok' }),
  'POST /login': PUBLIC,
  'POST /logout': PUBLIC,
  // the second factor: the code and enrolment pages are for a half-signed-in session; anyone else is sent on
  'GET /login/code': staffRoles({ lead: 'redirect', pastoral: 'redirect', link: 'redirect', cluster: 'redirect', signedOut: 'signIn' }),
  'POST /login/code': PUBLIC,
  'GET /login/enrol': staffRoles({ lead: 'redirect', pastoral: 'redirect', link: 'redirect', cluster: 'redirect', signedOut: 'signIn' }),
  'POST /login/enrol': PUBLIC,
  'GET /invitation/:token': PUBLIC,
  'POST /invitation/:token': PUBLIC,
  // a link to join a school is for its own account's owner: anyone else signed in is refused, and a
  // visitor is asked to sign in first
  'POST /invitation/:token/join': staffRoles({ lead: 'forbidden', pastoral: 'forbidden', link: 'forbidden', signedOut: 'login' }),

  // ---- signed in, any school ----
  'GET /': staffRoles({ lead: 'redirect', pastoral: 'redirect', link: 'redirect', cluster: 'redirect' }),
  // the cluster overview: for anyone with two or more schools or a cluster membership (one school each here)
  'GET /cluster': staffRoles({ lead: 'forbidden', pastoral: 'forbidden', link: 'forbidden', cluster: 'ok' }),
  'GET /account': SIGNED_IN,
  'POST /account/recovery-codes': SIGNED_IN,
  'GET /account/password': SIGNED_IN,
  'POST /account/password': SIGNED_IN,
  'GET /supervision': SIGNED_IN,

  // ---- a school's home and exports ----
  'GET /s/:urn': staffRoles({ lead: 'ok', pastoral: 'ok', link: 'redirect' }),
  'GET /s/:urn/pupils/export.csv': STAFF,
  'GET /s/:urn/pupils/export.json': STAFF,

  // ---- staff and the audit log ----
  'GET /s/:urn/staff': LEAD,
  'POST /s/:urn/staff': LEAD,
  'POST /s/:urn/staff/:userId/second-factor/reset': LEAD,
  'POST /s/:urn/staff/:userId/:change': LEAD,
  'GET /s/:urn/audit': LEAD,

  // ---- letters and safeguarding alerts ----
  'GET /s/:urn/letters': STAFF,
  'GET /s/:urn/letters/:letterId': STAFF,
  'POST /s/:urn/letters/:letterId/review': STAFF,
  'GET /s/:urn/pupils/:pupilId/letters/new': STAFF,
  'POST /s/:urn/pupils/:pupilId/letters': STAFF,
  'GET /s/:urn/alerts': DSL,
  'GET /s/:urn/alerts/:alertId': DSL,
  'POST /s/:urn/alerts/:alertId': DSL,
  // the hand-off of a disclosure to the school's safeguarding record: DSLs only
  'GET /s/:urn/alerts/:alertId/handoff': DSL,
  'GET /s/:urn/alerts/:alertId/handoff/export': DSL,

  // ---- imports ----
  'GET /s/:urn/imports': LEAD,
  'POST /s/:urn/imports': LEAD,
  'GET /s/:urn/imports/pending/:id': LEAD,
  'POST /s/:urn/imports/pending/:id/kind': LEAD,
  'POST /s/:urn/imports/pending/:id/confirm': LEAD,
  'POST /s/:urn/imports/pending/:id/cancel': LEAD,
  'GET /s/:urn/imports/sets/:id': LEAD,
  'POST /s/:urn/imports/sets/:id/confirm': LEAD,
  'POST /s/:urn/imports/sets/:id/cancel': LEAD,
  'GET /s/:urn/imports/rollback/:kind': LEAD,
  'POST /s/:urn/imports/rollback/:kind': LEAD,

  // ---- pupils and screening ----
  'GET /s/:urn/pupils': STAFF,
  'GET /s/:urn/pupils/:id': STAFF,
  // a child's data under the school's control: the subject-access export holds alerts, so a lead who is a DSL;
  // erasure, the leaving date, the data page and retention: the lead
  'GET /s/:urn/pupils/:id/export': staffRoles({ lead: 'forbidden', leadDsl: 'ok', pastoral: 'forbidden', link: 'forbidden' }),
  'GET /s/:urn/pupils/:id/erase': LEAD,
  'POST /s/:urn/pupils/:id/erase': LEAD,
  'POST /s/:urn/pupils/:id/left': LEAD,
  'GET /s/:urn/data': LEAD,
  'POST /s/:urn/data/retention': LEAD,
  'POST /s/:urn/pupils/:id/level': STAFF,
  'GET /s/:urn/screening/settings': LEAD,
  'POST /s/:urn/screening/settings': LEAD,

  // ---- opportunities ----
  'GET /s/:urn/opportunities': STAFF,
  'GET /s/:urn/opportunities/new': LEAD,
  'POST /s/:urn/opportunities': LEAD,
  'GET /s/:urn/opportunities/:opportunityId/edit': LEAD,
  'POST /s/:urn/opportunities/:opportunityId': LEAD,
  'POST /s/:urn/opportunities/:opportunityId/archive': LEAD,
  'POST /s/:urn/opportunities/:opportunityId/restore': LEAD,
  'GET /s/:urn/opportunities/allocation': STAFF,
  'POST /s/:urn/opportunities/allocation': LEAD,
  'POST /s/:urn/opportunities/allocation/:id/hold': LEAD,
  'POST /s/:urn/opportunities/placements/:id': STAFF,
  'POST /s/:urn/opportunities/placements/:id/instead': STAFF,
  'GET /s/:urn/opportunities/placements/:id/register': STAFF,
  'POST /s/:urn/opportunities/placements/:id/register': STAFF,
  'GET /s/:urn/opportunities/outcomes': STAFF,
  'GET /s/:urn/opportunities/slips.pdf': STAFF,

  // ---- consent and what is shared with the link team ----
  'GET /s/:urn/pupils/:id/consent': LEAD_OR_DSL,
  'POST /s/:urn/pupils/:id/consent': LEAD_OR_DSL,
  'GET /s/:urn/supervision/shares': LEAD_OR_DSL,

  // ---- supervision ----
  'GET /s/:urn/supervision': SUPERVISION,
  'GET /s/:urn/supervision/terms': LEAD,
  'POST /s/:urn/supervision/terms': LEAD,
  'GET /s/:urn/supervision/meetings/new': LEAD,
  'POST /s/:urn/supervision/meetings': LEAD,
  'GET /s/:urn/supervision/meetings/:id': SUPERVISION,
  'GET /s/:urn/supervision/meetings/:id/edit': LEAD,
  'POST /s/:urn/supervision/meetings/:id/edit': LEAD,
  'POST /s/:urn/supervision/meetings/:id/agenda': LEAD,
  'POST /s/:urn/supervision/meetings/:id/start': LEAD,
  'POST /s/:urn/supervision/meetings/:id/close': LEAD,
  'POST /s/:urn/supervision/meetings/:id/actions': SUPERVISION,
  'GET /s/:urn/supervision/meetings/:id/pupils/:pupilId': AGENDA_PUPIL,
  'POST /s/:urn/supervision/meetings/:id/pupils/:pupilId': AGENDA_PUPIL,
  'GET /s/:urn/supervision/meetings/:id/pack.pdf': SUPERVISION,
  'POST /s/:urn/supervision/actions/:id/review': SUPERVISION
}
