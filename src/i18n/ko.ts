import type { Messages } from './messages';

// 한국어 화면 문구. 키는 en.ts와 정확히 같아야 합니다(타입 검사가 확인합니다).
export const ko: Messages = {
  app: {
    name: '서비스 헌장',
    tagline: '서비스 약속을 쓰고, 알리고, 지키세요.',
    skipToContent: '본문으로 건너뛰기',
    loading: '헌장을 여는 중…',
  },
  nav: {
    label: '주 메뉴',
    charters: '헌장',
    tracker: '약속 기록',
    scores: '점수',
    settings: '설정',
  },
  language: {
    label: '언어',
    ko: '한국어',
    en: 'English',
  },
  save: {
    idle: '모든 변경 사항이 이 브라우저에 저장되어 있습니다',
    pending: '저장하지 않은 변경 사항…',
    saving: '저장 중…',
    saved: '저장됨',
    failed: '저장 안 됨',
  },
  storage: {
    failedTitle: '저장되지 않았습니다',
    quota: '이 사이트의 브라우저 저장 공간이 가득 찼습니다. 편집한 내용은 지금 이 탭에 보관되어 있습니다.',
    unavailable:
      '이 브라우저에서는 앱이 데이터를 저장할 수 없습니다(예: 시크릿 창). 편집한 내용은 지금 이 탭에 보관되어 있습니다.',
    unknown: '저장에 실패했습니다. 편집한 내용은 지금 이 탭에 보관되어 있습니다.',
    failedAdvice:
      '잃어버리지 않도록 백업을 내보내세요. 앱은 계속 다시 시도하며, 가능해지는 즉시 모두 저장합니다.',
    exportBackup: '백업 내보내기',
    retry: '다시 시도',
    conflictTitle: '다른 탭에서 변경됨',
    conflict:
      '편집 중인 항목 {count}개가 다른 탭이나 창에서 변경되었습니다. 아무것도 덮어쓰지 않았습니다. 남길 버전을 고르세요.',
    keepTheirs: '다른 탭의 버전 사용',
    keepMine: '내 버전 유지',
    damagedTitle: '저장된 데이터를 읽을 수 없습니다',
    damaged:
      '아무것도 바뀌거나 지워지지 않았습니다. 저장된 데이터를 내려받아 보관하세요. 발견된 문제는 아래와 같습니다.',
    downloadRaw: '저장된 데이터 내려받기',
    persistGranted: '저장소: 영구 — 브라우저가 임의로 데이터를 지우지 않습니다.',
    persistDenied:
      '저장소: 임시 — 공간이 부족하면 브라우저가 데이터를 지울 수 있습니다. 백업을 자주 내보내세요.',
    persistUnknown: '저장소: 아직 확인하지 않았습니다.',
    persistUnsupported: '저장소: 이 브라우저는 데이터 보존을 보장하지 않습니다. 백업을 자주 내보내세요.',
  },
  charters: {
    title: '내 서비스 헌장',
    intro:
      '서비스 헌장은 고객에게 드리는 서면 약속입니다. 고객이 믿고 기대할 수 있는 서비스를 측정 가능하게, 공개적으로 밝힙니다.',
    new: '새 헌장',
    empty: '아직 헌장이 없습니다. 첫 헌장을 만들어 보세요. 15분 정도면 됩니다.',
    untitled: '제목 없는 헌장',
    open: '열기',
    duplicate: '복제',
    delete: '삭제',
    copyOf: '{title} 사본',
    draft: '초안 v{version}',
    published: '게시됨 v{version}',
    updated: '{date} 수정',
    commitments: '약속 {count}개',
    deleted: '“{title}”을(를) 삭제했습니다.',
    undo: '실행 취소',
    restored: '“{title}”을(를) 되살렸습니다.',
    actionsFor: '{title} 작업',
  },
  editor: {
    back: '모든 헌장',
    notFound: '이 헌장이 없습니다(삭제되었을 수 있습니다).',
    tabsLabel: '헌장 보기',
    tabEdit: '편집',
    tabPreview: '미리보기',
    basics: '기본 정보',
    basicsIntro: '누가 이 약속을 하나요? 헌장의 표지에 들어갑니다.',
    charterTitle: '헌장 제목',
    charterTitleHint: '예: “고객님께 드리는 나의 서비스 약속”',
    charterLocale: '헌장 언어',
    ownerName: '이름',
    ownerRole: '직함',
    ownerCompany: '회사',
    ownerPhone: '전화번호',
    ownerEmail: '이메일',
    ownerWebsite: '웹사이트',
    stepsTitle: '여덟 가지 원칙',
    stepsIntro: '평생 서비스의 여덟 가지 원칙과 사후관리 계획을 단계별로 작성하는 곳입니다.',
    previewTitle: 'PDF 미리보기',
    previewIntro: '이 헌장의 실제 PDF가 여기에 표시됩니다.',
  },
  tracker: {
    title: '약속 기록',
    intro: '고객에게 한 약속과 그 결과를 기록하세요. 헌장은 쓰는 것이 아니라 지키는 것입니다.',
    empty: '아직 기록한 약속이 없습니다.',
  },
  scores: {
    title: '점수',
    intro: '약속 이행률, 초과 이행, 관계 회복을 모든 숫자 뒤의 건수와 함께 보여 줍니다.',
    empty: '아직 데이터가 없습니다. 약속 기록에 약속을 남기면 점수가 나타납니다.',
  },
  settings: {
    title: '설정',
    languageIntro: '화면 언어입니다. 각 헌장은 PDF용 언어를 따로 가집니다.',
    followBrowser: '브라우저 설정 따르기',
    storageTitle: '저장과 백업',
    storageIntro:
      '모든 데이터는 이 브라우저에만 있습니다. 사본을 보관하거나 다른 기기로 옮기려면 백업을 내보내세요.',
    counts: '헌장 {charters}개, 고객 {customers}명, 약속 기록 {records}건',
  },
  errors: {
    wholeFile: '(파일 전체)',
    pathMessage: '{path}: {message}',
  },
  notFound: {
    title: '페이지를 찾을 수 없습니다',
    back: '내 헌장으로 가기',
  },
};
