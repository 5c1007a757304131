import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '~/modules/safety/detector';
import { CENTRE_SCAMS, exampleWarnings } from '~/modules/safety/safety-centre.server';
import { startAppServer } from '../support/app-server';

let server: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

async function page(locale: 'vi' | 'en') {
  // Pick the language the way a reader does: the language form sets the cookie.
  const switched = await server.fetch('/language', { method: 'POST', form: { locale, redirectTo: '/safety' } });
  const cookie = (switched.headers.get('set-cookie') ?? '').split(';')[0];
  const response = await server.fetch('/safety', { cookie });
  return { status: response.status, html: await response.text() };
}

describe('the safety centre', () => {
  it('shows the detector’s own warning under every example, in both languages', () => {
    const warnings = exampleWarnings();
    for (const locale of ['vi', 'en'] as const) {
      for (const scam of CENTRE_SCAMS) {
        const warning = warnings[locale][scam.id];
        expect(warning.level, `${locale} ${scam.id}`).not.toBe('none');
        // The example's own lesson is among the ones its warning links to, or the card links it.
        expect(LESSONS).toContain(scam.lessonId);
      }
    }
  });

  it.each(['vi', 'en'] as const)('is public and complete in %s, without JavaScript', async (locale) => {
    const { status, html } = await page(locale);
    expect(status).toBe(200);
    expect(html).toContain(`lang="${locale}"`);
    // The page content is in the server-rendered HTML: scams, what Sen never asks, reporting, courses.
    for (const id of ['scams', 'never', 'report', 'courses']) expect(html).toContain(`id="${id}"`);
    expect(html.match(/class="scam-warning scam-warning--(?:danger|caution)"/g)?.length).toBe(CENTRE_SCAMS.length);
    expect(html).toContain('class="pay-only-on-sen"');
    // Every lesson of the three courses is linked.
    for (const lesson of LESSONS) expect(html).toContain(`href="/learn/${lesson}"`);
    expect(html).toContain(locale === 'vi' ? 'Sen sẽ không bao giờ' : 'Sen will never');
    expect(html).toContain('113');
  });
});
