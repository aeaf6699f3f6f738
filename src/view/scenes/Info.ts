// Information pages: how to play (the instructor's view is a screen of its own, Instructor.ts), with
// the button that replays the guided first quarter (on the game being played, else on the next one).

import { goalRuleText } from '../../app/goal-text';
import type { TextKey } from '../../app/i18n';
import { getLevel, LEVEL_IDS } from '../../app/levels';
import { h } from '../dom';
import type { InfoPage, SceneKey } from '../keys';
import { SCENES } from '../keys';
import { ScreenScene } from '../screen';

interface InfoData {
  page?: InfoPage;
  back?: SceneKey;
}

const HOWTO_SECTIONS: readonly [TextKey, TextKey][] = [
  ['howto.goal.title', 'howto.goal.text'],
  ['howto.quarter.title', 'howto.quarter.text'],
  ['howto.split.title', 'howto.split.text'],
  ['howto.markets.title', 'howto.markets.text'],
  ['howto.price.title', 'howto.price.text'],
  ['howto.people.title', 'howto.people.text'],
  ['howto.money.title', 'howto.money.text'],
  ['howto.events.title', 'howto.events.text'],
  ['howto.endings.title', 'howto.endings.text'],
  ['howto.keys.title', 'howto.keys.text'],
];

export class Info extends ScreenScene<InfoData> {
  private page: InfoPage = 'howto';
  private back: SceneKey = SCENES.title;
  /** What the guide button did, when it could not show the guide at once. */
  private status = '';

  constructor() {
    super(SCENES.info);
  }

  protected override setup(data: InfoData): void {
    this.page = data.page ?? 'howto';
    this.back = data.back ?? SCENES.title;
    this.status = '';
    this.onKey((e) => {
      if (e.key === 'Escape') this.leave();
    });
  }

  private leave(): void {
    this.go(this.back === SCENES.dashboard && !this.app.session ? SCENES.title : this.back);
  }

  /** The guide over the game being played; with none, it is forgotten so the next game shows it. */
  private replayGuide(): void {
    if (this.back === SCENES.dashboard && this.app.session && !this.app.session.state.ending) {
      this.go(SCENES.dashboard, { guide: true });
      return;
    }
    this.app.setGuideSeen(false);
    this.status = this.tr('guide.replayLater');
    this.render();
  }

  protected render(): void {
    const title: TextKey = 'howto.title';
    // The made-it rule in the numbers of the level being played (or the first level).
    const level = this.app.session?.level ?? getLevel(LEVEL_IDS[0]!);
    const body = HOWTO_SECTIONS.map(([t, x]) =>
      h(
        'section',
        { class: 'card howto-item' },
        h('h2', { text: this.tr(t) }),
        h('p', { text: this.tr(x) }),
        t === 'howto.goal.title'
          ? h('p', { id: 'howto-goal-rule', text: goalRuleText(this.app.lang, level) })
          : null,
      ),
    );
    this.root.replaceChildren(
      h(
        'div',
        { class: `page info info-${this.page}` },
        this.pageHead(title, () => this.leave(), true),
        h(
          'div',
          { class: 'info-guide' },
          h('button', {
            id: 'btn-guide',
            class: 'btn',
            text: this.tr('guide.replay'),
            on: { click: () => this.replayGuide() },
          }),
          h('span', { id: 'guide-replay-status', text: this.status, attrs: { role: 'status' } }),
        ),
        h('div', { class: 'info-body howto-grid' }, body),
      ),
    );
  }
}
