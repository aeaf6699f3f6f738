// The title screen: the emblem with the six companies circling it on the canvas, and the menu —
// Continue, New game, Load replay code, How to play, Language, Instructor.

import * as Phaser from 'phaser';
import type { Language } from '../../app/i18n';
import { LANGUAGES, levelText } from '../../app/i18n';
import { getLevel, LEVEL_IDS } from '../../app/levels';
import { quarterLabel } from '../../engine/index';
import { h } from '../dom';
import { SCENES, TEXTURES } from '../keys';
import { ScreenScene } from '../screen';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export class Title extends ScreenScene {
  private orbit: Phaser.GameObjects.Image[] = [];
  private center!: Phaser.GameObjects.Image;
  private ring!: Phaser.GameObjects.Graphics;

  constructor() {
    super(SCENES.title);
  }

  protected render(): void {
    const app = this.app;
    const saved = app.saved;
    const savedAt = saved
      ? this.tr('title.continueDetail', {
          company: levelText(app.lang, saved.level.companies.find((c) => c.id === saved.setup.company)?.name),
          quarter: quarterLabel(saved.level, saved.state.turn),
        })
      : '';
    const bad = app.badSave;
    const notice = bad
      ? h(
          'div',
          { class: 'notice warn', attrs: { role: 'alert' } },
          h('strong', { text: this.tr(`save.bad.${bad.problem}`) }),
          h('p', {
            text: bad.backupKey
              ? this.tr('save.bad.kept', { key: bad.backupKey })
              : this.tr('save.bad.notKept'),
          }),
        )
      : null;
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
      notice,
      h(
        'div',
        { class: 'menu-buttons' },
        saved && !saved.state.ending
          ? h(
              'button',
              {
                id: 'btn-continue',
                class: 'btn primary big',
                attrs: { 'data-autofocus': true },
                on: { click: () => this.continueGame() },
              },
              h('span', { text: this.tr('title.continue') }),
              h('small', { text: savedAt }),
            )
          : null,
        h('button', {
          id: 'btn-new',
          class: `btn big ${saved && !saved.state.ending ? '' : 'primary'}`,
          text: this.tr('title.newGame'),
          attrs: { 'data-autofocus': !(saved && !saved.state.ending) },
          on: { click: () => this.go(SCENES.newGame) },
        }),
        h('button', {
          id: 'btn-replay',
          class: 'btn',
          text: this.tr('title.replay'),
          on: { click: () => this.go(SCENES.replay) },
        }),
        h('button', {
          id: 'btn-howto',
          class: 'btn',
          text: this.tr('title.howTo'),
          on: { click: () => this.go(SCENES.info, { page: 'howto', back: SCENES.title }) },
        }),
        h(
          'div',
          { class: 'lang-switch', attrs: { role: 'group', 'aria-label': this.tr('title.language') } },
          h('span', {
            class: 'lang-label',
            text: this.tr('title.language'),
            attrs: { 'aria-hidden': 'true' },
          }),
          LANGUAGES.map((l) =>
            h('button', {
              id: `btn-lang-${l}`,
              class: `btn chip ${app.lang === l ? 'on' : ''}`,
              text: LANGUAGE_NAMES[l],
              attrs: { lang: l, 'aria-pressed': app.lang === l ? 'true' : 'false' },
              on: { click: () => app.setLanguage(l) },
            }),
          ),
        ),
        h('button', {
          id: 'btn-instructor',
          class: 'btn ghost',
          text: this.tr('title.instructor'),
          on: { click: () => this.go(SCENES.instructor) },
        }),
      ),
      h('p', { class: 'footnote', text: app.saving ? this.tr('title.footnote') : this.tr('title.noSaving') }),
    );
    this.root.replaceChildren(h('div', { class: 'title-layout' }, h('div', { class: 'title-art' }), menu));
  }

  private continueGame(): void {
    const app = this.app;
    if (!app.continueGame() || !app.session) return;
    this.go(app.session.state.ending ? SCENES.ending : SCENES.dashboard);
  }

  protected override draw(): void {
    this.ring = this.add.graphics();
    this.center = this.add.image(0, 0, TEXTURES.emblem);
    const level = this.app.saved?.level ?? getLevel(LEVEL_IDS[0]!);
    this.orbit = level.companies
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
    const narrow = width < 900;
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
