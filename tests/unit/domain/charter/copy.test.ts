import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../../src/domain/charter/charter';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import type { Locale } from '../../../../src/domain/common';
import {
  describeCommitment,
  describeDeadline,
  describeAmount,
  describeDuration,
  describeEvery,
  describeInternalTarget,
} from '../../../../src/domain/charter/commitment-text';
import { momentWhen } from '../../../../src/domain/charter/handover';
import { fillMessage } from '../../../../src/domain/charter/message';
import { restore } from '../../../../src/domain/interchange/restore';
import { charterMessage, fillWords } from '../../../../src/i18n/charter-message';
import type { Message } from '../../../../src/domain/text/message';
import { dealTimeline } from '../../../../src/domain/tracker/deal-timeline';
import { stepMessage } from '../../../../src/domain/tracker/step-message';
import type { TimelineStep } from '../../../../src/domain/tracker/deal-timeline';
import type { Deal } from '../../../../src/domain/tracker/tracker';
import { createI18n } from '../../../../src/lib/i18n';

// Every sentence and message a customer can receive, generated from every template for a few sample deals,
// checked for the defects issue 14 listed; then exact sentences, worked out by hand from the templates.

const TEMPLATES_DIR = fileURLToPath(new URL('../../../../templates/', import.meta.url));

function loadTemplate(fileName: string): Charter {
  const result = restore(JSON.parse(readFileSync(`${TEMPLATES_DIR}${fileName}`, 'utf8')) as unknown);
  if (!result.ok) throw new Error(`${fileName}: ${JSON.stringify(result.errors)}`);
  return result.backup.charters[0]!;
}

const templates = readdirSync(TEMPLATES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, charter: loadTemplate(name) }));

const at = '2026-11-22T00:00:00.000Z';
const deal = (over: Partial<Deal>): Deal => ({
  id: 'd1',
  customerId: 'cu1',
  charterId: 'ch1',
  product: '',
  status: 'won',
  openedOn: '2026-11-01',
  closedOn: '2026-11-20',
  deliveryOn: '2026-12-03',
  value: null,
  notes: '',
  timelineDone: [],
  createdAt: at,
  updatedAt: at,
  ...over,
});

/** Sample deals: won with and without a delivery date, lost; products per language. */
const DEALS: Record<Locale, Deal[]> = {
  ko: [
    deal({ product: '쏘렌토 하이브리드' }),
    deal({ product: '냉장고', deliveryOn: null }),
    deal({ product: '종신보험', status: 'lost', deliveryOn: null }),
    deal({ product: '', deliveryOn: null }),
  ],
  en: [
    deal({ product: 'Sorento Hybrid' }),
    deal({ product: 'Bosch fridge', deliveryOn: null }),
    deal({ product: 'life policy', status: 'lost', deliveryOn: null }),
    deal({ product: '', deliveryOn: null }),
  ],
};
// With and without a final consonant, a name typed with its honorific, an English name, no name.
const CUSTOMERS = ['김지현', '이서연', '박민준 고객님', '최수아님', 'Kim', ''];

/** The message of `step` as the timeline and the .ics fill it (timeline-step.tsx, deal-calendar.ts). */
function filled(step: TimelineStep, d: Deal, customer: string, charter: Charter): string {
  const { formatCalendarDate } = createI18n(charter.locale);
  return fillMessage(
    step.message,
    {
      customer,
      product: d.product,
      date: step.date ? formatCalendarDate(step.date) : '',
      delivery: d.deliveryOn ? formatCalendarDate(d.deliveryOn) : '',
      owner: charter.owner.name,
    },
    fillWords,
  );
}

const HANDOVERS = ['delivery', 'installation', 'move-in', 'closing', 'go-live', 'policy-delivery'] as const;

/** Every customer-facing sentence made from `charter`'s commitments and after-sales plan. */
function sentencesOf(charter: Charter): string[] {
  const locale = charter.locale;
  const out: Message[] = [];
  for (const c of charter.commitments) {
    out.push(describeCommitment(c, locale), describeDeadline(c, locale), describeInternalTarget(c, locale));
    if (c.kind === 'amount') out.push(describeAmount(c.promised, locale), describeAmount(c.internal, locale));
    else if (c.kind === 'by-date') {
      if (c.internalLead) out.push(describeDuration(c.internalLead, c.businessTime));
    } else out.push(describeDuration(c.promised, c.businessTime));
  }
  const a = charter.afterSales;
  out.push(
    describeDuration(a.orderCheck.delayNoticeWithin),
    describeDuration(a.firstUse.after),
    describeEvery(a.serviceFollowUp.every),
    describeDuration(charter.lostSale.within),
  );
  for (const m of charter.moments) for (const h of HANDOVERS) out.push(momentWhen(m, h));
  return out.map((m) => charterMessage(locale, m));
}

const OWNERS: Record<Locale, string[]> = { ko: ['', '최유진', '김민수'], en: ['', 'Jamie Park'] };

/** Every message filled for every sample deal, customer and owner name (templates ship without one). */
function messagesOf(template: Charter): string[] {
  const out: string[] = [];
  for (const owner of OWNERS[template.locale]) {
    const charter = { ...template, owner: { ...template.owner, name: owner } };
    for (const d of DEALS[charter.locale])
      for (const step of dealTimeline(d, charter))
        for (const customer of CUSTOMERS)
          if (step.message.trim()) out.push(filled(step, d, customer, charter));
  }
  return out;
}

const FORBIDDEN = ['(으)', '(를)', '(을)', '(가)', '(이)', '(s)', '님님', '최소 0', '{', '}'];

/** True when a parenthesis opens inside another (any of ( [ and their full-width forms). */
export function hasNestedParentheses(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '（') {
      depth += 1;
      if (depth > 1) return true;
    } else if ((ch === ')' || ch === '）') && depth > 0) depth -= 1;
  }
  return false;
}

// Defects a filled-in neutral word could make: a doubled determiner, the owner introduced as himself,
// a signature with no name, a doubled space.
const CLUMSY = [
  /\b(your|the|a|new) (your|the)\b/i,
  /담당자인 담당자/,
  /[-–—] (me|담당자|저)( 드림)?$/,
  / {2}/,
  /\bundefined\b|\bNaN\b/,
];

function defectsIn(text: string): string[] {
  const found = FORBIDDEN.filter((f) => text.includes(f));
  if (hasNestedParentheses(text)) found.push('nested parentheses');
  for (const pattern of CLUMSY) if (pattern.test(text)) found.push(String(pattern));
  return found;
}

describe('hasNestedParentheses', () => {
  it('finds a parenthesis inside a parenthesis, not two side by side', () => {
    expect(hasNestedParentheses('(시작: 견적 요청(전화, 매장 방문))')).toBe(true);
    expect(hasNestedParentheses('a (b) c (d)')).toBe(false);
    expect(hasNestedParentheses('a ((b))')).toBe(true);
    expect(hasNestedParentheses('no brackets')).toBe(false);
  });
});

describe.each(templates)('$name: generated copy', ({ charter }) => {
  it('fills a message on Today exactly as on the timeline and in the .ics', () => {
    const { formatCalendarDate } = createI18n(charter.locale);
    for (const d of DEALS[charter.locale])
      for (const step of dealTimeline(d, charter)) {
        const today = stepMessage(step, {
          customer: null,
          deal: d,
          charter,
          formattedDate: step.date ? formatCalendarDate(step.date) : '',
          formattedDelivery: d.deliveryOn ? formatCalendarDate(d.deliveryOn) : '',
          words: fillWords,
        });
        expect(today).toBe(filled(step, d, '', charter));
      }
  });

  it('has no defect in any sentence', () => {
    const bad = sentencesOf(charter)
      .map((s) => ({ s, defects: defectsIn(s) }))
      .filter((x) => x.defects.length > 0);
    expect(bad).toEqual([]);
  });

  it('has no defect in any message filled for a sample deal', () => {
    const messages = messagesOf(charter);
    expect(messages.length).toBeGreaterThan(0);
    const bad = messages.map((s) => ({ s, defects: defectsIn(s) })).filter((x) => x.defects.length > 0);
    expect(bad).toEqual([]);
  });
});

// ---- Exact sentences, worked out by hand from the templates and the rules of the sentence builder. ----

const byName = new Map(templates.map((t) => [t.name, t.charter]));
const template = (name: string): Charter => byName.get(`${name}.json`)!;
const commitment = (name: string, id: string): Commitment =>
  template(name).commitments.find((c) => c.id === id)!;
const sentence = (name: string, id: string) => {
  const charter = template(name);
  return charterMessage(charter.locale, describeCommitment(commitment(name, id), charter.locale));
};
const deadline = (name: string, id: string) =>
  charterMessage(template(name).locale, describeDeadline(commitment(name, id), template(name).locale));
/** Moment `momentId` (or the lost-sale letter) of template `name`, filled for one customer and deal. */
const message = (name: string, stepId: string, customer: string, owner: string, d: Deal) => {
  const charter = { ...template(name), owner: { ...template(name).owner, name: owner } };
  const step = dealTimeline(d, charter).find((s) => s.id === stepId)!;
  return filled(step, d, customer, charter);
};
const WON_KO = deal({ product: '쏘렌토 하이브리드' });
const WON_EN = deal({ product: 'Sorento Hybrid' });
const NO_DATE_KO = deal({ product: '쏘렌토 하이브리드', deliveryOn: null });
const NO_DATE_EN = deal({ product: 'Sorento Hybrid', deliveryOn: null });
const LOST = deal({ status: 'lost', deliveryOn: null });

describe('Korean copy, exactly', () => {
  it.each<[string, () => string, string]>([
    [
      'car-sales c1: trigger first, business hours',
      () => sentence('car-sales.ko', 'c1'),
      '부재중 전화 또는 문의 문자 후 영업시간 기준 4시간 이내에 제가 직접 답신드립니다.',
    ],
    [
      'car-sales c2: the trigger keeps its own parentheses, no second pair around it',
      () => sentence('car-sales.ko', 'c2'),
      '견적 요청(전화, 매장 방문, 온라인) 후 영업일 기준 1일 이내에 차량 가격, 옵션, 할인, 할부·리스 조건을 모두 담은 서면 견적서를 보내 드립니다.',
    ],
    [
      'car-sales c3: a promise that names its date gets no second one',
      () => sentence('car-sales.ko', 'c3'),
      '계약 때 고객님과 함께 정한 인도일까지 차량을 인도합니다.',
    ],
    [
      'car-sales c4: a cap per deal, never "최소 0원"',
      () => sentence('car-sales.ko', 'c4'),
      '등록·탁송 등 부대 비용 때문에 최종 청구 금액이 견적서보다 늘어나더라도, 늘어난 금액은 계약 때 안내한 한도를 넘기지 않습니다(거래당 100,000원 이하).',
    ],
    ['car-sales c4 deadline', () => deadline('car-sales.ko', 'c4'), '거래당 100,000원 이하'],
    [
      'car-sales c5',
      () => sentence('car-sales.ko', 'c5'),
      '차량 인도 후 3일 이내에 차량 기능 설정과 불편한 점을 확인하는 전화를 드립니다.',
    ],
    [
      'car-sales c7: a counter word after the number',
      () => sentence('car-sales.ko', 'c7'),
      '인도 후 1년 동안 안부와 차량 상태를 확인하는 연락을 드립니다(연 4회 이상).',
    ],
    ['car-sales c7 deadline', () => deadline('car-sales.ko', 'c7'), '연 4회 이상'],
    ['car-sales c1 deadline', () => deadline('car-sales.ko', 'c1'), '영업시간 기준 4시간 이내'],
    ['car-sales c3 deadline', () => deadline('car-sales.ko', 'c3'), '약속한 날짜까지'],
    [
      'car-sales c3 internal target',
      () => charterMessage('ko', describeInternalTarget(commitment('car-sales.ko', 'c3'), 'ko')),
      '약속한 날짜 영업일 기준 2일 전',
    ],
    [
      'insurance c3: by the agreed date',
      () => sentence('insurance-planner.ko', 'c3'),
      '고객님과 약속한 날짜까지 기존 보험 보장 분석표를 전달합니다.',
    ],
    [
      'insurance c6: once a year',
      () => sentence('insurance-planner.ko', 'c6'),
      '해마다 보장 점검 상담을 해 드립니다(연 1회 이상).',
    ],
    [
      'real-estate c4: twice a month',
      () => sentence('real-estate.ko', 'c4'),
      '매도·임대를 맡기신 고객님께 광고 현황과 문의·방문 건수를 보고드립니다(월 2회 이상).',
    ],
    [
      'real-estate c6',
      () => sentence('real-estate.ko', 'c6'),
      '잔금 지급 후 14일 이내에 소유권 이전 등기나 확정일자가 마무리되었는지 확인해 알려 드립니다.',
    ],
    [
      'every day, never "1일마다"',
      () => charterMessage('ko', describeEvery({ value: 1, unit: 'days' })),
      '매일',
    ],
    ['every 2 days', () => charterMessage('ko', describeEvery({ value: 2, unit: 'days' })), '2일마다'],
    ['a week', () => charterMessage('ko', describeDuration({ value: 1, unit: 'weeks' })), '1주'],
    [
      'a moment before the handover, as a trade says it',
      () => charterMessage('ko', momentWhen({ anchor: 'delivery', offsetDays: -3 }, 'move-in')),
      '입주 3일 전',
    ],
    [
      'a moment on signing day',
      () => charterMessage('ko', momentWhen({ anchor: 'deal-won', offsetDays: 0 }, 'go-live')),
      '계약 당일',
    ],
    [
      'car-sales m3 for 김지현: {delivery} is the delivery date, not the moment’s own date',
      () => message('car-sales.ko', 'moment:m3', '김지현', '최유진', WON_KO),
      '김지현님, 쏘렌토 하이브리드가 출고되어 2026. 12. 3.에 인도해 드릴 예정입니다. 인도 때 신분증과 보험 가입 확인서를 준비해 주시면 됩니다. 원하시는 장소와 시간을 말씀해 주십시오.',
    ],
    [
      'car-sales m3 without a delivery date: neutral words',
      () => message('car-sales.ko', 'moment:m3', '이서연', '최유진', NO_DATE_KO),
      '이서연님, 쏘렌토 하이브리드가 출고되어 약속한 날에 인도해 드릴 예정입니다. 인도 때 신분증과 보험 가입 확인서를 준비해 주시면 됩니다. 원하시는 장소와 시간을 말씀해 주십시오.',
    ],
    [
      'car-sales m8: 을 after 최유진 (final consonant)',
      () => message('car-sales.ko', 'moment:m8', '이서연', '최유진', WON_KO),
      '이서연님, 쏘렌토 하이브리드와 함께한 석 달은 어떠셨나요? 주변에 차를 알아보시는 분이 계시면 최유진을 소개해 주십시오. 고객님께 해 드린 것처럼 정성껏 모시겠습니다.',
    ],
    [
      'car-sales m8: 를 after 김민수 (no final consonant)',
      () => message('car-sales.ko', 'moment:m8', '김지현', '김민수', WON_KO),
      '김지현님, 쏘렌토 하이브리드와 함께한 석 달은 어떠셨나요? 주변에 차를 알아보시는 분이 계시면 김민수를 소개해 주십시오. 고객님께 해 드린 것처럼 정성껏 모시겠습니다.',
    ],
    [
      'insurance m5: 이 after 최유진, 가 after 김민수',
      () =>
        [
          message('insurance-planner.ko', 'moment:m5', '김지현', '최유진', WON_KO),
          message('insurance-planner.ko', 'moment:m5', '김지현', '김민수', WON_KO),
        ]
          .map((m) => m.slice(m.lastIndexOf('어려우시면')))
          .join(' / '),
      '어려우시면 최유진이 함께 해 드리겠습니다. / 어려우시면 김민수가 함께 해 드리겠습니다.',
    ],
    [
      'car-sales m5: 으로 after a model number read aloud (6 = 육)',
      () =>
        message('car-sales.ko', 'moment:m5', '김지현', '최유진', deal({ product: '아이오닉 6' })).split(
          '?',
        )[0]!,
      '김지현님, 아이오닉 6으로 며칠 운전해 보시니 어떠신가요',
    ],
    [
      'car-sales m6: 을 after a model number (6 = 육), 를 after a letter name (X5 = 엑스오)',
      () =>
        ['아이오닉 6', 'BMW X5']
          .map((product) => message('car-sales.ko', 'moment:m6', '김지현', '최유진', deal({ product })))
          .map((m) => m.split(' 오래')[0]!)
          .join(' / '),
      '김지현님, 아이오닉 6을 / 김지현님, BMW X5를',
    ],
    [
      'car-sales m3 with no product named: the trade’s word, not "제품 차량"',
      () =>
        message('car-sales.ko', 'moment:m3', '김지현', '최유진', deal({ product: '' })).split(' 인도 때')[0]!,
      '김지현님, 차량이 출고되어 2026. 12. 3.에 인도해 드릴 예정입니다.',
    ],
    [
      'electronics m6 with no product named: "제품을", not "제품 제품을"',
      () =>
        message('electronics-retail.ko', 'moment:m6', '김지현', '최유진', deal({ product: '' })).split(
          ' 오래',
        )[0]!,
      '김지현님, 제품을',
    ],
    [
      'insurance c5: one time limit, not a second one ("철회 기간이 끝나기 전에") after it',
      () => sentence('insurance-planner.ko', 'c5'),
      '증권 수령 후 10일 이내에 가입 내용에 만족하시는지 여쭙고, 마음이 바뀌셨다면 청약 철회를 도와 드립니다.',
    ],
    [
      'insurance m1 with no product named: 보험 청약',
      () =>
        message('insurance-planner.ko', 'moment:m1', '김지현', '최유진', deal({ product: '' })).split(
          ' 보험사',
        )[0]!,
      '김지현님, 보험 청약이 접수되었습니다.',
    ],
    [
      'real-estate m3 names the closing date',
      () => message('real-estate.ko', 'moment:m3', '김지현', '최유진', WON_KO).split(' 신분증')[0]!,
      '김지현님, 2026. 12. 3.이 잔금일입니다.',
    ],
    [
      'real-estate m3 without a date still says when',
      () => message('real-estate.ko', 'moment:m3', '김지현', '최유진', NO_DATE_KO).split(' 신분증')[0]!,
      '김지현님, 사흘 뒤가 잔금일입니다.',
    ],
    [
      'car-sales m2 without a delivery date: not "예상 인도일은 약속한 날입니다"',
      () => message('car-sales.ko', 'moment:m2', '김지현', '최유진', NO_DATE_KO).split(' 일정에')[0]!,
      '김지현님, 쏘렌토 하이브리드의 진행 상황을 알려 드립니다. 현재 예상 인도일은 아직 확정 전입니다.',
    ],
    [
      'a name typed with its honorific is not doubled',
      () => message('car-sales.ko', 'moment:m4', '박민준 고객님', '최유진', WON_KO).split(',')[0]!,
      '박민준님',
    ],
    [
      'car-sales m4 with no owner name: the signature is dropped, not "– 담당자 드림"',
      () => message('car-sales.ko', 'moment:m4', '김지현', '', WON_KO),
      '김지현님, 쏘렌토 하이브리드 인도를 축하드립니다! 오늘 설명드린 기능 중 다시 보고 싶은 부분이 있으면 편하게 연락 주십시오. 안전한 첫 주행 되시길 바랍니다.',
    ],
    [
      'car-sales m1 with no owner name: the owner speaks for himself',
      () => message('car-sales.ko', 'moment:m1', '', '', WON_KO),
      '고객님, 쏘렌토 하이브리드 계약을 진심으로 감사드립니다. 생산·배정 일정을 확인해 3영업일 안에 예상 인도일을 알려 드리겠습니다. 궁금하신 점은 언제든 저에게 연락 주십시오.',
    ],
    [
      'car-sales m7: {date} is the moment’s own date (delivery + 150 days)',
      () => message('car-sales.ko', 'moment:m7', '김지현', '최유진', WON_KO).split('. 원하시는')[0]!,
      '김지현님, 쏘렌토 하이브리드의 첫 정기점검 권장 시기가 2027. 5. 2. 무렵입니다',
    ],
    [
      'real-estate m2: the handover date inside the template’s own parentheses',
      () =>
        message('real-estate.ko', 'moment:m2', '김지현', '최유진', deal({ product: '래미안 101동 1203호' })),
      '김지현님, 래미안 101동 1203호 잔금일(2026. 12. 3.)까지 남은 일정을 점검해 드립니다. 대출 심사 진행 상황과 중도금 입금 여부를 함께 확인하겠습니다.',
    ],
    [
      'car-sales lost-sale letter opens with the customer’s name',
      () => message('car-sales.ko', 'lost-sale', '이서연', '최유진', LOST).split('.')[0]!,
      '이서연님, 이번에는 다른 선택을 하셨다는 말씀 잘 들었습니다',
    ],
    [
      'car-sales lost-sale letter without a name',
      () => message('car-sales.ko', 'lost-sale', '', '최유진', LOST).split('.')[0]!,
      '고객님, 이번에는 다른 선택을 하셨다는 말씀 잘 들었습니다',
    ],
  ])('%s', (_label, make, expected) => {
    expect(make()).toBe(expected);
  });
});

describe('English copy, exactly', () => {
  it.each<[string, () => string, string]>([
    [
      'car-sales c1: first person, "of" before a noun trigger',
      () => sentence('car-sales.en', 'c1'),
      'I get back to you personally within 3 business hours of a missed call, text or email from you.',
    ],
    [
      'car-sales c2',
      () => sentence('car-sales.en', 'c2'),
      'I send a written, itemized out-the-door price including taxes, fees and any add-ons within 1 business day of a price request by phone, email or in person.',
    ],
    [
      'car-sales c3: the promise names its date, no "(by the date we agree on)"',
      () => sentence('car-sales.en', 'c3'),
      'I have your car ready, detailed and fully fueled or charged on the delivery date we agree.',
    ],
    [
      'car-sales c5',
      () => sentence('car-sales.en', 'c5'),
      'I call to make sure your phone, navigation and driver-assist features are set up the way you like within 3 days of delivery of your car.',
    ],
    [
      'car-sales c6',
      () => sentence('car-sales.en', 'c6'),
      'I send you a seasonal care guide for your model within 30 days of delivery of your car.',
    ],
    [
      'car-sales c7: plural by the number',
      () => sentence('car-sales.en', 'c7'),
      'I check in with you personally during your first year of ownership: at least 3 check-ins a year.',
    ],
    [
      'insurance c6: singular for one, never "1 reviews"',
      () => sentence('insurance-planner.en', 'c6'),
      'I review your coverage with you: at least 1 review a year.',
    ],
    ['insurance c6 deadline', () => deadline('insurance-planner.en', 'c6'), 'at least 1 review a year'],
    [
      'insurance c3: by the date we agree',
      () => sentence('insurance-planner.en', 'c3'),
      'I deliver your coverage review by the date we agree.',
    ],
    [
      'real-estate c4',
      () => sentence('real-estate.en', 'c4'),
      'I send sellers a written activity report on showings, feedback and online views: at least 2 reports a month.',
    ],
    [
      'real-estate c6',
      () => sentence('real-estate.en', 'c6'),
      'I send you a closing binder with your deed, settlement statement and warranty papers within 14 days of closing.',
    ],
    [
      'electronics c3: dollars without cents',
      () => sentence('electronics-retail.en', 'c3'),
      'I keep installation extras (brackets, longer cables, wall work) under the cap I quote at purchase: at most $75 per deal.',
    ],
    ['electronics c3 deadline', () => deadline('electronics-retail.en', 'c3'), 'at most $75 per deal'],
    ['car-sales c1 deadline', () => deadline('car-sales.en', 'c1'), 'within 3 business hours'],
    ['car-sales c3 deadline', () => deadline('car-sales.en', 'c3'), 'by the agreed date'],
    [
      'every day, never "every 1 day"',
      () => charterMessage('en', describeEvery({ value: 1, unit: 'days' })),
      'every day',
    ],
    ['every 3 days', () => charterMessage('en', describeEvery({ value: 3, unit: 'days' })), 'every 3 days'],
    [
      'one business day',
      () => charterMessage('en', describeDuration({ value: 1, unit: 'days' }, true)),
      '1 business day',
    ],
    [
      'a moment before the handover, as a trade says it',
      () => charterMessage('en', momentWhen({ anchor: 'delivery', offsetDays: -1 }, 'go-live')),
      '1 day before go-live',
    ],
    [
      'car-sales m3 for Kim: {delivery} is the delivery date',
      () => message('car-sales.en', 'moment:m3', 'Kim', 'Jamie Park', WON_EN),
      'Hi Kim, good news — your Sorento Hybrid has arrived and is being prepared for delivery on Dec 3, 2026. Please bring your driver’s license and proof of insurance. Let me know what time suits you best.',
    ],
    [
      'car-sales m2 without a delivery date: no date that says nothing ("the estimated date is the agreed date")',
      () => message('car-sales.en', 'moment:m2', 'Kim', 'Jamie Park', NO_DATE_EN),
      'Hi Kim, quick update on your Sorento Hybrid: the estimated delivery date is still being confirmed. If anything changes, you will hear it from me the same business day. — Jamie Park',
    ],
    [
      'car-sales m4 with no customer name',
      () => message('car-sales.en', 'moment:m4', '', 'Jamie Park', WON_EN),
      'Congratulations on your new Sorento Hybrid! If you want to go over any feature again, just text me — that is what I am here for. Enjoy the drive. — Jamie Park',
    ],
    [
      'car-sales m1 with no product and no owner name: no "your your", no "— me"',
      () => message('car-sales.en', 'moment:m1', 'Kim', '', deal({ product: '' })),
      'Hi Kim, thank you for choosing your new car. I will confirm the build slot and an estimated delivery date within 3 business days. Any question in the meantime, call or text me directly.',
    ],
    [
      'car-sales m7: {date} is the moment’s own date (delivery + 150 days)',
      () => message('car-sales.en', 'moment:m7', '', 'Jamie Park', WON_EN),
      'Hi there, your Sorento Hybrid is due for its first scheduled service around May 2, 2027. Reply with a day that works and I will book it with our service team for you.',
    ],
    [
      'real-estate m3: the handover date in the template’s own parentheses',
      () => message('real-estate.en', 'moment:m3', 'Kim', 'Jamie Park', deal({ product: '12 Elm Street' })),
      'Hi Kim, closing on 12 Elm Street is three days away (Dec 3, 2026). Please confirm your wire instructions by phone with the title company — never by email alone — and bring a photo ID. I will send the final walk-through time today.',
    ],
    [
      'insurance m3 with no product named: "your new policy", never "your purchase policy"',
      () =>
        message('insurance-planner.en', 'moment:m3', 'Kim', 'Jamie Park', deal({ product: '' })).split(
          ' Keep',
        )[0]!,
      'Hi Kim, here is your new policy along with a one-page summary of what it covers. Coverage starts on Dec 3, 2026.',
    ],
    [
      'insurance m5 with a product: the policy named once',
      () =>
        message(
          'insurance-planner.en',
          'moment:m5',
          'Kim',
          'Jamie Park',
          deal({ product: 'term life' }),
        ).split(':')[0]!,
      'Hi Kim, attached is a one-page guide to filing a claim under your term life policy',
    ],
    [
      'insurance c5: one time limit, not a second one ("while you can still cancel") beside it',
      () => sentence('insurance-planner.en', 'c5'),
      'I ask whether the policy is what you expected within 7 days after you receive your policy.',
    ],
    [
      'saas c4: a percentage needs no "per deal"',
      () => sentence('saas-account-management.en', 'c4'),
      'I keep the per-seat price increase at renewal within the cap in your contract: at most 5%.',
    ],
    ['saas c4 deadline', () => deadline('saas-account-management.ko', 'c4'), '5% 이하'],
    [
      'saas c1: "a first personal response", not "to every question … of a question"',
      () => sentence('saas-account-management.en', 'c1'),
      'I give you a first personal response within 4 business hours of a question from your team by email, chat or phone.',
    ],
    [
      'b2b m4 with no product named: the trade’s word',
      () =>
        message('b2b-equipment.en', 'moment:m4', 'Kim', 'Jamie Park', deal({ product: '' })).split('.')[0]!,
      'Hi Kim, the equipment is installed and commissioned',
    ],
    [
      'electronics m3 without a delivery date: not "tomorrow, the agreed date"',
      () =>
        message('electronics-retail.en', 'moment:m3', 'Kim', 'Jamie Park', NO_DATE_EN).split(' Please')[0]!,
      'Hi Kim, your Sorento Hybrid arrives tomorrow, as we agreed.',
    ],
    [
      'saas m1 with no product named',
      () =>
        message('saas-account-management.en', 'moment:m1', 'Kim', 'Jamie Park', deal({ product: '' })).split(
          '.',
        )[0]!,
      'Hi Kim, welcome aboard and thank you for choosing us',
    ],
    [
      'car-sales lost-sale letter opens with the customer’s name',
      () => message('car-sales.en', 'lost-sale', 'Kim', 'Jamie Park', LOST).split(' —')[0]!,
      'Hi Kim, thank you for letting me know you have decided to go another way',
    ],
    [
      'car-sales lost-sale letter without a name',
      () => message('car-sales.en', 'lost-sale', '', 'Jamie Park', LOST).split(' —')[0]!,
      'Hi there, thank you for letting me know you have decided to go another way',
    ],
  ])('%s', (_label, make, expected) => {
    expect(make()).toBe(expected);
  });
});
