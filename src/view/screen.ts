// A screen is a Phaser scene that owns one DOM panel over the canvas: it mounts the panel when
// the scene starts, re-renders it when the language changes, and removes it (with its key
// handlers) when the scene shuts down. Screens fade in and out with the camera. While another
// tab has written the save of the game played here, every screen shows the same notice over its
// panel (panels/tab-conflict.ts) and takes no keys until the player has chosen.

import * as Phaser from 'phaser';
import type { AppContext } from '../app/context';
import type { TextKey } from '../app/i18n';
import { t } from '../app/i18n';
import { h, trapFocus } from './dom';
import type { SceneKey } from './keys';
import { REGISTRY, SCENES } from './keys';
import { laterScreens } from './later-screens';
import { tabConflictDialog } from './panels/tab-conflict';
import { BACKDROP_CALM } from './scenes/Backdrop';
import { afterPaint, FADE_MS, markAt, READY_MARK } from './screen-timing';
import { markAhead, watchScrollHints } from './scroll-hints';

/**
 * Sets the page's language, when it changes: writing the `lang` attribute, even with the value it
 * has, restyles every element of the page (the language can change fonts), which every screen
 * change paid for (in Chromium, 4–6 ms at each quarter's end).
 */
function setPageLanguage(lang: string): void {
  if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
}

/**
 * A panel built ahead (aheadRoot), styled, laid out and with its charts drawn, is parked until
 * shown: no longer inert but skipped (`content-visibility: hidden`: not drawn, not focusable,
 * not read out). Showing it then only unparks its root, where taking `inert` off would restyle
 * every element under it (the attribute is inherited; in Chromium, 3–4 ms for a results screen).
 */
function park(root: HTMLElement): void {
  if (!root.isConnected || !root.classList.contains('ahead')) return;
  // Its boxes' scroll marks, now that its charts are drawn (while it is laid out: not once parked).
  markAhead(root);
  root.removeAttribute('inert');
  // Restyled now: a restyle held back under the parked root would be done at the show.
  root.getBoundingClientRect();
  root.classList.add('parked');
}

/** The panel a screen built ahead of its start (aheadRoot), while it waits: one at a time. */
let waiting: { key: string; root: HTMLElement } | null = null;

export abstract class ScreenScene<Data extends object = object> extends Phaser.Scene {
  protected app!: AppContext;
  protected root!: HTMLElement;
  private leaving = false;
  private cleanups: (() => void)[] = [];
  /** The other-tab notice, while it is up; and why the last choice in it failed. */
  private conflictLayer: HTMLElement | null = null;
  private conflictError: string | null = null;

  /**
   * Whether the canvas behind shows (and moves). Screens whose panels cover it all say no: the
   * game loop sleeps while they are up, and they show at once rather than fade in (`.at-once`).
   */
  protected animated = true;

  /** The classes of this screen's panel: a screen that covers the canvas shows at once. */
  private screenClass(): string {
    return `screen screen-${this.scene.key.toLowerCase()}${this.animated ? '' : ' at-once'}`;
  }

  /** Reads the data the scene was started with (before the first render). */
  protected setup(_data: Data): void {}

  /** Builds the DOM panel's content into `this.root`. */
  protected abstract render(): void;

  /** Draws on the canvas behind the panel (optional). */
  protected draw(): void {}

  create(data: Data): void {
    performance.mark(`six-tigers:create:${this.scene.key}`);
    // A panel built ahead for another screen is not going to be shown.
    if (waiting && waiting.key !== this.scene.key) waiting.root.remove();
    this.app = this.registry.get(REGISTRY.app) as AppContext;
    const ui = this.registry.get(REGISTRY.ui) as HTMLElement;
    this.leaving = false;
    this.cleanups = [];
    this.root = h('div', {
      class: this.screenClass(),
      attrs: { 'data-screen': this.scene.key },
    });
    ui.append(this.root);
    this.setup(data ?? ({} as Data));
    setPageLanguage(this.app.lang);
    this.render();
    this.draw();
    this.focusFirst();
    performance.mark(`six-tigers:rendered:${this.scene.key}`);
    this.cleanups.push(
      this.app.onLanguage(() => {
        setPageLanguage(this.app.lang);
        this.render();
        if (this.conflictLayer) this.showConflict();
      }),
      this.app.onSaves(() => this.savesChanged()),
      () => this.conflictLayer?.remove(),
      watchScrollHints(this.root),
    );
    this.conflictError = null;
    this.showConflict();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.game.events.emit(BACKDROP_CALM, !this.animated);
    this.cameras.main.fadeIn(FADE_MS, 11, 18, 32);
    const key = this.scene.key;
    requestAnimationFrame(() => {
      this.root.classList.add('shown');
      // Timing marks for the browser benchmarks: built and painted (charts draw before paint).
      window.setTimeout(() => performance.mark(`${READY_MARK}${key}`), 0);
    });
  }

  /**
   * A panel built before this screen starts (the results while the player plans, the next
   * dashboard while the results are read): in the page, so it is styled and laid out, but
   * transparent (as every screen is until shown) and inert until adoptRoot shows it. Laid out at
   * once, as this runs after a paint; parked (see park) after the next frame, unless `parks`
   * is false: a panel with `content-visibility: auto` parts (the dashboard's cards) would show
   * them a frame late, as they are found on screen again only after a frame.
   */
  protected aheadRoot(content: HTMLElement, parks = true): HTMLElement {
    const ui = this.registry.get(REGISTRY.ui) as HTMLElement;
    const root = h(
      'div',
      {
        class: `${this.screenClass()} ahead`,
        attrs: { inert: true },
      },
      content,
    );
    // Under the screen on show, whose panel takes every click: a parked panel is no longer inert.
    ui.prepend(root);
    root.getBoundingClientRect();
    markAhead(root);
    waiting = { key: this.scene.key, root };
    // Parked once the next frame has drawn its charts (they size from a ResizeObserver entry); a
    // panel not parked has its scroll marks checked again then.
    requestAnimationFrame(() =>
      window.setTimeout(() => (parks ? park(root) : root.isConnected && markAhead(root)), 0),
    );
    return root;
  }

  /** Makes a panel built ahead (aheadRoot) this screen's own, in place of the empty one create made. */
  protected adoptRoot(root: HTMLElement): void {
    if (waiting?.root === root) waiting = null;
    this.root.remove();
    root.classList.remove('ahead', 'parked');
    root.removeAttribute('inert');
    root.setAttribute('data-screen', this.scene.key);
    this.root = root;
  }

  protected tr(key: TextKey, params?: Record<string, string | number>): string {
    return t(this.app.lang, key, params);
  }

  /** The page header every full-page screen shares: a back button and the title. */
  protected pageHead(titleKey: TextKey, onBack: () => void, autofocusBack = false): HTMLElement {
    return h(
      'header',
      { class: 'page-head' },
      h('button', {
        id: 'btn-back',
        class: 'btn ghost',
        text: `← ${this.tr('common.back')}`,
        ...(autofocusBack ? { attrs: { 'data-autofocus': true } } : {}),
        on: { click: onBack },
      }),
      h('h1', { text: this.tr(titleKey) }),
    );
  }

  /** Registers a document key handler for the life of this screen. */
  protected onKey(handler: (e: KeyboardEvent) => void): void {
    const fn = (e: KeyboardEvent) => {
      if (!this.leaving && !this.conflictLayer) handler(e);
    };
    document.addEventListener('keydown', fn);
    this.cleanups.push(() => document.removeEventListener('keydown', fn));
  }

  /** The saves changed (a conflict raised or settled, another tab's save, a restore). */
  protected savesChanged(): void {
    this.showConflict();
  }

  /** Puts up the other-tab notice while the game played here has a conflict; takes it down once settled. */
  private showConflict(): void {
    const conflict = this.app.session ? this.app.conflict : null;
    this.conflictLayer?.remove();
    this.conflictLayer = null;
    this.root.toggleAttribute('inert', conflict !== null);
    if (!conflict || this.leaving) {
      this.conflictError = null;
      return;
    }
    const layer = tabConflictDialog(this.app.lang, conflict, this.conflictError, {
      load: () => this.loadTheirs(),
      keep: () => this.settled(this.app.keepMine()),
      separate: () => this.settled(this.app.playSeparately()),
    });
    layer.addEventListener('keydown', (e) => trapFocus(layer, e));
    this.root.after(layer);
    this.conflictLayer = layer;
    layer.querySelector<HTMLElement>('#btn-tab-load')?.focus({ preventScroll: true });
  }

  private loadTheirs(): void {
    const r = this.app.loadTheirs();
    if (r.kind === 'ok') this.go(r.session.state.ending ? SCENES.ending : SCENES.dashboard);
    else if (r.kind === 'bad') {
      this.conflictError = this.tr(`save.bad.${r.problem}`);
      this.showConflict();
    } else this.settled(true);
  }

  private settled(ok: boolean): void {
    if (!ok) {
      this.conflictError = this.tr('tabs.failed');
      this.showConflict();
      return;
    }
    this.conflictError = null;
    this.render();
    this.focusFirst();
  }

  protected addCleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }

  /** Moves keyboard focus to the screen's preferred first control. */
  protected focusFirst(): void {
    const el =
      this.root.querySelector<HTMLElement>('[data-autofocus]') ?? this.root.querySelector<HTMLElement>('h1');
    // Already there (a render put it there): focusing again would restyle the screen for nothing.
    if (el && el !== document.activeElement) {
      if (el.tabIndex < 0 && !(el instanceof HTMLButtonElement) && !(el instanceof HTMLInputElement))
        el.setAttribute('tabindex', '-1');
      el.focus({ preventScroll: true });
    }
  }

  /**
   * Leaves for another screen, at once: the old panel goes, the next one is built now and shows
   * (a screen over the moving backdrop fades in, one that covers it shows at once), so no fade
   * ever delays the game.
   */
  protected go(key: SceneKey, data?: object, at?: number): void {
    if (this.leaving) return;
    this.leaving = true;
    markAt(`six-tigers:leave:${this.scene.key}`, at);
    // Switch now rather than at the next game step: the player should not wait for a frame,
    // and the loop may be asleep under a full-screen panel.
    const manager = this.game.scene;
    const from = this.scene.key;
    const swap = () => {
      manager.stop(from);
      manager.start(key, data);
    };
    if (manager.getScene(key)) swap();
    // A screen whose code is still loading (just after the first screen): as soon as it is in.
    else
      laterScreens(this.game).then(swap, (e: unknown) => {
        this.leaving = false;
        console.error('Six Tigers: a screen could not be loaded', e);
      });
  }

  /**
   * The screen's handlers go at once; its panel is skipped (`.leaving`: not drawn, not focusable,
   * no clicks) and taken out of the page once the next screen is painted, as taking a few hundred
   * elements out costs milliseconds that the player would wait for.
   */
  private teardown(): void {
    for (const fn of this.cleanups) fn();
    this.cleanups = [];
    const root = this.root;
    root.classList.add('leaving');
    afterPaint(() => root.remove());
  }
}
