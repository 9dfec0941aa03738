import type { Bilingual } from '../common';
import { richTextToPlain } from '../rich-text/rich-text';
import { commitmentBuffer } from './buffer';
import type { Charter } from './charter';
import { ownerContactSchema } from './charter';
import { lintPromise } from './promise-linter';
import type { StepId } from './steps';
import { STEP_IDS } from './steps';

/**
 * Something to fix (`error`: blocks publishing) or to consider (`warning`) before publishing, with the
 * step where it is fixed and the path of the field.
 */
export type Problem = { step: StepId; path: string; severity: 'error' | 'warning'; message: Bilingual };

const MIN_MOMENTS = 5;
const MAX_MOMENTS = 10;

/** Every problem of `charter` against what a publishable charter needs, in step order. */
export function charterProblems(charter: Charter): Problem[] {
  const problems: Problem[] = [];
  const add = (step: StepId, path: string, severity: Problem['severity'], en: string, ko: string) =>
    problems.push({ step, path, severity, message: { en, ko } });

  // 1. Service level and vision
  if (!charter.title.trim())
    add('service-level', 'title', 'error', 'Give the charter a title.', '헌장 제목을 적으세요.');
  const contact = ownerContactSchema.safeParse(charter.owner);
  if (!contact.success)
    for (const issue of contact.error.issues) {
      const field = String(issue.path[0]);
      if (field === 'name') add('service-level', 'owner.name', 'error', 'Add your name.', '이름을 적으세요.');
      else if (field === 'email')
        add('service-level', 'owner.email', 'error', 'Fix the email address.', '이메일 주소를 고치세요.');
      else if (field === 'phone')
        add('service-level', 'owner.phone', 'error', 'Fix the phone number.', '전화번호를 고치세요.');
    }
  if (!richTextToPlain(charter.vision).trim())
    add('service-level', 'vision', 'error', 'Write your service vision.', '서비스 비전을 적으세요.');

  // 2. Commitments
  if (charter.commitments.length === 0)
    add(
      'commitments',
      'commitments',
      'error',
      'Add at least one commitment.',
      '약속을 하나 이상 추가하세요.',
    );
  charter.commitments.forEach((c, i) => {
    const n = i + 1;
    if (!c.what.trim())
      add(
        'commitments',
        `commitments[${i}].what`,
        'error',
        `Commitment ${n}: say what you promise.`,
        `약속 ${n}: 무엇을 약속하는지 적으세요.`,
      );
    for (const finding of lintPromise(`${c.what} ${c.trigger}`))
      add(
        'commitments',
        `commitments[${i}].what`,
        'warning',
        `Commitment ${n}: “${finding.term}” is vague. ${finding.suggestion.en}`,
        `약속 ${n}: “${finding.term}”은(는) 모호합니다. ${finding.suggestion.ko}`,
      );
    // 3. Readiness
    if (c.readiness !== 'confirmed')
      add(
        'readiness',
        `commitments[${i}].readiness`,
        'error',
        `Commitment ${n}: confirm you can keep it every time, or lower the promise.`,
        `약속 ${n}: 매번 지킬 수 있는지 확인하거나 약속을 낮추세요.`,
      );
    // 5. Buffer
    if (!commitmentBuffer(c).stricter)
      add(
        'buffer',
        `commitments[${i}].internal`,
        'warning',
        `Commitment ${n}: your internal target is not stricter than the promise, so there is no buffer.`,
        `약속 ${n}: 내부 목표가 약속보다 엄격하지 않아 여유가 없습니다.`,
      );
  });

  // 4. Before / during / after
  for (const phase of ['before', 'during', 'after'] as const)
    if (charter.checkIns[phase].length === 0) {
      const names = {
        before: ['before the deal', '거래 전'],
        during: ['during the deal', '거래 중'],
        after: ['after the deal', '거래 후'],
      }[phase];
      add(
        'phases',
        `checkIns.${phase}`,
        'warning',
        `Plan at least one check-in ${names[0]}.`,
        `${names[1]} 연락 계획을 하나 이상 세우세요.`,
      );
    }

  // 6. Moments that matter
  const moments = charter.moments.length;
  if (moments < MIN_MOMENTS || moments > MAX_MOMENTS)
    add(
      'moments',
      'moments',
      moments === 0 ? 'error' : 'warning',
      `Choose ${MIN_MOMENTS} to ${MAX_MOMENTS} moments that matter (now ${moments}).`,
      `중요한 순간을 ${MIN_MOMENTS}~${MAX_MOMENTS}개 고르세요(현재 ${moments}개).`,
    );
  charter.moments.forEach((m, i) => {
    if (!m.message.trim())
      add(
        'moments',
        `moments[${i}].message`,
        'warning',
        `Moment ${i + 1}: write the message.`,
        `순간 ${i + 1}: 메시지를 적으세요.`,
      );
    for (const finding of lintPromise(m.message))
      add(
        'moments',
        `moments[${i}].message`,
        'warning',
        `Moment ${i + 1}: “${finding.term}” is vague. ${finding.suggestion.en}`,
        `순간 ${i + 1}: “${finding.term}”은(는) 모호합니다. ${finding.suggestion.ko}`,
      );
  });

  // 7. Recovery playbook
  if (charter.recovery.steps.length === 0)
    add(
      'recovery',
      'recovery.steps',
      'error',
      'Add the steps you take when a promise is broken.',
      '약속을 지키지 못했을 때의 단계를 추가하세요.',
    );

  // 8. Instead of "I can't"
  if (charter.alternatives.length === 0)
    add(
      'alternatives',
      'alternatives',
      'warning',
      'List requests you cannot grant and what you offer instead.',
      '들어드릴 수 없는 요청과 대신 제안할 것을 적으세요.',
    );
  charter.alternatives.forEach((a, i) => {
    if (a.offers.filter((o) => o.trim()).length === 0)
      add(
        'alternatives',
        `alternatives[${i}].offers`,
        'warning',
        `Request ${i + 1}: add at least one alternative.`,
        `요청 ${i + 1}: 대안을 하나 이상 적으세요.`,
      );
  });

  // 9. After-sales plan
  if (!charter.afterSales.orderCheck.practice.trim())
    add(
      'after-sales',
      'afterSales.orderCheck.practice',
      'warning',
      'Say how you watch open orders.',
      '진행 중인 주문을 어떻게 점검하는지 적으세요.',
    );
  if (!richTextToPlain(charter.afterSales.careTips).trim())
    add(
      'after-sales',
      'afterSales.careTips',
      'warning',
      'Write care and usage tips.',
      '보호 및 사용 정보를 적으세요.',
    );
  if (!charter.lostSale.message.trim())
    add(
      'after-sales',
      'lostSale.message',
      'warning',
      'Write what you say after a lost sale.',
      '거래가 성사되지 않았을 때 드릴 말씀을 적으세요.',
    );

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
