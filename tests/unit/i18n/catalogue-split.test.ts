import { describe, expect, it, vi } from 'vitest';
import { enFirst } from '../../../src/i18n/first/en';
import { koFirst } from '../../../src/i18n/first/ko';
import { en } from '../../../src/i18n/en';

// The first page load fetches only the first screen's messages (src/i18n/first/); every other message
// arrives with the whole catalogue. A fresh copy of the text system shows what a user sees in between.
async function freshI18n() {
  vi.resetModules();
  return import('../../../src/lib/i18n');
}

describe('the first-screen messages', () => {
  it('are sections of the whole catalogue, the same in both languages', () => {
    expect(Object.keys(koFirst).sort()).toEqual(Object.keys(enFirst).sort());
    for (const section of Object.keys(enFirst)) expect(en).toHaveProperty(section);
    expect(Object.keys(enFirst).length).toBeLessThan(Object.keys(en).length / 2);
  });

  it('translate the first screen at once; a message beyond it arrives with the whole catalogue', async () => {
    const i18n = await freshI18n();
    await i18n.loadFirstMessages('ko');
    expect(i18n.translate('ko', 'today.title')).toBe('오늘');
    expect(i18n.translate('ko', 'nav.scores')).toBe('점수');
    // Not loaded yet: the key shows (no other language is loaded) and the whole catalogue starts loading.
    expect(i18n.translate('ko', 'scores.noData')).toBe('scores.noData');
    await i18n.whenMessagesComplete();
    expect(i18n.translate('ko', 'scores.noData')).toBe('자료 없음');
    expect(i18n.translate('ko', 'today.title')).toBe('오늘');
  });

  it('while a language is switched to, a loaded language stands in for its missing messages', async () => {
    const i18n = await freshI18n();
    await i18n.loadCatalogue('en');
    await i18n.loadFirstMessages('ko');
    expect(i18n.translate('ko', 'scores.noData')).toBe('no data');
    await i18n.loadCatalogue('ko');
    expect(i18n.translate('ko', 'scores.noData')).toBe('자료 없음');
  });
});
