// Load replay code: the player pastes a code (or opens the game with ?replay=… / #replay=…), the
// game re-simulates it against the bundled levels and says what it found — valid (with the
// company, ending, score and final quarter, "watch replay" and "play the same seed again"), or
// why not. Nothing a code carries goes in as HTML, and no code, however broken, can crash the page.

import { money } from '../../app/format';
import { levelText } from '../../app/i18n';
import { findLevel } from '../../app/levels';
import type { SavedRef } from '../../app/links';
import { decideFork, savedRefOf } from '../../app/links';
import { refusalText, statusText, validEndingText } from '../../app/outcome-text';
import type { VerifyOutcome } from '../../app/replay-code';
import { extractCode, MAX_INPUT_CHARS, verifyReplay } from '../../app/replay-code';
import { quarterLabel } from '../../engine/index';
import { h } from '../dom';
import { SCENES } from '../keys';
import { askOver } from '../panels/confirm';
import { forgetAddressLink, replayFromUrl } from '../panels/replay-code';
import { gameLabel } from '../panels/tab-conflict';
import { ScreenScene } from '../screen';
import { CodeField } from '../widgets/code-field';

interface ReplayData {
  /** A code to fill in and verify at once (otherwise the page address's, if any). */
  code?: string;
}

/** Verifies a pasted code; never throws. */
function verify(input: string): VerifyOutcome {
  try {
    return verifyReplay(extractCode(input), findLevel);
  } catch (e) {
    return {
      status: 'corrupted',
      message: e instanceof Error ? e.message : String(e),
      reason: { kind: 'unreadable' },
    };
  }
}

export class Replay extends ScreenScene<ReplayData> {
  private pasted = '';
  private outcome: VerifyOutcome | null = null;
  private empty = false;
  /** The question put before a new game replaces the saved one, while it is up. */
  private confirmLayer: HTMLElement | null = null;

  constructor() {
    super(SCENES.replay);
  }

  protected override setup(data: ReplayData): void {
    const given = data.code ?? replayFromUrl() ?? '';
    this.empty = false;
    this.outcome = given.trim() ? verify(given) : null;
    // Refused by its length: not copied into the field, where laying out a megabyte takes seconds.
    this.pasted = given.length > MAX_INPUT_CHARS ? '' : given;
    this.confirmLayer = null;
    this.addCleanup(() => this.confirmLayer?.remove());
    this.onKey((e) => {
      // The question takes the keys while it is up (its own Escape says no).
      if (e.key === 'Escape' && !this.confirmLayer) this.go(SCENES.title);
    });
  }

  private check(): void {
    this.empty = !this.pasted.trim();
    this.outcome = this.empty ? null : verify(this.pasted);
    const old = this.root.querySelector('#replay-result');
    old?.replaceWith(this.result());
  }

  private again(): void {
    if (this.outcome?.status !== 'valid' || this.confirmLayer) return;
    const r = this.outcome.replay;
    const start = () => {
      if (this.app.newGame({ levelId: r.levelId, seed: r.seed, company: r.company }) === null) {
        // A replay link has done its work: a reload resumes this game rather than asking about the link.
        forgetAddressLink();
        this.go(SCENES.dashboard);
      }
    };
    // A new game replaces the saved one: with one saved, the player says yes first (as for a fork).
    const d = decideFork(this.app.saved ? savedRefOf(this.app.saved) : null);
    if (d.kind === 'fork') start();
    else this.askAgain(d.saved, start);
  }

  /** "This replaces your saved game (…). Start anyway?"; Cancel or Escape keep everything. */
  private askAgain(saved: SavedRef, yes: () => void): void {
    askOver(
      this.root,
      this.app.lang,
      'again-confirm',
      {
        title: this.tr('viewer.forkConfirm.title'),
        text: this.tr('replay.againConfirm.text', { game: gameLabel(this.app.lang, saved) }),
        yes: this.tr('replay.againConfirm.yes'),
        cancel: this.tr('common.cancel'),
      },
      yes,
      '#btn-replay-again',
      (layer) => {
        this.confirmLayer = layer;
      },
    );
  }

  private result(): HTMLElement {
    const o = this.outcome;
    if (!o)
      return h('section', {
        id: 'replay-result',
        class: 'card replay-result',
        attrs: { role: 'status', 'data-status': '' },
        text: this.empty ? this.tr('replay.empty') : '',
      });
    const lang = this.app.lang;
    if (o.status !== 'valid')
      return h(
        'section',
        {
          id: 'replay-result',
          class: 'card replay-result bad',
          attrs: { role: 'status', 'data-status': o.status },
        },
        h('h2', { text: `${this.tr('replay.status.invalid')} · ${statusText(lang, o.status)}` }),
        h('p', { id: 'replay-message', text: refusalText(lang, o.reason) }),
      );
    const r = o.replay;
    const level = findLevel(r.levelId);
    const spec = level?.companies.find((c) => c.id === r.company);
    const row = (id: string, label: string, value: string) => [
      h('dt', { text: label }),
      h('dd', { id, text: value }),
    ];
    return h(
      'section',
      {
        id: 'replay-result',
        class: 'card replay-result good',
        attrs: { role: 'status', 'data-status': 'valid' },
      },
      h('h2', { text: this.tr('replay.status.valid') }),
      h('p', {
        id: 'replay-message',
        text: this.tr(o.ending ? 'replay.valid' : 'replay.validUnfinished'),
      }),
      h(
        'dl',
        { class: 'stats replay-stats' },
        row('replay-company', this.tr('replay.company'), spec ? levelText(lang, spec.name) : r.company),
        row('replay-ending', this.tr('replay.ending'), validEndingText(lang, level, o)),
        row('replay-score', this.tr('replay.score'), money(lang, o.score)),
        row(
          'replay-quarter',
          this.tr('replay.finalQuarter'),
          level ? quarterLabel(level, o.ending ? o.ending.turn : Math.max(0, o.state.turn - 1)) : '—',
        ),
        row(
          'replay-level',
          this.tr('replay.level'),
          `${level ? levelText(lang, level.name) : r.levelId} · ${r.seed}`,
        ),
        row('replay-commands', this.tr('replay.commands'), String(r.log.length)),
      ),
      h(
        'div',
        { class: 'replay-actions' },
        h('button', {
          id: 'btn-watch',
          class: 'btn primary',
          text: this.tr('replay.watch'),
          on: { click: () => this.go(SCENES.viewer, { code: extractCode(this.pasted), back: 'replay' }) },
        }),
        h('button', {
          id: 'btn-replay-again',
          class: 'btn',
          text: this.tr('replay.again'),
          on: { click: () => this.again() },
        }),
      ),
    );
  }

  protected render(): void {
    // The code box is the shared code field; what a verified code is, or why it is refused, shows
    // in the result card below it, so its own message line stays empty.
    const code = new CodeField(
      {
        id: 'replay-input',
        messageId: 'replay-input-status',
        label: this.tr('replay.input'),
        showLabel: false,
        rows: 4,
        value: this.pasted,
        class: 'replay-code-field',
        onInput: (value) => {
          this.pasted = value;
        },
        onEnter: () => this.check(),
      },
      { invalid: this.outcome !== null && this.outcome.status !== 'valid', message: '' },
    );
    const field = code.input;
    this.root.replaceChildren(
      h(
        'div',
        { class: 'page info info-replay' },
        this.pageHead('replay.title', () => this.go(SCENES.title)),
        h(
          'div',
          { class: 'info-body replay-body' },
          h(
            'section',
            { class: 'card replay-form' },
            h('label', { text: this.tr('replay.intro'), attrs: { for: 'replay-input' } }),
            field,
            code.message,
            h('button', {
              id: 'btn-verify',
              class: 'btn primary',
              text: this.tr('replay.verify'),
              on: { click: () => this.check() },
            }),
          ),
          this.result(),
        ),
      ),
    );
    if (!this.outcome) field.setAttribute('data-autofocus', '');
  }
}
