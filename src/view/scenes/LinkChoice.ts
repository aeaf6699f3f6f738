// The choice at start-up when the page was opened with a link (a seed link or a replay link) and
// another game is saved in this browser: resume the saved game, or open the link — start the
// link's game (which replaces the save, as the choice says), fill in New game from it, or watch
// the replay (which leaves the save alone). Nothing is changed before the player chooses; which
// case applies is decided in src/app/links.ts.

import { levelText } from '../../app/i18n';
import { actorName } from '../../app/level-text';
import { findLevel } from '../../app/levels';
import type { GameRef, StartDecision } from '../../app/links';
import { linkGame, savedRefOf } from '../../app/links';
import { h, replaceContent } from '../dom';
import { resumeScene, SCENES } from '../keys';
import { forgetAddressLink } from '../panels/replay-code';
import { gameLabel } from '../panels/tab-conflict';
import { ScreenScene } from '../screen';
import type { NewGameData } from './NewGame';

export type LinkChoiceData = { decision?: Extract<StartDecision, { kind: 'ask' }> };

export class LinkChoice extends ScreenScene<LinkChoiceData> {
  private decision: Extract<StartDecision, { kind: 'ask' }> | null = null;

  constructor() {
    super(SCENES.link);
  }

  protected override setup(data: LinkChoiceData): void {
    this.decision = data.decision ?? null;
  }

  /** Another tab saved meanwhile: the saved game is named as it is stored now. */
  protected override savesChanged(): void {
    super.savesChanged();
    this.render();
  }

  /** "Company · level · seed" of the link's game, or null when the link does not say. */
  private linkLabel(game: GameRef | null): string | null {
    const level = game && findLevel(game.levelId);
    if (!game || !level) return null;
    return this.tr('links.game', {
      company: actorName(this.app.lang, level, game.company),
      level: levelText(this.app.lang, level.name),
      seed: game.seed,
    });
  }

  protected render(): void {
    const d = this.decision;
    if (!d) {
      // Started without a question (nothing to ask): only the way to the title.
      replaceContent(
        this.root,
        h(
          'div',
          { class: 'page' },
          this.pageHead('links.title', () => this.go(SCENES.title), true),
        ),
      );
      return;
    }
    const lang = this.app.lang;
    // Two answers, each a button naming what it does and what happens to the saved game.
    const choice = (first: boolean, label: string, notes: (string | null)[]) =>
      h(
        'button',
        {
          id: first ? 'btn-link-resume' : 'btn-link-open',
          class: `btn tab-choice ${first ? 'primary' : ''}`,
          attrs: { 'data-autofocus': first },
          on: { click: () => (first ? this.resume() : this.open()) },
        },
        h('strong', { text: label }),
        notes.map((n) => (n ? h('small', { text: n }) : null)),
      );
    const game = this.linkLabel(linkGame(d.link, findLevel));
    const open = d.open;
    const openChoice =
      open.kind === 'start'
        ? choice(false, this.tr('links.open'), [game, this.tr('links.replaces')])
        : open.kind === 'form'
          ? choice(false, this.tr('links.openForm'), [this.tr('links.replacesIfStarted')])
          : choice(false, this.tr('links.view'), [game, this.tr('links.keeps')]);
    replaceContent(
      this.root,
      h(
        'div',
        { class: 'link-choice-layout' },
        h(
          'section',
          {
            class: 'tab-dialog link-choice',
            attrs: { 'aria-labelledby': 'link-choice-title', 'aria-describedby': 'link-choice-text' },
          },
          h('h1', { id: 'link-choice-title', text: this.tr('links.title') }),
          h('p', { id: 'link-choice-text', text: this.tr('links.intro') }),
          h(
            'div',
            { class: 'tab-choices', attrs: { 'data-open': open.kind } },
            choice(true, this.tr('links.resume'), [
              gameLabel(lang, this.app.saved ? savedRefOf(this.app.saved) : d.saved),
              this.tr('links.resumeNote'),
            ]),
            openChoice,
          ),
        ),
      ),
    );
  }

  /** The saved game, as it is stored now, on the screen this tab was on (else where it stands). */
  private resume(): void {
    forgetAddressLink();
    const app = this.app;
    const screen = app.resumeScreen();
    if (!app.continueGame() || !app.session) {
      // Gone or damaged since (another tab): the title says what is stored now.
      this.go(SCENES.title);
      return;
    }
    this.go(resumeScene(screen, app.session.state.ending !== null));
  }

  /** The link: its replay to verify and watch, its game started, or New game filled in from it. */
  private open(): void {
    const d = this.decision;
    if (!d) return;
    // The link is handed on here: a reload then starts as usual instead of asking again.
    forgetAddressLink();
    const { link, open } = d;
    if (link.kind === 'replay') {
      this.go(SCENES.replay, { code: link.code });
      return;
    }
    if (open.kind === 'start') {
      // Only now is the saved game replaced (kept as a backup).
      const error = this.app.newGame(open.setup);
      if (error === null) {
        this.go(SCENES.dashboard);
        return;
      }
    }
    const form: NewGameData = {};
    if (link.levelId) form.levelId = link.levelId;
    if (link.seed !== null) form.seed = link.seed;
    if (link.company) form.company = link.company;
    this.go(SCENES.newGame, form);
  }
}
