// A small element builder for the DOM panels: text always goes in as text (never as HTML), and
// every control gets its accessible name from a visible label or an aria-label.

export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  style?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
}

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

function applyProps(el: Element, props: Props | undefined): void {
  if (!props) return;
  if (props.class) el.setAttribute('class', props.class);
  if (props.id) el.id = props.id;
  if (props.text !== undefined) el.textContent = props.text;
  // for…in, not Object.entries: a class table builds thousands of cells, each with a few props.
  const { attrs, style, on } = props;
  if (attrs)
    for (const k in attrs) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  if (style && el instanceof HTMLElement) for (const k in style) el.style.setProperty(k, style[k]!);
  if (on) for (const type in on) el.addEventListener(type, on[type as keyof typeof on] as EventListener);
}

/** An HTML element with properties and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyProps(el, props);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; attribute values are numbers or strings. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | undefined> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

/** Replaces an element's children, keeping keyboard focus on the control with the same id. */
export function replaceContent(root: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement;
  const focusId = active instanceof HTMLElement && root.contains(active) ? active.id : '';
  const scrolls = new Map<string, number>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-keep-scroll]'))
    scrolls.set(el.dataset.keepScroll ?? '', el.scrollTop);
  root.replaceChildren();
  append(root, children);
  // Only scrolled boxes are restored: writing scrollTop forces a layout of the new content.
  if (scrolls.size > 0)
    for (const el of root.querySelectorAll<HTMLElement>('[data-keep-scroll]')) {
      const top = scrolls.get(el.dataset.keepScroll ?? '');
      if (top !== undefined) el.scrollTop = top;
    }
  if (focusId) {
    const again = document.getElementById(focusId);
    if (again && root.contains(again)) again.focus({ preventScroll: true });
  }
}

/** Whether a key press belongs to a text field (Enter and digits are then the field's own). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return ['text', 'number', 'search', 'email', 'url'].includes(target.type);
  return target.isContentEditable;
}

/** Keeps Tab inside a dialog. */
export function trapFocus(dialog: HTMLElement, e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const items = [
    ...dialog.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]'),
  ].filter((el) => !el.hasAttribute('disabled') && el.tabIndex >= 0);
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (e.shiftKey && document.activeElement === first) {
    last.focus();
    e.preventDefault();
  } else if (!e.shiftKey && document.activeElement === last) {
    first.focus();
    e.preventDefault();
  }
}
