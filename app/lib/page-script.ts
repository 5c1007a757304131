/**
 * The one small inline script every page carries, light pages included (issue 16),
 * run under the response's CSP nonce. Counted in the light pages' budget
 * (tests/page-weight.test.ts). It only improves what already works as HTML:
 * - quick exit replaces the history entry, so "back" does not return to Sen
 *   (without scripts the link still leaves);
 */
export const pageScript = [
  `document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('[data-quick-exit]');if(a){e.preventDefault();location.replace(a.href)}});`,
].join('');
