// Boxes that scroll say so. While a scrolling box of a screen has more to show below (above, to
// the right, to the left) than fits, it carries the class `more-below` (`more-above`, `more-right`,
// `more-left`); style.css draws them as a fade at that edge and, below, an arrow. The marks follow
// the boxes: looked for again when the screen is rebuilt or the window changes size, measured again
// when their text changes, when one scrolls, and when a card of theirs is laid out at last.

const MARKS = ['more-above', 'more-below', 'more-left', 'more-right'] as const;

const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';

/** Sets or clears an element's marks from how far it is scrolled and how much it holds. */
export function markScroll(el: Element): void {
  if (!(el instanceof HTMLElement) || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    return;
  let marks: readonly string[] = [];
  // Content a `content-visibility: auto` box is skipping is not measured (that would lay it out).
  if (el.checkVisibility({ contentVisibilityAuto: true })) {
    const tall = el.scrollHeight > el.clientHeight + 1;
    const wide = el.scrollWidth > el.clientWidth + 1;
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
  }
  for (const m of MARKS) {
    const on = marks.includes(m);
    if (el.classList.contains(m) !== on) el.classList.toggle(m, on);
  }
}

/** The boxes under `root` (itself included) that can scroll, by their style alone: no layout read. */
export function scrollBoxes(root: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
    if (!(el instanceof HTMLElement) || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
      continue;
    const s = getComputedStyle(el);
    if (scrolls(s.overflowY) || scrolls(s.overflowX) || MARKS.some((m) => el.classList.contains(m)))
      out.push(el);
  }
  return out;
}

/** Keeps the marks of a screen's boxes up to date; returns the function that stops it. */
export function watchScrollHints(root: HTMLElement): () => void {
  let live = true;
  let boxes: HTMLElement[] = [];
  const lookAgain = () => {
    for (const el of boxes) markScroll(el);
  };
  const lookForBoxes = () => {
    boxes = scrollBoxes(root);
    lookAgain();
  };
  // Marks are classes, which are not observed: the observer never sees its own writes. A rebuilt
  // tree is looked through (a dashboard render, a result shown); new text only changes the sizes.
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.type === 'childList')) lookForBoxes();
    else lookAgain();
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    // A tab shown or a part hidden changes what the boxes hold.
    attributes: true,
    attributeFilter: ['data-tab', 'hidden'],
  });
  const onScroll = (e: Event) => {
    if (e.target instanceof Element) markScroll(e.target);
  };
  // The window's size changes which boxes scroll (the narrow layout's columns do not).
  const onResize = () => lookForBoxes();
  // A card laid out at last (content-visibility) changes what its column holds: the cards of one
  // render come in one batch, measured once.
  let queued = false;
  const onShown = (e: Event) => {
    if ((e as ContentVisibilityAutoStateChangeEvent).skipped || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (live) lookAgain();
    });
  };
  root.addEventListener('scroll', onScroll, { capture: true, passive: true });
  root.addEventListener('contentvisibilityautostatechange', onShown, { capture: true });
  window.addEventListener('resize', onResize);
  void document.fonts?.ready.then(() => {
    if (live) lookAgain();
  });
  lookForBoxes();
  return () => {
    live = false;
    observer.disconnect();
    root.removeEventListener('scroll', onScroll, { capture: true });
    root.removeEventListener('contentvisibilityautostatechange', onShown, { capture: true });
    window.removeEventListener('resize', onResize);
  };
}
