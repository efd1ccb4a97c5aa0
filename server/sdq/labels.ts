// How pages name the SDQ's scales and informants (scale names only: item wording never appears).
export const SDQ_SCALE_LABELS = [
  ['emotional', 'Emotional symptoms'],
  ['conduct', 'Conduct problems'],
  ['hyperactivity', 'Hyperactivity'],
  ['peer', 'Peer problems'],
  ['prosocial', 'Prosocial'],
  ['total', 'Total difficulties'],
  ['impact', 'Impact']
] as const

export const SDQ_INFORMANT_LABELS = { self: 'Self-report', parent: 'Parent', teacher: 'Teacher' } as const
