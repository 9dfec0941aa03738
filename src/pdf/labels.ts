import type { Locale } from '../domain/common';

// The PDF's own words, in the charter's language (not the interface language): the customer reads them.
const en = {
  charter: 'Service charter',
  version: (v: number) => `Version ${v}`,
  draft: (v: number) => `Draft of version ${v}`,
  publishedOn: (date: string) => `Published ${date}`,
  contact: 'Contact',
  vision: 'My service vision',
  serviceLevel: 'My service level',
  tiers: { essential: 'Essential', attentive: 'Attentive', exceptional: 'Exceptional' },
  tierText: {
    essential: 'Every promise kept, clearly and on time.',
    attentive: 'Every promise kept, plus contact from me at the moments that matter.',
    exceptional: 'Attentive service, plus personal help beyond the sale.',
  },
  ownsService: 'Your service is my personal responsibility. I do not hand it off to another department.',
  commitments: 'My commitments to you',
  promise: 'Promise',
  appliesTo: 'For',
  measuredBy: 'How it is measured',
  audiences: {
    everyone: 'Every customer',
    'new-customers': 'New customers',
    'existing-customers': 'Existing customers',
    'business-customers': 'Business customers',
  },
  phases: 'Staying close to you',
  before: 'Before the deal',
  during: 'During the deal',
  after: 'After the deal',
  moments: 'Moments that matter',
  dayAfter: (days: number, anchor: 'deal-won' | 'delivery') =>
    days === 0
      ? anchor === 'delivery'
        ? 'On delivery day'
        : 'When we agree'
      : `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'after' : 'before'} ${anchor === 'delivery' ? 'delivery' : 'we agree'}`,
  channels: {
    call: 'Call',
    sms: 'Text',
    email: 'Email',
    visit: 'Visit',
    messenger: 'Messenger',
    letter: 'Letter',
  },
  recovery: 'If I fall short',
  within: (text: string) => `within ${text}`,
  alternatives: 'Instead of “I can’t”',
  youAsk: 'If you ask for',
  iOffer: 'I can offer',
  afterSales: 'After the sale',
  orderCheck: 'Your order',
  orderDelay: (text: string) => `If anything slips, I tell you within ${text}, so you can re-plan.`,
  firstUse: 'First use',
  firstUseText: (text: string, channel: string) =>
    `${channel} within ${text} of delivery to make sure everything is set up and working.`,
  service: 'Service requests',
  serviceText: (text: string, untilConfirmed: boolean) =>
    `I follow up every ${text}${untilConfirmed ? ' until you confirm it is solved' : ''}.`,
  careTips: 'Care and usage tips',
  businessHelp: 'Help for your business',
  lostSale: 'If you decide not to buy',
  lostSaleText: (text: string) => `I will get in touch within ${text} to thank you`,
  askFeedback: 'and ask what I could have done better',
  askReferral: 'and whether you know someone I could help',
  trackRecord: 'My track record',
  trackRecordPeriod: (days: number) => `Over the last ${days} days`,
  kept: (kept: number, total: number) => `${kept} of ${total} kept`,
  noData: 'no data yet',
  page: (n: number, total: number) => `Page ${n} of ${total}`,
  scan: 'Open this charter online',
};

export type PdfLabels = typeof en;

const ko: PdfLabels = {
  charter: '서비스 헌장',
  version: (v) => `버전 ${v}`,
  draft: (v) => `버전 ${v} 초안`,
  publishedOn: (date) => `${date} 게시`,
  contact: '연락처',
  vision: '나의 서비스 비전',
  serviceLevel: '나의 서비스 수준',
  tiers: { essential: '기본', attentive: '세심함', exceptional: '탁월함' },
  tierText: {
    essential: '모든 약속을 분명하게, 제때 지킵니다.',
    attentive: '모든 약속을 지키고, 중요한 순간마다 먼저 연락드립니다.',
    exceptional: '세심한 서비스에 더해 판매 이후까지 개인적으로 돕습니다.',
  },
  ownsService: '고객님의 서비스는 제가 직접 책임집니다. 다른 부서의 일로 넘기지 않습니다.',
  commitments: '고객님께 드리는 약속',
  promise: '약속',
  appliesTo: '대상',
  measuredBy: '측정 방법',
  audiences: {
    everyone: '모든 고객',
    'new-customers': '신규 고객',
    'existing-customers': '기존 고객',
    'business-customers': '사업자 고객',
  },
  phases: '늘 곁에서',
  before: '거래 전',
  during: '거래 중',
  after: '거래 후',
  moments: '중요한 순간',
  dayAfter: (days, anchor) =>
    days === 0
      ? anchor === 'delivery'
        ? '인도 당일'
        : '계약 당일'
      : `${anchor === 'delivery' ? '인도' : '계약'} ${Math.abs(days)}일 ${days > 0 ? '후' : '전'}`,
  channels: {
    call: '전화',
    sms: '문자',
    email: '이메일',
    visit: '방문',
    messenger: '메신저',
    letter: '편지',
  },
  recovery: '약속을 지키지 못했을 때',
  within: (text) => `${text} 이내`,
  alternatives: '“할 수 없습니다” 대신',
  youAsk: '이런 요청에는',
  iOffer: '이렇게 도와 드립니다',
  afterSales: '사후관리',
  orderCheck: '주문 점검',
  orderDelay: (text) => `일정에 차질이 생기면 ${text} 이내에 알려 드려 다시 계획하실 수 있게 합니다.`,
  firstUse: '첫 사용',
  firstUseText: (text, channel) => `인도 후 ${text} 이내에 ${channel}(으)로 설치와 사용 상태를 확인합니다.`,
  service: '서비스 요청',
  serviceText: (text, untilConfirmed) =>
    `${text}마다 확인${untilConfirmed ? '하며, 해결되었다고 확인해 주실 때까지 챙깁니다' : '합니다'}.`,
  careTips: '보호 및 사용 정보',
  businessHelp: '사업 지원',
  lostSale: '구매하지 않기로 하셨을 때',
  lostSaleText: (text) => `${text} 이내에 감사 인사를 드리고`,
  askFeedback: '제가 더 잘할 수 있었던 점을 여쭙고',
  askReferral: '도움이 필요한 분을 소개해 주실 수 있는지 여쭙니다',
  trackRecord: '나의 약속 이행 기록',
  trackRecordPeriod: (days) => `최근 ${days}일`,
  kept: (kept, total) => `${total}건 중 ${kept}건 이행`,
  noData: '아직 데이터 없음',
  page: (n, total) => `${total}쪽 중 ${n}쪽`,
  scan: '온라인으로 보기',
};

/** The PDF's labels in `locale`. */
export function pdfLabels(locale: Locale): PdfLabels {
  return locale === 'ko' ? ko : en;
}
