// The title screen: the emblem with the six companies circling it on the canvas, and the menu —
// Continue, New game, Load replay code, How to play, Language, Instructor — and the other saved
// games (backups of replaced games, separate saves) with a Restore button each.

import * as Phaser from 'phaser';
import type { TextKey } from '../../app/i18n';
import { levelText } from '../../app/i18n';
import { LEVEL_IDS, levelCompanies } from '../../app/levels';
import { quarterLabel } from '../../engine/index';
import { h, replaceContent } from '../dom';
import { SCENES, TEXTURES } from '../keys';
import { gameLabel } from '../panels/tab-conflict';
import { ScreenScene } from '../screen';
import { langSwitch } from '../widgets/lang-switch';

export class Title extends ScreenScene {
  private orbit: Phaser.GameObjects.Image[] = [];
  private center!: Phaser.GameObjects.Image;
  private ring!: Phaser.GameObjects.Graphics;
  /** What the last Restore did, said until the player leaves the title. */
  private restoreNote: { text: string; warn: boolean } | null = null;

  constructor() {
    super(SCENES.title);
  }

  protected override setup(): void {
    this.restoreNote = null;
  }

  /** Another tab saved, or a restore: "Continue" and the list of saved games are read again. */
  protected override savesChanged(): void {
    super.savesChanged();
    this.render();
  }

  protected render(): void {
    const menu = h(
      'nav',
      { class: 'title-menu panel', attrs: { 'aria-label': this.tr('title.menu') } },
      h(
        'h1',
        { class: 'title-name' },
        h('span', { class: 'zh', text: '六小虎' }),
        h('span', { class: 'en', text: 'Six Tigers' }),
      ),
      h('p', { class: 'tagline', text: this.tr('title.tagline') }),
      this.badSaveNotice(),
      this.menuButtons(),
      this.backupList(),
      h('p', {
        class: 'footnote',
        text: this.app.saving ? this.tr('title.footnote') : this.tr('title.noSaving'),
      }),
    );
    replaceContent(this.root, h('div', { class: 'title-layout' }, h('div', { class: 'title-art' }), menu));
  }

  /** What was wrong with the stored game, and whether it was kept; nothing when it was fine. */
  private badSaveNotice(): HTMLElement | null {
    const bad = this.app.badSave;
    if (!bad) return null;
    return h(
      'div',
      { class: 'notice warn', attrs: { role: 'alert' } },
      h('strong', { text: this.tr(`save.bad.${bad.problem}`) }),
      h('p', {
        text: bad.backupKey ? this.tr('save.bad.kept', { key: bad.backupKey }) : this.tr('save.bad.notKept'),
      }),
    );
  }

  /** The menu: Continue (with the saved game), New game, Load replay code, How to play, language, Instructor. */
  private menuButtons(): HTMLElement {
    const app = this.app;
    const saved = app.saved;
    const resumable = saved !== null && !saved.state.ending;
    const button = (id: string, cls: string, key: TextKey, go: () => void) =>
      h('button', { id, class: cls, text: this.tr(key), on: { click: go } });
    return h(
      'div',
      { class: 'menu-buttons' },
      resumable
        ? h(
            'button',
            {
              id: 'btn-continue',
              class: 'btn primary big',
              attrs: { 'data-autofocus': true },
              on: { click: () => this.continueGame() },
            },
            h('span', { text: this.tr('title.continue') }),
            h('small', {
              text: this.tr('title.continueDetail', {
                company: levelText(
                  app.lang,
                  saved.level.companies.find((c) => c.id === saved.setup.company)?.name,
                ),
                quarter: quarterLabel(saved.level, saved.state.turn),
              }),
            }),
          )
        : null,
      h('button', {
        id: 'btn-new',
        class: `btn big ${resumable ? '' : 'primary'}`,
        text: this.tr('title.newGame'),
        attrs: { 'data-autofocus': !resumable },
        on: { click: () => this.go(SCENES.newGame) },
      }),
      button('btn-replay', 'btn', 'title.replay', () => this.go(SCENES.replay)),
      button('btn-howto', 'btn', 'title.howTo', () =>
        this.go(SCENES.info, { page: 'howto', back: SCENES.title }),
      ),
      langSwitch({
        label: this.tr('title.language'),
        current: app.lang,
        idPrefix: 'btn-lang-',
        visibleLabel: true,
        onPick: (l) => app.setLanguage(l),
      }),
      button('btn-instructor', 'btn ghost', 'title.instructor', () => this.go(SCENES.instructor)),
    );
  }

  /** The saved games "Continue" does not play, each with a Restore button; nothing when there are none. */
  private backupList(): HTMLElement | null {
    const entries = this.app.backups();
    const note = this.restoreNote;
    if (entries.length === 0 && !note) return null;
    const lang = this.app.lang;
    return h(
      'section',
      { class: 'backups', attrs: { 'aria-labelledby': 'backups-title' } },
      h('h2', { id: 'backups-title', text: this.tr('backups.title') }),
      note
        ? h('p', {
            id: 'restore-note',
            class: `notice ${note.warn ? 'warn' : ''}`,
            text: note.text,
            attrs: { role: note.warn ? 'alert' : 'status', tabindex: -1 },
          })
        : null,
      h(
        'ul',
        { class: 'backup-list' },
        entries.map((e, i) => {
          const params = { game: gameLabel(lang, e), seed: e.seed };
          const time = new Date(e.savedAt);
          return h(
            'li',
            { class: 'backup', attrs: { 'data-key': e.key } },
            h('span', { class: 'backup-game', text: this.tr('backups.entry', params) }),
            Number.isNaN(time.getTime())
              ? null
              : h('span', {
                  class: 'backup-time muted',
                  text: this.tr('backups.savedAt', { time: time.toLocaleString(lang) }),
                }),
            h('button', {
              id: `btn-restore-${i}`,
              class: 'btn chip',
              text: this.tr('backups.restore'),
              attrs: { 'aria-label': this.tr('backups.restoreLabel', params) },
              on: { click: () => this.restore(e.key) },
            }),
          );
        }),
      ),
    );
  }

  /** Restores a backup as the autosave; says what happened and offers Continue. */
  private restore(key: string): void {
    const r = this.app.restoreBackup(key);
    this.restoreNote = r.ok
      ? { text: this.tr('backups.restored'), warn: false }
      : {
          text:
            r.problem === 'gone' || r.problem === 'storage'
              ? this.tr(`backups.${r.problem}`)
              : this.tr(`save.bad.${r.problem}`),
          warn: true,
        };
    this.render();
    this.root.querySelector<HTMLElement>(r.ok ? '#btn-continue' : '#restore-note')?.focus();
  }

  private continueGame(): void {
    const app = this.app;
    // The stored game is read again: another tab may have played on, or left a bad save.
    if (!app.continueGame() || !app.session) {
      this.render();
      return;
    }
    this.go(app.session.state.ending ? SCENES.ending : SCENES.dashboard);
  }

  protected override draw(): void {
    this.ring = this.add.graphics();
    this.center = this.add.image(0, 0, TEXTURES.emblem);
    // The companies as the first level's file lists them: the title does not wait for the level.
    const companies = this.app.saved?.level.companies ?? levelCompanies(LEVEL_IDS[0]!);
    this.orbit = companies
      .filter((c) => this.textures.exists(TEXTURES.company(c.id)))
      .map((c) => this.add.image(0, 0, TEXTURES.company(c.id)));
    this.layout();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.layout, this);
    this.addCleanup(() => this.scale.off(Phaser.Scale.Events.RESIZE, this.layout, this));
    this.tweens.add({
      targets: this.center,
      scale: { from: this.center.scale * 0.92, to: this.center.scale },
      duration: 900,
      ease: 'Back.easeOut',
    });
  }

  private cx = 0;
  private cy = 0;
  private radius = 0;

  private layout(): void {
    const { width, height } = this.scale;
    const narrow = width < 1000; // the narrow layout of style.css: the menu under the emblem
    this.cx = narrow ? width / 2 : width * 0.3;
    this.cy = narrow ? height * 0.22 : height / 2;
    const base = Math.min(narrow ? height * 0.36 : height, narrow ? width : width * 0.55);
    this.radius = base * 0.34;
    const emblem = base * 0.32;
    this.center.setPosition(this.cx, this.cy).setDisplaySize(emblem, emblem);
    for (const img of this.orbit) img.setDisplaySize(base * 0.12, base * 0.12);
    this.ring.clear();
    this.ring.lineStyle(2, 0xf5c542, 0.35).strokeCircle(this.cx, this.cy, this.radius);
    this.ring.lineStyle(1, 0x6fa8ff, 0.25).strokeCircle(this.cx, this.cy, this.radius * 1.22);
    this.place(0);
  }

  private place(time: number): void {
    const n = this.orbit.length;
    this.orbit.forEach((img, i) => {
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / n + time * 0.00008;
      img.setPosition(this.cx + this.radius * Math.cos(a), this.cy + this.radius * Math.sin(a));
    });
  }

  override update(time: number): void {
    if (this.orbit.length) this.place(time);
  }
}
