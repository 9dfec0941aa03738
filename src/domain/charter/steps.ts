/** The guided editor's steps, in the order of the eight rules, then the after-sales plan and review. */
export const STEP_IDS = [
  'service-level',
  'commitments',
  'readiness',
  'phases',
  'buffer',
  'moments',
  'recovery',
  'alternatives',
  'after-sales',
  'review',
] as const;
export type StepId = (typeof STEP_IDS)[number];
