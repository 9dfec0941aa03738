import { richTextToPlain } from '../rich-text/rich-text';
import { commitmentBuffer } from './buffer';
import type { Charter } from './charter';
import { ownerContactSchema } from './charter';
import { lintPromise } from './promise-linter';
import type { StepId } from './steps';
import { STEP_IDS } from './steps';
import { message } from '../text/message';
import type { Message, MessageCode, MessageParams } from '../text/message';

/**
 * Something to fix (`error`: blocks publishing) or to consider (`warning`) before publishing, with the
 * step where it is fixed and the path of the field.
 */
export type Problem = { step: StepId; path: string; severity: 'error' | 'warning'; message: Message };

const MIN_MOMENTS = 5;
const MAX_MOMENTS = 10;

/** Every problem of `charter` against what a publishable charter needs, in step order. */
export function charterProblems(charter: Charter): Problem[] {
  const problems: Problem[] = [];
  const add = (
    step: StepId,
    path: string,
    severity: Problem['severity'],
    code: MessageCode,
    params?: MessageParams,
  ) => problems.push({ step, path, severity, message: message(code, params) });

  // 1. Service level and vision
  if (!charter.title.trim()) add('service-level', 'title', 'error', 'charterProblem.title');
  const contact = ownerContactSchema.safeParse(charter.owner);
  if (!contact.success)
    for (const issue of contact.error.issues) {
      const field = String(issue.path[0]);
      if (field === 'name') add('service-level', 'owner.name', 'error', 'charterProblem.ownerName');
      else if (field === 'email') add('service-level', 'owner.email', 'error', 'charterProblem.ownerEmail');
      else if (field === 'phone') add('service-level', 'owner.phone', 'error', 'charterProblem.ownerPhone');
    }
  if (!richTextToPlain(charter.vision).trim())
    add('service-level', 'vision', 'error', 'charterProblem.vision');

  // 2. Commitments
  if (charter.commitments.length === 0)
    add('commitments', 'commitments', 'error', 'charterProblem.noCommitments');
  charter.commitments.forEach((c, i) => {
    const n = i + 1;
    if (!c.what.trim())
      add('commitments', `commitments[${i}].what`, 'error', 'charterProblem.commitmentWhat', { n });
    for (const finding of lintPromise(`${c.what} ${c.trigger}`))
      add('commitments', `commitments[${i}].what`, 'warning', 'charterProblem.commitmentVague', {
        n,
        term: finding.term,
        suggestion: finding.suggestion,
      });
    // 3. Readiness
    if (c.readiness !== 'confirmed')
      add('readiness', `commitments[${i}].readiness`, 'error', 'charterProblem.readiness', { n });
    // 5. Buffer
    if (!commitmentBuffer(c).stricter)
      add('buffer', `commitments[${i}].internal`, 'warning', 'charterProblem.noBuffer', { n });
  });

  // 4. Before / during / after
  const checkInCodes = {
    before: 'charterProblem.checkInBefore',
    during: 'charterProblem.checkInDuring',
    after: 'charterProblem.checkInAfter',
  } as const;
  for (const phase of ['before', 'during', 'after'] as const)
    if (charter.checkIns[phase].length === 0)
      add('phases', `checkIns.${phase}`, 'warning', checkInCodes[phase]);

  // 6. Moments that matter
  const moments = charter.moments.length;
  if (moments < MIN_MOMENTS || moments > MAX_MOMENTS)
    add('moments', 'moments', moments === 0 ? 'error' : 'warning', 'charterProblem.momentCount', {
      min: MIN_MOMENTS,
      max: MAX_MOMENTS,
      count: moments,
    });
  charter.moments.forEach((m, i) => {
    if (!m.message.trim())
      add('moments', `moments[${i}].message`, 'warning', 'charterProblem.momentMessage', { n: i + 1 });
    for (const finding of lintPromise(m.message))
      add('moments', `moments[${i}].message`, 'warning', 'charterProblem.momentVague', {
        n: i + 1,
        term: finding.term,
        suggestion: finding.suggestion,
      });
  });

  // 7. Recovery playbook
  if (charter.recovery.steps.length === 0)
    add('recovery', 'recovery.steps', 'error', 'charterProblem.noRecovery');

  // 8. Instead of "I can't"
  if (charter.alternatives.length === 0)
    add('alternatives', 'alternatives', 'warning', 'charterProblem.noAlternatives');
  charter.alternatives.forEach((a, i) => {
    if (a.offers.filter((o) => o.trim()).length === 0)
      add('alternatives', `alternatives[${i}].offers`, 'warning', 'charterProblem.alternativeOffers', {
        n: i + 1,
      });
  });

  // 9. After-sales plan
  if (!charter.afterSales.orderCheck.practice.trim())
    add('after-sales', 'afterSales.orderCheck.practice', 'warning', 'charterProblem.orderCheck');
  if (!richTextToPlain(charter.afterSales.careTips).trim())
    add('after-sales', 'afterSales.careTips', 'warning', 'charterProblem.careTips');
  if (!charter.lostSale.message.trim())
    add('after-sales', 'lostSale.message', 'warning', 'charterProblem.lostSale');

  // In step order, as documented; within a step, in the order found.
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => STEP_IDS.indexOf(a.p.step) - STEP_IDS.indexOf(b.p.step) || a.i - b.i)
    .map(({ p }) => p);
}

/** True for each step that has no blocking problem and has been filled in. */
export function stepCompletion(charter: Charter): Record<StepId, boolean> {
  const problems = charterProblems(charter);
  const blocked = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.step));
  const filled: Record<StepId, boolean> = {
    'service-level': true,
    commitments: charter.commitments.length > 0,
    readiness: charter.commitments.length > 0,
    phases: (['before', 'during', 'after'] as const).every((p) => charter.checkIns[p].length > 0),
    buffer: charter.commitments.length > 0 && charter.commitments.every((c) => commitmentBuffer(c).stricter),
    moments: charter.moments.length >= MIN_MOMENTS,
    recovery: charter.recovery.steps.length > 0,
    alternatives: charter.alternatives.length > 0,
    'after-sales': !problems.some((p) => p.step === 'after-sales'),
    review: !problems.some((p) => p.severity === 'error'),
  };
  return Object.fromEntries(STEP_IDS.map((id) => [id, filled[id] && !blocked.has(id)])) as Record<
    StepId,
    boolean
  >;
}
