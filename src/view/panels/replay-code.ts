// The replay code of a finished game, ready to hand in: the code in a read-only, selectable field
// and a link that carries it, each with a "copy" button (the clipboard, or else the text is
// selected for Ctrl+C).

import { MAX_INPUT_CHARS } from '../../app/replay-code';
import { h } from '../dom';

/** A link to this game's page that opens the Load replay code screen with the code filled in. */
export function replayLink(code: string): string {
  const u = new URL(window.location.href);
  u.search = '';
  u.hash = '';
  u.searchParams.set('replay', code);
  return u.toString();
}

/** An address part longer than any code, taken off the address at start-up (see takeOverlongAddress). */
let overlong: string | null = null;

/**
 * Takes an address part (query or fragment) longer than any code off the page's address before
 * anything else reads it, keeping it for replayFromUrl. Every later URL the page resolves (its
 * scripts, workers, the offline worker) would otherwise be resolved against a megabyte-long base,
 * which costs the browser seconds; the refusal needs only the text. Call first, at start-up.
 */
export function takeOverlongAddress(): void {
  try {
    const { search, hash, pathname } = window.location;
    const part = search.length > MAX_INPUT_CHARS ? search : hash.length > MAX_INPUT_CHARS ? hash : null;
    if (part === null) return;
    overlong = part;
    window.history.replaceState(window.history.state, '', pathname);
  } catch {
    // An address that cannot be rewritten is still weighed by its length in replayFromUrl.
  }
}

/**
 * The replay code carried by the page's address (`?replay=…` or `#replay=…`), or null. An address
 * part longer than any code is handed over as it is, unparsed: the verifier refuses it by its
 * length at once, where parsing and URL-decoding a megabyte would not be free.
 */
export function replayFromUrl(): string | null {
  if (overlong !== null) return overlong;
  try {
    const { search, hash } = window.location;
    if (search.length > MAX_INPUT_CHARS) return search;
    if (hash.length > MAX_INPUT_CHARS) return hash;
    const fromQuery = new URLSearchParams(window.location.search).get('replay');
    if (fromQuery) return fromQuery;
    const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('replay');
    return fromHash || null;
  } catch {
    return null;
  }
}

/**
 * Takes the link (a replay code, a seed link's level, seed and company) off the page's address
 * once the player has acted on it — chosen between it and their saved game, or started a game
 * from it: a reload then resumes the game being played instead of asking about the link again
 * (src/app/links.ts), and New game is not filled in from a link the player turned down.
 */
export function forgetAddressLink(): void {
  overlong = null;
  try {
    const u = new URL(window.location.href);
    for (const key of ['replay', 'level', 'seed', 'company']) u.searchParams.delete(key);
    const fragment = new URLSearchParams(u.hash.replace(/^#/, ''));
    if (fragment.has('replay')) {
      fragment.delete('replay');
      u.hash = fragment.toString();
    }
    window.history.replaceState(window.history.state, '', u.toString());
  } catch {
    // An address that cannot be rewritten keeps the link: the next start-up asks again.
  }
}

/** Copies text; true when the clipboard took it, else the field is selected for a manual copy. */
export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return false;
  }
}

export interface ReplayBoxText {
  title: string;
  help: string;
  copyCode: string;
  copyLink: string;
  link: string;
  copied: string;
  manual: string;
}

/** The code box of the ending screen. */
export function replayCodeBox(code: string, text: ReplayBoxText): HTMLElement {
  const link = replayLink(code);
  const status = h('p', { id: 'replay-copy-status', class: 'seed-status', attrs: { role: 'status' } });
  const codeField = h('textarea', {
    id: 'replay-code',
    class: 'replay-code-field',
    attrs: { readonly: true, rows: 3, spellcheck: 'false', 'aria-label': text.title },
  });
  codeField.value = code;
  const linkField = h('input', {
    id: 'replay-link',
    class: 'replay-link-field',
    attrs: { type: 'text', readonly: true, 'aria-label': text.link },
  });
  linkField.value = link;
  const select = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).select();
  codeField.addEventListener('focus', select);
  linkField.addEventListener('focus', select);
  const copy = async (value: string, field: HTMLInputElement | HTMLTextAreaElement) => {
    status.textContent = (await copyText(value, field)) ? text.copied : text.manual;
  };
  return h(
    'div',
    { class: 'replay-box' },
    h('label', { class: 'replay-box-title', text: text.title, attrs: { for: 'replay-code' } }),
    codeField,
    h(
      'div',
      { class: 'replay-box-row' },
      h('button', {
        id: 'btn-copy-code',
        class: 'btn',
        text: text.copyCode,
        on: { click: () => void copy(code, codeField) },
      }),
      h('button', {
        id: 'btn-copy-link',
        class: 'btn',
        text: text.copyLink,
        on: { click: () => void copy(link, linkField) },
      }),
    ),
    h('label', { class: 'muted small', text: text.link, attrs: { for: 'replay-link' } }),
    linkField,
    status,
    h('p', { class: 'muted small', text: text.help }),
  );
}
