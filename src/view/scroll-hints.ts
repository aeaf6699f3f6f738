// Boxes that scroll say so. While a scrolling box of a screen has more to show below (above, to
// the right, to the left) than fits, it carries the class `more-below` (`more-above`, `more-right`,
// `more-left`); style.css draws them as a fade at that edge and, below, an arrow. A screen's boxes
// are looked at again whenever its content changes (a re-render, a chart drawn), when one scrolls
// and when the window changes size, so the marks follow a dashboard column as it fills or empties.

const MARKS = ['more-above', 'more-below', 'more-left', 'more-right'] as const;

const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';

/** Sets or clears an element's marks from how far it is scrolled and how much it holds. */
export function markScroll(el: Element): void {
  if (!(el instanceof HTMLElement) || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    return;
  const tall = el.scrollHeight > el.clientHeight + 1;
  const wide = el.scrollWidth > el.clientWidth + 1;
  let marks: readonly string[] = [];
  if ((tall || wide) && el.clientHeight > 0) {
    const s = getComputedStyle(el);
    const down = tall && scrolls(s.overflowY);
    const across = wide && scrolls(s.overflowX);
    marks = [
      down && el.scrollTop > 1 ? 'more-above' : '',
      down && el.scrollTop + el.clientHeight < el.scrollHeight - 1 ? 'more-below' : '',
      across && Math.abs(el.scrollLeft) > 1 ? 'more-left' : '',
      across && Math.abs(el.scrollLeft) + el.clientWidth < el.scrollWidth - 1 ? 'more-right' : '',
    ].filter(Boolean);
  }
  for (const m of MARKS) {
    const on = marks.includes(m);
    if (el.classList.contains(m) !== on) el.classList.toggle(m, on);
  }
}

/**
 * Marks every scrolling box under `root`, the root included. Content a `content-visibility: auto`
 * box is skipping (a dashboard card scrolled far out of view) is passed over, not laid out: its
 * boxes are looked at when it comes into view.
 */
export function markAll(root: HTMLElement): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (el) =>
      (el as Element).checkVisibility({ contentVisibilityAuto: true })
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  for (let el: Node | null = root; el; el = walker.nextNode()) {
    if (!(el instanceof Element)) continue;
    // Only a box whose content overflows it can scroll: most are passed over on two layout reads.
    if (
      el.scrollHeight > el.clientHeight + 1 ||
      el.scrollWidth > el.clientWidth + 1 ||
      MARKS.some((m) => el.classList.contains(m))
    )
      markScroll(el);
  }
}

/** Keeps the marks of a screen's boxes up to date; returns the function that stops it. */
export function watchScrollHints(root: HTMLElement): () => void {
  // Marks are classes: observing only the tree and the text never sees its own writes.
  let live = true;
  const observer = new MutationObserver(() => markAll(root));
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const onScroll = (e: Event) => {
    if (e.target instanceof Element) markScroll(e.target);
  };
  const onResize = () => markAll(root);
  // A card of a column laid out at last (content-visibility) changes what its column holds: the
  // cards of one render come in one batch, looked at once.
  let queued = false;
  const onShown = (e: Event) => {
    if ((e as ContentVisibilityAutoStateChangeEvent).skipped || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (live) markAll(root);
    });
  };
  root.addEventListener('scroll', onScroll, { capture: true, passive: true });
  root.addEventListener('contentvisibilityautostatechange', onShown, { capture: true });
  window.addEventListener('resize', onResize);
  void document.fonts?.ready.then(() => {
    if (live) markAll(root);
  });
  markAll(root);
  return () => {
    live = false;
    observer.disconnect();
    root.removeEventListener('scroll', onScroll, { capture: true });
    root.removeEventListener('contentvisibilityautostatechange', onShown, { capture: true });
    window.removeEventListener('resize', onResize);
  };
}
