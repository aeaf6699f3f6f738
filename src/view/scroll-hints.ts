// Boxes that scroll say so. While a scrolling box of a screen has more to show below (above, to
// the right, to the left) than fits, it carries the class `more-below` (`more-above`, `more-right`,
// `more-left`); style.css draws them as a fade at that edge and, below, an arrow. The marks follow
// the boxes: looked for again when the screen is rebuilt or the window changes size, measured again
// when their text changes, when one scrolls, and when a card of theirs is laid out at last.

const MARKS = ['more-above', 'more-below', 'more-left', 'more-right'] as const;

const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';

/**
 * The marks an element should carry, from how far it is scrolled and how much it holds (a read
 * of its layout, no write); null for an element that carries none (a text area, a list box).
 */
function measureScroll(el: Element): readonly string[] | null {
  if (!(el instanceof HTMLElement) || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    return null;
  // Content a `content-visibility: auto` box is skipping is not measured (that would lay it out).
  if (!el.checkVisibility({ contentVisibilityAuto: true })) return [];
  const tall = el.scrollHeight > el.clientHeight + 1;
  const wide = el.scrollWidth > el.clientWidth + 1;
  if (!(tall || wide) || el.clientHeight <= 0) return [];
  const s = getComputedStyle(el);
  const down = tall && scrolls(s.overflowY);
  const across = wide && scrolls(s.overflowX);
  return [
    down && el.scrollTop > 1 ? 'more-above' : '',
    down && el.scrollTop + el.clientHeight < el.scrollHeight - 1 ? 'more-below' : '',
    across && Math.abs(el.scrollLeft) > 1 ? 'more-left' : '',
    across && Math.abs(el.scrollLeft) + el.clientWidth < el.scrollWidth - 1 ? 'more-right' : '',
  ].filter(Boolean);
}

/** Gives an element the marks measured (a write only where one changes). */
function applyMarks(el: Element, marks: readonly string[] | null): void {
  if (marks === null) return;
  for (const m of MARKS) {
    const on = marks.includes(m);
    if (el.classList.contains(m) !== on) el.classList.toggle(m, on);
  }
}

/** Sets or clears an element's marks from how far it is scrolled and how much it holds. */
export function markScroll(el: Element): void {
  applyMarks(el, measureScroll(el));
}

/**
 * Sets or clears the marks of several boxes: every box measured first, then the marks written,
 * so the page is laid out once (a mark written between two reads would lay it out again).
 */
export function markScrolls(els: Iterable<Element>): void {
  const measured = [...els].map((el) => [el, measureScroll(el)] as const);
  for (const [el, marks] of measured) applyMarks(el, marks);
}

/**
 * A selector for every element a style sheet may let scroll (its rules that set overflow to auto or
 * scroll, in any media query) and every element still marked; null when the sheets cannot be read.
 * Kept while the page has the same sheets: finding the boxes is then a native query, not a style
 * read of every element (a class table holds thousands).
 */
let scrollSelector: { sheets: number; selector: string | null } | null = null;

function rulesThatScroll(rules: CSSRuleList, out: string[]): void {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) {
      const st = rule.style;
      const values = [st.overflow, st.overflowX, st.overflowY].join(' ');
      if (/\b(auto|scroll)\b|var\(/.test(values)) out.push(rule.selectorText);
      if (((rule as { cssRules?: CSSRuleList }).cssRules?.length ?? 0) > 0) return void out.push('*');
    } else if ('cssRules' in rule) rulesThatScroll((rule as CSSGroupingRule).cssRules, out);
  }
}

function candidateSelector(): string | null {
  const sheets = document.styleSheets.length;
  if (scrollSelector?.sheets === sheets) return scrollSelector.selector;
  let selector: string | null = null;
  try {
    const found: string[] = [];
    for (const sheet of document.styleSheets) rulesThatScroll(sheet.cssRules, found);
    // Nested rules (a selector relative to its parent) are not read: every element is then a candidate.
    selector = found.includes('*') ? null : [...found, ...MARKS.map((m) => `.${m}`)].join(', ');
    if (selector) document.querySelector(selector);
  } catch {
    selector = null;
  }
  scrollSelector = { sheets, selector };
  return selector;
}

/** The boxes under `root` (itself included) that can scroll, by their style alone: no layout read. */
export function scrollBoxes(root: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  const selector = candidateSelector();
  const candidates = selector
    ? [...(root.matches(selector) ? [root] : []), ...root.querySelectorAll<HTMLElement>(selector)]
    : [root, ...root.querySelectorAll<HTMLElement>('*')];
  for (const el of candidates) {
    if (!(el instanceof HTMLElement) || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
      continue;
    const s = getComputedStyle(el);
    if (scrolls(s.overflowY) || scrolls(s.overflowX) || MARKS.some((m) => el.classList.contains(m)))
      out.push(el);
  }
  return out;
}

/**
 * Marks the boxes of a panel built ahead of its screen (laid out, not shown yet), so that showing
 * it changes no mark: a mark set at the show would lay the screen out again in the frame that
 * shows it (a box's arrow takes room) and paint the box again.
 */
export function markAhead(root: HTMLElement): void {
  markScrolls(scrollBoxes(root));
}

/**
 * Keeps the marks of a screen's boxes up to date; returns the function that stops it. Changes are
 * looked at once a frame, before it is drawn (a rebuilt dashboard, a class table, a progress line
 * changing a hundred times a second): measuring forces a layout, which the frame then reuses, and
 * a rebuilt part is looked through alone.
 */
export function watchScrollHints(root: HTMLElement): () => void {
  let live = true;
  const boxes = new Set<HTMLElement>();
  /** Parts added since the last look (null: look through the whole screen). */
  let added: Element[] | null = null;
  let frame = 0;
  const look = () => {
    frame = 0;
    if (!live) return;
    const parts = added;
    added = [];
    if (parts === null) boxes.clear();
    for (const el of boxes) if (!root.contains(el)) boxes.delete(el);
    for (const part of parts ?? [root])
      if (part instanceof HTMLElement && root.contains(part))
        for (const el of scrollBoxes(part)) boxes.add(el);
    markScrolls(boxes);
  };
  const later = () => {
    if (live && frame === 0) frame = requestAnimationFrame(look);
  };
  const lookForBoxes = () => {
    added = null;
    later();
  };
  // Marks are classes, which are not observed: the observer never sees its own writes. A rebuilt
  // part is looked through (a dashboard render, a result shown); new text only changes the sizes.
  // A box marked data-fixed-size (a chart's, redrawn at its size) keeps its size whatever it
  // holds: its redraws change no scroll box, and call for no look (nor a frame to look in).
  const observer = new MutationObserver((records) => {
    let changed = false;
    for (const r of records) {
      if (r.type === 'childList' && r.target instanceof Element && r.target.hasAttribute('data-fixed-size'))
        continue;
      changed = true;
      if (r.type === 'childList' && added !== null)
        for (const n of r.addedNodes) if (n instanceof Element) added.push(n);
    }
    if (changed) later();
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
  // A card laid out at last (content-visibility) changes what its column holds.
  const onShown = (e: Event) => {
    if (!(e as ContentVisibilityAutoStateChangeEvent).skipped) later();
  };
  root.addEventListener('scroll', onScroll, { capture: true, passive: true });
  root.addEventListener('contentvisibilityautostatechange', onShown, { capture: true });
  window.addEventListener('resize', onResize);
  void document.fonts?.ready.then(later);
  lookForBoxes();
  return () => {
    live = false;
    cancelAnimationFrame(frame);
    observer.disconnect();
    root.removeEventListener('scroll', onScroll, { capture: true });
    root.removeEventListener('contentvisibilityautostatechange', onShown, { capture: true });
    window.removeEventListener('resize', onResize);
  };
}
