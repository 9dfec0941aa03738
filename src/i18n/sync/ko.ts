import type { enSync } from './en';

// Korean text of Settings → Sync (spread into ../ko.ts as the `sync` section).
export const koSync: typeof enSync = {
  sync: {
    title: '다른 기기와 동기화',
    intro:
      '동기화 서버(CouchDB)를 거쳐 휴대폰과 컴퓨터가 같은 기록을 씁니다. 서버 주소와 사용자 이름, 비밀번호는 서버를 운영하는 분(회사 또는 본인)에게 받으세요. 쓰지 않으면 모든 데이터는 이 기기에만 있습니다.',
    server: '서버 주소',
    serverHint: '예: https://couch.example.com',
    user: '사용자 이름',
    password: '비밀번호',
    passwordHint: '로그인할 때 서버로 한 번만 보내며 이 기기에는 저장하지 않습니다.',
    signIn: '로그인하고 동기화',
    signingIn: '로그인 중…',
    signedInAs: '{server} 서버와 {user} 사용자로 동기화하고 있습니다.',
    signOut: '로그아웃',
    signOutQuestion: '로그아웃한 뒤에도 이 기기에 데이터를 남길까요?',
    signOutHint: '어느 쪽이든 서버와 다른 기기에는 그대로 남습니다.',
    keepLocal: '이 기기에 남기기',
    deleteLocal: '이 기기에서 지우기',
    cancel: '취소',
    signedOut: '로그아웃했습니다. 이 기기는 더 이상 동기화하지 않으며 데이터는 여기에 남아 있습니다.',
    wrongPassword: '사용자 이름 또는 비밀번호가 틀렸습니다.',
    unreachable: '이 주소의 서버에 연결할 수 없습니다. 주소와 인터넷 연결을 확인하세요.',
    noDatabase:
      '로그인은 되었지만 이 서버에 이 사용자의 데이터베이스가 아직 없습니다. 서버 관리자에게 설정을 부탁하세요.',
    serverError: '서버가 오류로 응답했습니다. 잠시 뒤에 다시 시도하세요.',
  },
  syncConflicts: {
    title: '두 기기에서 서로 다르게 고쳤습니다 — {entity}',
    intro:
      '두 기기가 연결되지 않은 동안 같은 곳을 서로 다르게 고쳤습니다. 하나를 고를 때까지 두 버전을 모두 보관합니다. 그 밖의 수정은 두 기기 것 모두 이미 합쳐졌습니다.',
    charter: '헌장 “{title}”',
    item: '저장된 항목',
    otherPart: '그 밖의 내용',
    afterSales: '판매 후',
    thisDevice: '이 기기',
    otherDevice: '다른 기기',
    version: '버전 {n}',
    keepThis: '이 기기 버전 유지',
    keepOther: '다른 기기 버전 유지',
    keepVersion: '버전 {n} 유지',
    empty: '(비어 있음)',
  },
};
