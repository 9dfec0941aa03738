// Korean particles (조사) chosen by how the word before them is read aloud: "준비 점검으로", "버전 1을",
// "아이오닉 6을", "BMW를", "iPhone을". es-hangul's `josa` reads only Hangul (it writes "버전 1를"), so this
// module also reads digits and Latin letters the way a Korean speaker says them.

/** The particle pairs this module knows, written "with a final consonant / without one". */
export const PARTICLES = {
  을: ['을', '를'],
  를: ['을', '를'],
  이: ['이', '가'],
  가: ['이', '가'],
  은: ['은', '는'],
  는: ['은', '는'],
  과: ['과', '와'],
  와: ['과', '와'],
  으로: ['으로', '로'],
  로: ['으로', '로'],
  이나: ['이나', '나'],
  나: ['이나', '나'],
  이라는: ['이라는', '라는'],
  라는: ['이라는', '라는'],
} as const;
export type Particle = keyof typeof PARTICLES;

/** Whether `text` is a particle this module chooses, e.g. "을" or "으로". */
export const isParticle = (text: string): text is Particle => Object.hasOwn(PARTICLES, text);

type Ending = 'none' | 'consonant' | 'rieul';

// How each digit is read (일, 이, 삼 …): 1, 7, 8 end in ㄹ; 0 (영), 3 (삼), 6 (육) in another consonant.
const DIGIT: Record<string, Ending> = {
  '0': 'consonant',
  '1': 'rieul',
  '2': 'none',
  '3': 'consonant',
  '4': 'none',
  '5': 'none',
  '6': 'consonant',
  '7': 'rieul',
  '8': 'rieul',
  '9': 'none',
};
// Letter names as said in Korean: 엘 and 알 end in ㄹ, 엠 and 엔 in another consonant, the rest in a vowel.
const LETTER: Record<string, Ending> = { L: 'rieul', R: 'rieul', M: 'consonant', N: 'consonant' };

function endingOfNumber(digits: string): Ending {
  // 10 십, 100 백, 1,000 천, 10,000 만: a round number ends in the unit's consonant.
  const trimmed = digits.replace(/0+$/, '');
  if (trimmed === '' || trimmed.length < digits.length) return 'consonant';
  return DIGIT[digits.at(-1) ?? '2'] ?? 'none';
}

function endingOfLatin(word: string): Ending {
  if (/[A-Z]$/.test(word) && (word.length === 1 || /^[A-Z0-9]+$/.test(word))) {
    return LETTER[word.at(-1) ?? 'A'] ?? 'none'; // an acronym is read letter by letter: BMW 더블유, SKT 티
  }
  const lower = word.toLowerCase();
  if (/l{1,2}e?$/.test(lower)) return 'rieul'; // mail 메일, file 파일
  if (/(m|n|ng|ne|me)$/.test(lower)) return 'consonant'; // iPhone 아이폰, team 팀, galaxy-ng
  return 'none';
}

function ending(text: string): Ending {
  // Closing quotes, brackets and spaces are not read: "“아이오닉 6”" ends in 6.
  const word = text.replace(/[\s"'”’)\]}>»」』.!?…]+$/u, '');
  const last = word.at(-1) ?? '';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    if (final === 0) return 'none';
    return final === 8 ? 'rieul' : 'consonant';
  }
  const number = /(\d+)(?:[.,]\d+)?$/.exec(word);
  if (number) return /[.,]\d+$/.test(word) ? endingOfDecimal(word) : endingOfNumber(number[1] ?? '');
  const latin = /[A-Za-z]+$/.exec(word);
  if (latin) return endingOfLatin(latin[0]);
  return 'none';
}

// "1.5" is read 일 점 오: its last digit decides.
const endingOfDecimal = (word: string): Ending => DIGIT[word.at(-1) ?? '2'] ?? 'none';

/** The form of `particle` that follows `word`: "을" after a final consonant, "를" after a vowel, and "로" after ㄹ. */
export function particleFor(word: string, particle: Particle): string {
  const [withConsonant, withVowel] = PARTICLES[particle];
  const end = ending(word);
  if (withConsonant === '으로' && end === 'rieul') return withVowel; // 서울로, 메일로
  return end === 'none' ? withVowel : withConsonant;
}

/** `word` followed by the right form of `particle`, e.g. ("버전 1", "을") → "버전 1을". */
export const withParticle = (word: string, particle: Particle): string => word + particleFor(word, particle);

/** `word` followed by `text`: re-chosen for `word` when `text` is a particle ("을" → "를"), else as written. */
export const withTextAfter = (word: string, text: string): string =>
  isParticle(text) ? withParticle(word, text) : word + text;
