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
  `addEventListener('online',function(){n.controller&&n.controller.postMessage('replay')});`,
  // "Save for offline" on a course: the worker keeps each lesson; the status says when all are kept.
  `document.addEventListener('submit',function(e){var f=e.target,p=f.dataset&&f.dataset.saveOffline,s;if(!p)return;e.preventDefault();p=JSON.parse(p);s=f.querySelector('[role=status]');s.textContent=f.dataset.saving;`,
  `n.ready.then(function(r){p.forEach(function(x){r.active.postMessage('keep:'+x)});var i=0,t=setInterval(function(){Promise.all(p.map(function(x){return caches.match(x)})).then(function(m){`,
  `if(m.every(Boolean)){clearInterval(t);s.textContent=f.dataset.saved}else if(++i>60){clearInterval(t);s.textContent=f.dataset.failed}})},500)})})}`,
].join('');
