import { withParticle } from '../domain/text/particle';
import type { Channel, Locale } from '../domain/common';

const EN_REACH: Record<Channel, string> = {
  call: 'call you',
  sms: 'text you',
  email: 'email you',
  visit: 'visit you',
  messenger: 'message you',
  letter: 'write to you',
};
const KO_CHANNEL: Record<Channel, string> = {
  call: '전화',
  sms: '문자',
  email: '이메일',
  visit: '방문',
  messenger: '메신저',
  letter: '편지',
};

// The PDF's own words, in the charter's language (not the interface language): the customer reads them.
const en = {
  charter: 'Service charter',
  version: (v: number) => `Version ${v}`,
  draft: (v: number) => `Draft of version ${v}`,
  publishedOn: (date: string) => `Published ${date}`,
  contact: 'Contact',
  atAGlance: 'My main promises at a glance',
  fullCharter: 'Everything I promise, and how I measure it, is on the following pages.',
  deadline: 'Deadline',
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
  firstUseText: (text: string, channel: Channel, handover: string) =>
    `Within ${text} of ${handover}, I ${EN_REACH[channel]} to make sure everything works the way you need.`,
  service: 'Service requests',
  serviceText: (every: string, untilConfirmed: boolean) =>
    `I follow up on every request ${every}${untilConfirmed ? ' until you confirm it is solved' : ''}.`,
  careTips: 'Care and usage tips',
  businessHelp: 'Help for your business',
  trackRecord: 'My track record',
  trackRecordPeriod: (from: string, to: string) => `${from} – ${to}`,
  trackRecordDays: (days: number) => `The last ${days} days`,
  asOf: (date: string) => `as of ${date}`,
  kept: (kept: number, total: number) => `${kept} of ${total} kept`,
  keptShare: (percent: string, kept: number, total: number) => `${percent} (${kept} of ${total})`,
  noData: 'no promises due yet',
  method:
    'Kept means done within the promised time, by the agreed date or within the promised amount. I record each promise myself as I make it; percentages appear from 5 promises on. The numbers can be recomputed from my records with the charter score command.',
  page: (n: number, total: number) => `Page ${n} of ${total}`,
  scan: 'Open this charter online',
  scanSummary:
    'Scan the code for my contacts and main promises on your phone; the whole charter is this document. The link below opens all of it online.',
  keywords: (role: string) => ['service charter', 'customer service', 'promises', role],
};

export type PdfLabels = typeof en;

const ko: PdfLabels = {
  charter: '서비스 헌장',
  version: (v) => `버전 ${v}`,
  draft: (v) => `버전 ${v} 초안`,
  publishedOn: (date) => `${date} 게시`,
  contact: '연락처',
  atAGlance: '한눈에 보는 핵심 약속',
  fullCharter: '모든 약속과 측정 방법은 다음 쪽부터 자세히 적었습니다.',
  deadline: '기한',
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
  firstUseText: (text, channel, handover) =>
    `${handover} 후 ${text} 이내에 ${withParticle(KO_CHANNEL[channel], '으로')} 불편한 점이 없는지 확인합니다.`,
  service: '서비스 요청',
  serviceText: (every, untilConfirmed) =>
    `요청하신 일은 ${every} 진행 상황을 확인${untilConfirmed ? '하며, 해결되었다고 확인해 주실 때까지 챙깁니다' : '합니다'}.`,
  careTips: '보호 및 사용 정보',
  businessHelp: '사업 지원',
  trackRecord: '나의 약속 이행 기록',
  trackRecordPeriod: (from, to) => `${from} ~ ${to}`,
  trackRecordDays: (days) => `최근 ${days}일`,
  asOf: (date) => `${date} 기준`,
  kept: (kept, total) => `${total}건 중 ${kept}건 이행`,
  keptShare: (percent, kept, total) => `${percent} (${total}건 중 ${kept}건)`,
  noData: '아직 기한이 된 약속 없음',
  method:
    '이행: 약속한 시간, 날짜, 금액 안에 마친 경우입니다. 기록은 제가 약속할 때마다 직접 남긴 것이며, 약속이 5건 이상일 때만 비율로 적습니다. 같은 숫자는 charter score 명령으로 제 기록에서 다시 계산할 수 있습니다.',
  page: (n, total) => `${total}쪽 중 ${n}쪽`,
  scan: '온라인으로 보기',
  scanSummary:
    'QR 코드를 찍으면 제 연락처와 핵심 약속을 휴대폰에서 보실 수 있습니다. 전체 헌장은 지금 보시는 이 문서이며, 아래 링크로 온라인에서도 보실 수 있습니다.',
  keywords: (role) => ['서비스 헌장', '고객 서비스', '약속', role],
};

/** The PDF's labels in `locale`. */
export function pdfLabels(locale: Locale): PdfLabels {
  return locale === 'ko' ? ko : en;
}
