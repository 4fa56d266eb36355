// Referat preview: scroll sync with the editor in both directions, through the
// [data-line] anchors the server puts on every block. Loaded with the page's nonce only.
(function () {
  const vscode = acquireVsCodeApi();
  const anchors = () => Array.from(document.querySelectorAll('[data-line]'));
  let quietUntil = 0;
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'scroll') return;
    let best = null;
    for (const el of anchors()) {
      if (Number(el.dataset.line) <= m.line) best = el;
      else break;
    }
    if (best) {
      quietUntil = Date.now() + 150;
      best.scrollIntoView({ block: 'start' });
    }
  });
  let timer;
  window.addEventListener('scroll', () => {
    if (Date.now() < quietUntil) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const el of anchors()) {
        if (el.getBoundingClientRect().bottom > 0) {
          vscode.postMessage({ type: 'reveal', line: Number(el.dataset.line) });
          break;
        }
      }
    }, 60);
  });
})();
