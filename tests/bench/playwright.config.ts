import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// The slow-3G benchmark (issue 22) on the same server and browser as the e2e suite,
// run on demand with `npm run bench:3g`, never as part of the tests.
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'slow-3g.spec.ts',
  globalSetup: '../../e2e/support/global-setup.ts',
});
