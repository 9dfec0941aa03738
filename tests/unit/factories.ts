// Test-data factories: each returns a valid, realistic value and takes overrides for what a test cares about.
// Ids come from a counter and times are fixed instants, so every run builds the same data.
import { defaultCharter } from '../../src/domain/charter/charter';
import { defaultBusinessCalendar } from '../../src/domain/tracker/business-calendar';
import type { Charter, PublishedCharter, RecoveryStep } from '../../src/domain/charter/charter';
import { defaultCommitment } from '../../src/domain/charter/commitment';
import type { Commitment, CommitmentKind } from '../../src/domain/charter/commitment';
import { BACKUP_FORMAT, CURRENT_VERSION } from '../../src/domain/interchange/backup';
import type { Backup } from '../../src/domain/interchange/backup';
import type { RichTextDoc } from '../../src/domain/rich-text/rich-text';
import type { Customer, Deal, DeliveryRecord, RecoveryCase } from '../../src/domain/tracker/tracker';

/** Fixed instants used by the factories (Monday 2 March 2026, 09:00 in Seoul is 00:00 UTC). */
export const T = {
  created: '2026-03-02T00:00:00.000Z',
  updated: '2026-03-05T06:30:00.000Z',
  published: '2026-03-06T01:00:00.000Z',
  exported: '2026-04-01T12:00:00.000Z',
} as const;

let counter = 0;

/** The next id with `prefix`: `customer-1`, `deal-2`, … (one counter for all prefixes). */
export function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Restarts the id counter (call in `beforeEach` when a test compares ids literally). */
export function resetIds(): void {
  counter = 0;
}

type CommitmentOf<K extends CommitmentKind> = Extract<Commitment, { kind: K }>;

/** Realistic Korean content per kind, layered on `defaultCommitment`. */
function commitmentContent(id: string, kind: CommitmentKind): Commitment {
  const base = defaultCommitment(id, kind);
  switch (base.kind) {
    case 'within':
      return {
        ...base,
        what: '부재중 전화에 회신합니다',
        trigger: '고객의 부재중 전화',
        measuredBy: '통화 기록의 부재중 시각과 회신 시각',
        readiness: 'confirmed',
        promised: { value: 4, unit: 'hours' },
        internal: { value: 1, unit: 'hours' },
      };
    case 'by-date':
      return {
        ...base,
        what: '고객과 합의한 날짜에 차량을 인도합니다',
        trigger: '계약 체결',
        measuredBy: '인도 확인서의 날짜',
        readiness: 'confirmed',
        internalLead: { value: 2, unit: 'days' },
      };
    case 'amount':
      return {
        ...base,
        what: '청구 금액은 견적 금액을 넘지 않습니다',
        trigger: '견적서 발송',
        measuredBy: '견적서와 청구서의 금액 비교',
        readiness: 'confirmed',
        direction: 'at-most',
        promised: { value: 3_000_000, unit: 'KRW', label: '' },
        internal: { value: 2_950_000, unit: 'KRW', label: '' },
      };
    case 'done':
      return {
        ...base,
        what: '인도 30일 후 차량 관리 안내를 보냅니다',
        trigger: '차량 인도',
        measuredBy: '문자 발송 기록',
        readiness: 'unconfirmed',
        promised: { value: 30, unit: 'days' },
        internal: { value: 25, unit: 'days' },
      };
  }
}

/** A valid commitment of `kind` with Korean content; `overrides` replace top-level fields. */
export function createCommitment<K extends CommitmentKind>(
  kind: K,
  overrides: Partial<CommitmentOf<K>> = {},
): CommitmentOf<K> {
  const id = overrides.id ?? nextId('commitment');
  return { ...(commitmentContent(id, kind) as CommitmentOf<K>), ...overrides };
}

const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  content: [{ type: 'text' as const, text }],
});

/** A vision with a bold phrase, a safe link and a bullet list (no empty paragraphs). */
export function createVision(): RichTextDoc {
  return {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '서비스는 다른 부서의 일이 아니라 ' },
          { type: 'text', text: '저의 책임', marks: [{ type: 'bold' }] },
          { type: 'text', text: '입니다. 자세한 기준은 ' },
          {
            type: 'text',
            text: '제 홈페이지',
            marks: [{ type: 'link', attrs: { href: 'https://example.com/charter' } }],
          },
          { type: 'text', text: '에 있습니다.' },
        ],
      },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph('약속은 적게, 실천은 더 많이')] },
          { type: 'listItem', content: [paragraph('문제가 생기면 먼저 연락드립니다')] },
        ],
      },
    ],
  };
}

/**
 * A valid, filled-in Korean draft charter: owner, vision, one commitment of each kind (within, by-date,
 * done, amount — in that order), check-ins, moments, recovery steps, alternatives and after-sales.
 */
export function createCharter(overrides: Partial<Charter> = {}): Charter {
  const id = overrides.id ?? nextId('charter');
  const charter = defaultCharter({ id, now: T.created, locale: 'ko', title: '김민준의 서비스 헌장' });
  return {
    ...charter,
    updatedAt: T.updated,
    owner: {
      name: '김민준',
      role: '영업 컨설턴트',
      company: '한빛자동차 강남지점',
      phone: '010-1234-5678',
      email: 'minjun.kim@example.com',
      website: 'https://example.com/minjun',
      photo: null,
    },
    serviceLevel: { tier: 'exceptional', ownsService: true },
    vision: createVision(),
    commitments: [
      createCommitment('within'),
      createCommitment('by-date'),
      createCommitment('done'),
      createCommitment('amount'),
    ],
    checkIns: {
      before: [
        {
          id: nextId('checkin'),
          action: '시승 후 궁금한 점 확인 전화',
          timing: '시승 다음 날',
          channel: 'call',
        },
      ],
      during: [
        { id: nextId('checkin'), action: '출고 일정 안내', timing: '계약 후 매주 월요일', channel: 'sms' },
      ],
      after: [
        { id: nextId('checkin'), action: '첫 정기점검 안내', timing: '인도 6개월 후', channel: 'messenger' },
      ],
    },
    moments: [
      {
        id: nextId('moment'),
        kind: 'order-received',
        label: '주문 접수',
        anchor: 'deal-won',
        offsetDays: 0,
        channel: 'sms',
        message: '{customer}님, {product} 주문이 접수되었습니다. 출고 예정일은 {date}입니다. - {owner}',
      },
      {
        id: nextId('moment'),
        kind: 'first-use',
        label: '첫 사용 확인',
        anchor: 'delivery',
        offsetDays: 3,
        channel: 'call',
        message: '{customer}님, {product} 사용하시는 데 불편한 점은 없으신가요?',
      },
    ],
    recovery: {
      promise: '약속을 지키지 못하면 숨지 않고 먼저 찾아가겠습니다.',
      steps: [
        {
          id: nextId('step'),
          action: '직접 전화로 사과하고 상황 설명',
          within: { value: 2, unit: 'hours' },
          seriousOnly: false,
        },
        {
          id: nextId('step'),
          action: '해결 방안과 새 일정 제시',
          within: { value: 1, unit: 'days' },
          seriousOnly: false,
        },
      ],
    },
    alternatives: [
      {
        id: nextId('alternative'),
        request: '추가 가격 할인',
        offers: ['무상 점검 쿠폰', '블랙박스 설치 지원'],
      },
    ],
    afterSales: {
      ...charter.afterSales,
      orderCheck: {
        practice: '매일 아침 미출고 주문을 확인합니다.',
        delayNoticeWithin: { value: 4, unit: 'hours' },
      },
      careTips: { type: 'doc', content: [paragraph('겨울철에는 타이어 공기압을 매달 확인하세요.')] },
      businessHelp: { enabled: true, offers: ['법인 차량 운영비 절감 상담'] },
    },
    lostSale: {
      ...charter.lostSale,
      message: '이번에는 함께하지 못했지만, 의견을 들려주시면 큰 도움이 됩니다.',
    },
    ...overrides,
  };
}

/** A valid customer (Korean name, not archived). */
export function createCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: nextId('customer'),
    name: '이서연',
    company: '서연디자인',
    phone: '010-9876-5432',
    email: 'seoyeon@example.com',
    notes: '오전 통화 선호',
    archived: false,
    createdAt: T.created,
    updatedAt: T.created,
    ...overrides,
  };
}

/** A valid won deal; pass `customerId` (and `charterId`) to tie it into a backup. */
export function createDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    id: nextId('deal'),
    customerId: overrides.customerId ?? nextId('customer'),
    charterId: null,
    product: '아이오닉 6 롱레인지',
    status: 'won',
    openedOn: '2026-03-02',
    closedOn: '2026-03-10',
    deliveryOn: '2026-03-24',
    value: { amount: 52_000_000, currency: 'KRW' },
    notes: '',
    timelineDone: [],
    createdAt: T.created,
    updatedAt: T.updated,
    ...overrides,
  };
}

/** A valid delivery record kept on time (called back 65 minutes after a missed call, 4 h promised). */
export function createRecord(overrides: Partial<DeliveryRecord> = {}): DeliveryRecord {
  return {
    id: nextId('record'),
    charterId: overrides.charterId ?? nextId('charter'),
    commitmentId: overrides.commitmentId ?? nextId('commitment'),
    customerId: null,
    dealId: null,
    summary: '견적 문의 부재중 전화 회신',
    triggeredAt: '2026-03-03T05:05:00.000Z',
    dueAt: '2026-03-03T09:05:00.000Z',
    doneAt: '2026-03-03T06:10:00.000Z',
    actual: null,
    renegotiation: null,
    notes: '',
    createdAt: '2026-03-03T05:05:00.000Z',
    updatedAt: '2026-03-03T06:10:00.000Z',
    ...overrides,
  };
}

/** A published copy of `charter` as version `charter.version`. */
export function publish(charter: Charter, publishedAt: string = T.published): [Charter, PublishedCharter] {
  const published: Charter = { ...charter, status: 'published', publishedAt, updatedAt: publishedAt };
  return [
    published,
    { charterId: charter.id, version: charter.version, publishedAt, charter: structuredClone(published) },
  ];
}

/**
 * A valid backup: a published Korean charter (with its charterVersions entry) and an English draft,
 * two customers, three deals, four delivery records (one missed) and a recovery case for the missed one.
 * Every reference points at something in the file.
 */
export function createBackup(overrides: Partial<Backup> = {}): Backup {
  const [charter, version] = publish(createCharter());
  const draft = createCharter({
    locale: 'en',
    title: "Alex Park's service charter",
    commitments: [
      createCommitment('within', {
        what: 'Reply to every email',
        trigger: 'An email from a customer',
        measuredBy: 'Mailbox timestamps',
        promised: { value: 1, unit: 'days' },
        internal: { value: 4, unit: 'hours' },
      }),
    ],
  });
  const [within, byDate, done, amount] = charter.commitments as [
    Commitment,
    Commitment,
    Commitment,
    Commitment,
  ];
  const kim = createCustomer();
  const park = createCustomer({ name: '박지훈', company: '', email: 'jihoon.park@example.com', notes: '' });
  const won = createDeal({ customerId: kim.id, charterId: charter.id });
  const open = createDeal({
    customerId: park.id,
    charterId: charter.id,
    product: '팰리세이드 캘리그래피',
    status: 'open',
    closedOn: null,
    deliveryOn: null,
    value: null,
  });
  const lost = createDeal({
    customerId: park.id,
    charterId: null,
    product: '쏘나타 하이브리드',
    status: 'lost',
    deliveryOn: null,
    notes: 'Chose another dealer on price.',
  });
  const ref = { charterId: charter.id, customerId: kim.id, dealId: won.id };
  const kept = createRecord({ ...ref, commitmentId: within.id });
  const missed = createRecord({
    ...ref,
    commitmentId: byDate.id,
    summary: '합의한 인도일에 차량 인도',
    triggeredAt: '2026-03-10T02:00:00.000Z',
    dueAt: '2026-03-24T14:59:59.000Z',
    doneAt: '2026-03-26T03:00:00.000Z',
    notes: '탁송 지연',
    createdAt: '2026-03-10T02:00:00.000Z',
    updatedAt: '2026-03-26T03:00:00.000Z',
  });
  const billed = createRecord({
    ...ref,
    commitmentId: amount.id,
    summary: '견적 대비 청구 금액',
    triggeredAt: '2026-03-04T01:00:00.000Z',
    dueAt: '2026-03-10T02:00:00.000Z',
    doneAt: '2026-03-10T02:00:00.000Z',
    actual: 2_980_000,
    createdAt: '2026-03-04T01:00:00.000Z',
    updatedAt: '2026-03-10T02:00:00.000Z',
  });
  const renegotiated = createRecord({
    ...ref,
    commitmentId: done.id,
    summary: '차량 관리 안내 문자',
    triggeredAt: '2026-03-26T03:00:00.000Z',
    dueAt: '2026-04-25T03:00:00.000Z',
    doneAt: null,
    renegotiation: { at: '2026-03-30T00:00:00.000Z', newDueAt: '2026-05-01T00:00:00.000Z' },
    createdAt: '2026-03-26T03:00:00.000Z',
    updatedAt: '2026-03-30T00:00:00.000Z',
  });
  const [apologise, replan] = charter.recovery.steps as [RecoveryStep, RecoveryStep];
  const recoveryCase: RecoveryCase = {
    id: nextId('recovery'),
    recordId: missed.id,
    openedAt: '2026-03-25T00:00:00.000Z',
    steps: [
      { stepId: apologise.id, doneAt: '2026-03-25T01:00:00.000Z', note: '직접 전화로 사과드림' },
      { stepId: replan.id, doneAt: '2026-03-25T06:00:00.000Z', note: '3월 26일 오전 인도로 재약속' },
    ],
    closedAt: '2026-03-27T00:00:00.000Z',
    outcome: 'satisfied',
    notes: '인도 후 만족한다고 하심',
  };
  return {
    format: BACKUP_FORMAT,
    version: CURRENT_VERSION,
    exportedAt: T.exported,
    charters: [charter, draft],
    charterVersions: [version],
    customers: [kim, park],
    deals: [won, open, lost],
    deliveries: [kept, missed, billed, renegotiated],
    recoveryCases: [recoveryCase],
    settings: {
      language: 'ko',
      persistenceAsked: true,
      atRiskShare: 0.75,
      calendar: defaultBusinessCalendar,
      publicBaseUrl: '',
    },
    ...overrides,
  };
}
