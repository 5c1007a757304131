import { describe, expect, it } from 'vitest';
import { pluralCategory, translate, translator } from '~/lib/i18n';
import { messages } from '~/locales';

// Counts read as people say them: "1 session held", "2 sessions held"; Vietnamese
// has one form for every number ("1 buổi", "2 buổi").
describe('plural messages', () => {
  it('English takes the singular for 1 and the plural for 2 and 0', () => {
    const t = translator('en', messages.en);
    expect(t('mentoring.held', { count: 1 })).toBe('1 session held');
    expect(t('mentoring.held', { count: 2 })).toBe('2 sessions held');
    expect(t('mentoring.held', { count: 0 })).toBe('0 sessions held');
    expect(t('moderation.queue.count', { count: 1 })).toBe('1 report');
    expect(t('moderation.queue.count', { count: 3 })).toBe('3 reports');
  });

  it('Vietnamese uses its one form ("other") for every count', () => {
    expect(pluralCategory('vi', 1)).toBe('other');
    const t = translator('vi', messages.vi);
    expect(t('mentoring.held', { count: 1 })).toBe('1 buổi đã tư vấn');
    expect(t('mentoring.held', { count: 2 })).toBe('2 buổi đã tư vấn');
  });

  it('a count that comes as a string (a database count) chooses the form too', () => {
    expect(translate('en', messages.en, 'orders.list.items', { count: '1' })).toBe('1 item');
    expect(translate('en', messages.en, 'orders.list.items', { count: '5' })).toBe('5 items');
  });

  it('a key without plural forms is unchanged, with or without a count', () => {
    expect(translate('en', messages.en, 'depth.variants.left', { n: 1 })).toBe('1 left');
  });
});
