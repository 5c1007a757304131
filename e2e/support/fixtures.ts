import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { demoStaffTotpSecret } from '../../db/seeds/two-factor';

export const demoPassword = 'sen-demo-password';

/**
 * Fails on any axe-core violation of the page as it is now. axe runs inside the
 * page, so a page opened with JavaScript off is checked as a copy (its HTML,
 * scripts removed, same stylesheets) in a page that allows JavaScript.
 */
export async function expectAccessible(page: Page) {
  // Remix's inline script sets __remixContext; it never ran if JavaScript is off.
  const jsEnabled = await page.evaluate(() => '__remixContext' in window);
  const results = jsEnabled ? await new AxeBuilder({ page }).analyze() : await analyzeCopy(page);
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(violations, `accessibility violations on ${page.url()}`).toEqual([]);
}

async function analyzeCopy(page: Page) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const context = await page
    .context()
    .browser()!
    .newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    const url = page.url();
    // Serve the copy at the same URL so relative stylesheets and links resolve.
    await copy.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.goto(url);
    return await new AxeBuilder({ page: copy }).analyze();
  } finally {
    await context.close();
  }
}

const period = 30_000;
// Playwright starts a new worker process after a failed test: the steps already used
// are kept in a file of this run's server, not in memory.
const usedStepsFile = path.join(os.tmpdir(), `sen-e2e-totp-steps-${process.env.E2E_PORT || 3100}.json`);

function usedSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(usedStepsFile, 'utf8'));
  } catch {
    return {};
  }
}

/**
 * The demo staff key's code as an authenticator app shows it. Sen accepts each code
 * once, so a second login within the same 30 seconds waits for the next code.
 */
export async function staffCode(email: string) {
  const used = usedSteps();
  let step = Math.floor(Date.now() / period);
  if ((used[email] ?? -1) >= step) {
    step = used[email] + 1;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, step * period - Date.now() + 100)));
  }
  writeFileSync(usedStepsFile, JSON.stringify({ ...used, [email]: step }));
  return new TOTP({ secret: Secret.fromBase32(demoStaffTotpSecret), digits: 6, period: period / 1000 }).generate({
    timestamp: step * period,
  });
}

/** Signs in through the login endpoints (not the forms): the password, then the code when Sen asks for one. */
export async function signIn(request: APIRequestContext, baseURL: string, email: string, password = demoPassword) {
  const response = await request.post('/login', {
    form: { email, password },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), `login as ${email}`).toBe(302);
  if (!response.headers().location?.startsWith('/login/code')) return;
  const answer = await request.post('/login/code', {
    form: { code: await staffCode(email) },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(answer.status(), `two-step login as ${email}`).toBe(302);
}

/**
 * Console lines that are not errors of Sen's scripts: a 4xx/5xx answer the test
 * expects (a form error, a 404 page), which the browser logs, and a request the
 * router cancelled because a newer navigation superseded it (a form sent while
 * the page was still loading its data), which it reports as an AbortError.
 */
export function notAScriptError(text: string) {
  return /Failed to load resource/.test(text) || /^AbortError: signal is aborted without reason/.test(text);
}

/**
 * The same cancelled request when the router leaves its rejection unhandled (React Router's
 * single fetch does in some races: remix-run/react-router#14203): the newer navigation still
 * wins, so the person sees nothing wrong. Any other uncaught error is Sen's.
 */
export function notAScriptException(error: Error) {
  return error.name === 'AbortError' && /^signal is aborted without reason/.test(error.message);
}

export const test = base.extend<{
  /** Any error in the browser's console or an uncaught exception fails the test. */
  failOnBrowserErrors: undefined;
  /** Go to a path and check the page with axe. */
  visit: (path: string) => Promise<void>;
  /** Sign in through the login endpoint (not the form), sharing the cookie with the page. */
  login: (email: string, password?: string) => Promise<void>;
}>({
  failOnBrowserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => {
        if (!notAScriptException(error)) errors.push(`uncaught: ${error.message}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && !notAScriptError(message.text())) errors.push(message.text());
      });
      await use(undefined);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
  visit: async ({ page }, use) => {
    await use(async (path) => {
      await page.goto(path);
      await expectAccessible(page);
    });
  },
  login: async ({ page, baseURL }, use) => {
    await use((email, password = demoPassword) => signIn(page.request, baseURL!, email, password));
  },
});

export { expect };
