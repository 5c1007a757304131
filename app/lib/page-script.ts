/**
 * The one small inline script every page carries, light pages included (issue 16),
 * run under the response's CSP nonce and counted in the light pages' budget
 * (tests/page-weight.test.ts). It only improves what already works as HTML:
 * - quick exit replaces the history entry, so "back" does not return to Sen
 *   (without scripts the link still leaves);
 * - it registers the service worker (offline lessons, queued answers) and tells it
 *   when the connection is back, so queued answers are sent.
 */
export const pageScript = [
  `document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('[data-quick-exit]');if(a){e.preventDefault();location.replace(a.href)}});`,
  `if('serviceWorker' in navigator){var n=navigator.serviceWorker;n.register('/sw.js').catch(function(){});`,
  `n.ready.then(function(r){r.active&&r.active.postMessage('keep:'+location.pathname)});`,
  `addEventListener('online',function(){n.controller&&n.controller.postMessage('replay')})}`,
].join('');
