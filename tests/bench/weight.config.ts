import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// The page-weight benchmark (issue 16) on the e2e suite's server and browser, run on
// demand with `npm run bench:weight`, never as part of the tests.
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'weight.spec.ts',
  globalSetup: '../../e2e/support/global-setup.ts',
});
