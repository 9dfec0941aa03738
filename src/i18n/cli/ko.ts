import type { CliMessages } from './en';

// 명령줄(src/cli/charter.ts)의 한국어 문구. 키는 cli/en.ts와 같아야 합니다.
export const koCli: CliMessages = {
  usage: `사용법:
  charter render <헌장-또는-백업.json> -o <출력.pdf> [--charter <id>] [--public-url https://…] [--time-zone Area/City] [--track-record [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now ISO]]
  charter validate <파일.json>
  charter score <백업.json> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now ISO] [--json]
옵션: --lang ko|en (메시지 언어, 기본값은 LANG); --time-zone: 날짜의 IANA 시간대(기본값은 파일의 영업 달력, 없으면 Asia/Seoul)`,
  unknownCommand: '알 수 없는 명령 "{command}"입니다.',
  needFile: 'JSON 파일 경로를 주세요.',
  needOut: '-o <출력.pdf>로 출력 파일을 주세요.',
  cannotRead: '{file:을} 읽을 수 없습니다: {reason}',
  invalid: '{file:은} 올바른 서비스 헌장 파일이 아닙니다(문제 {count, number}개):',
  valid: '{file:은} 올바른 파일입니다: 헌장 {charters, number}개, 약속 기록 {records, number}건.',
  noCharters: '파일에 헌장이 없습니다.',
  chooseCharter: '파일에 헌장이 여러 개 있습니다. --charter <id>로 고르세요: {ids}',
  noSuchCharter: 'id가 "{id}"인 헌장이 없습니다. 파일의 헌장: {ids}',
  wrote: '{file:을} 썼습니다({bytes}바이트).',
  renderFailed: 'PDF를 만들 수 없습니다: {reason}',
  badPublicUrl: '--public-url은 https://(또는 http://)로 시작하는 웹 주소여야 합니다.',
  badTimeZone: '--time-zone에는 Asia/Seoul, America/New_York 같은 IANA 시간대를 주세요(받은 값: "{zone}").',
  noLink: 'PDF에 링크를 넣지 않았습니다. 게시된 헌장만 공유할 수 있고, 링크가 너무 길어도 안 됩니다.',
  whole: '(파일 전체)',
  badDate: '--{option:는} 2026-11-22 같은 날짜여야 합니다(--now는 ISO 시각).',
  badPeriod: '--from은 --to보다 앞선 날짜여야 합니다.',
  scoreHead: {
    commitment: '약속',
    kept: '이행률',
    n: 'n',
    overDelivered: '초과 이행',
    medianMargin: '여유(중앙값)',
    recovered: '회복',
    open: '진행 중',
  },
  overall: '전체',
  charterLine: '헌장: {title}',
  noData: '데이터 없음',
};
