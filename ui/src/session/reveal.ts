// Opening a session at a search match: the editor's textareas grow with their text (a hidden
// mirror copy sets their height), so the match is never scrolled inside a textarea — the screen
// itself has to scroll to it. Its position is measured on the mirror, laid out like the textarea.

/** The first ancestor that scrolls (the app's main area), else the document's scroller. */
export function scrollParent(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const oy = getComputedStyle(p).overflowY;
    if ((oy === 'auto' || oy === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return document.scrollingElement;
}

/** The box of characters [start, end) of an element's text, or null where it cannot be measured. */
export function textRect(container: Element, start: number, end: number): DOMRect | null {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.nodeValue?.length ?? 0;
    if (!started && start <= seen + len) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= seen + len) {
      range.setEnd(node, end - seen);
      if (typeof range.getBoundingClientRect !== 'function') return null;
      const rect = range.getClientRects?.()[0] ?? range.getBoundingClientRect();
      return rect && rect.height > 0 ? rect : null;
    }
    seen += len;
  }
  return null;
}

/**
 * Focuses `textarea`, selects [start, end) and scrolls the screen so the selection sits a third
 * of the way down (clear of the sticky header).
 */
export function selectAndReveal(textarea: HTMLTextAreaElement, start: number, end: number): void {
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, end);
  const mirror = textarea.parentElement?.querySelector('.mirror');
  const rect = (mirror && textRect(mirror, start, end)) || textarea.getBoundingClientRect();
  const scroller = scrollParent(textarea);
  if (!scroller) return;
  const box = scroller === document.scrollingElement ? new DOMRect(0, 0, innerWidth, innerHeight) : scroller.getBoundingClientRect();
  scroller.scrollTop += rect.top - box.top - box.height / 3;
}
