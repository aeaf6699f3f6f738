// New game: pick a level (with its brief), one of the six companies (profile, strengths,
// starting cash, difficulty) and a seed (random or typed; shown, copyable, and carried by a link
// so a class can share one world). The form's rules are src/app/new-game-form.ts. One update path:
// a pick re-renders the screen from its state; typing a seed updates the seed field (a CodeField),
// the link and the Start button only, so the caret is never disturbed.

import { count, money } from '../../app/format';
import type { TextKey } from '../../app/i18n';
import { levelText } from '../../app/i18n';
import { getLevel, LEVEL_IDS } from '../../app/levels';
import { seedLinkOf } from '../../app/links';
import { companyStart, formPick, parseSeed, seedFromDraw, seedLinkUrl } from '../../app/new-game-form';
import type { Level } from '../../engine/index';
import { h, replaceContent } from '../dom';
import { SCENES } from '../keys';
import { forgetAddressLink } from '../panels/replay-code';
import { ScreenScene } from '../screen';
import { emblemElement, glyphOf } from '../theme';
import { CodeField } from '../widgets/code-field';
import type { RadioOption } from '../widgets/radio-group';
import { radioGroup } from '../widgets/radio-group';

export interface NewGameData {
  levelId?: string;
  seed?: number;
  company?: string;
}

/** The word for each difficulty, 1 to 5 stars. */
const DIFFICULTY_WORDS: readonly TextKey[] = [
  'newGame.difficulty.1',
  'newGame.difficulty.2',
  'newGame.difficulty.3',
  'newGame.difficulty.4',
  'newGame.difficulty.5',
];

function randomSeed(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return seedFromDraw(buf[0]!);
}

/** Seed links: ?level=…&seed=…&company=… fill in the form (read by src/app/links.ts). */
function fromUrl(): NewGameData {
  const link = seedLinkOf(window.location.search);
  const out: NewGameData = {};
  if (link?.levelId) out.levelId = link.levelId;
  if (typeof link?.seed === 'number') out.seed = link.seed;
  if (link?.company) out.company = link.company;
  return out;
}

export class NewGame extends ScreenScene<NewGameData> {
  private levelId = LEVEL_IDS[0] as string;
  private company = '';
  private seedText = '';
  private status = '';
  /** The parts a typed seed changes (built by render). */
  private seedField: CodeField | null = null;
  private seedLink: HTMLElement | null = null;
  private startButton: HTMLButtonElement | null = null;

  constructor() {
    super(SCENES.newGame);
  }

  protected override setup(data: NewGameData): void {
    const pick = { ...fromUrl(), ...data };
    const { levelId, company } = formPick(LEVEL_IDS, getLevel, pick);
    this.levelId = levelId;
    this.company = company;
    this.seedText = String(pick.seed ?? randomSeed());
    this.status = '';
    this.onKey((e) => {
      if (e.key === 'Escape') this.go(SCENES.title);
    });
  }

  private get level(): Level {
    return getLevel(this.levelId);
  }

  private link(): string {
    return seedLinkUrl(window.location.href, this.levelId, this.seedText, this.company);
  }

  private pickLevel(id: string): void {
    this.levelId = id;
    this.company = formPick(LEVEL_IDS, getLevel, { levelId: id, company: this.company }).company;
    this.render();
  }

  private pickCompany(id: string): void {
    this.company = id;
    this.render();
  }

  private levelGroup(): HTMLElement {
    const lang = this.app.lang;
    const options: RadioOption[] = LEVEL_IDS.map((id) => {
      const lv = getLevel(id);
      return {
        value: id,
        id: `level-${id}`,
        class: 'level-card',
        content: [
          h('strong', { text: levelText(lang, lv.name) }),
          h('span', {
            class: 'muted',
            text: this.tr('newGame.levelMeta', { start: lv.start, quarters: lv.quarters }),
          }),
          id === this.levelId ? h('p', { text: levelText(lang, lv.brief) }) : null,
        ],
      };
    });
    return radioGroup({
      name: 'level',
      legend: this.tr('newGame.level'),
      class: 'ng-levels',
      options,
      selected: this.levelId,
      onSelect: (id) => this.pickLevel(id),
    });
  }

  private companyGroup(): HTMLElement {
    const level = this.level;
    const options = level.companies
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => level.player.companies.includes(c.id))
      .map(({ c, i }) => ({
        value: c.id,
        id: `company-${c.id}`,
        class: 'company-card',
        style: { '--company': c.color },
        content: this.companyCard(c, i),
      }));
    return radioGroup({
      name: 'company',
      legend: this.tr('newGame.company'),
      class: 'ng-companies',
      listClass: 'company-grid',
      options,
      selected: this.company,
      onSelect: (id) => this.pickCompany(id),
    });
  }

  /** A company's card: emblem, name, difficulty, profile, strength and starting figures. */
  private companyCard(c: Level['companies'][number], i: number): HTMLElement[] {
    const lang = this.app.lang;
    const emblem = h('span', { class: 'emblem', attrs: { 'aria-hidden': 'true' } });
    emblem.append(emblemElement(i, c.color, glyphOf(c.name.zh), c.name.en));
    const start = companyStart(this.level, c);
    const stat = (key: TextKey, value: string) => [h('dt', { text: this.tr(key) }), h('dd', { text: value })];
    return [
      h(
        'div',
        { class: 'company-head' },
        emblem,
        h('div', {}, h('strong', { text: levelText(lang, c.name) }), this.difficulty(c.id, c.difficulty)),
      ),
      h('p', { class: 'profile', text: levelText(lang, c.profile) }),
      h('p', { class: 'strength', text: this.tr(`archetype.${c.archetype}`) }),
      h(
        'dl',
        { class: 'stats' },
        stat('newGame.cash', money(lang, c.cash)),
        stat('newGame.staff', count(lang, start.staff)),
        stat('newGame.quality', start.quality.toFixed(0)),
        stat('newGame.users', count(lang, start.users)),
      ),
    ];
  }

  /** The stars and the word for the eye; "difficulty 3 of 5" for a screen reader. */
  private difficulty(id: string, n: number): HTMLElement {
    return h(
      'span',
      { id: `difficulty-${id}`, class: 'difficulty' },
      h('span', {
        class: 'stars',
        text: `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`,
        attrs: { 'aria-hidden': 'true' },
      }),
      ' ',
      h('span', { class: 'difficulty-word', text: this.tr(DIFFICULTY_WORDS[n - 1]!) }),
      h('span', { class: 'sr-only', text: ` ${this.tr('newGame.difficulty', { n })}` }),
    );
  }

  private seedSection(): HTMLElement {
    const field = new CodeField(
      {
        id: 'seed-input',
        messageId: 'seed-status',
        label: this.tr('newGame.seed'),
        value: this.seedText,
        class: 'seed-input',
        attrs: { inputmode: 'numeric' },
        onInput: (v) => {
          this.seedText = v;
          this.status = '';
          this.refreshSeed();
        },
        onEnter: () => this.start(),
      },
      this.seedState(),
    );
    this.seedField = field;
    this.seedLink = h('code', { id: 'seed-link', text: this.link() });
    return h(
      'fieldset',
      { class: 'ng-seed' },
      h('legend', { text: this.tr('newGame.seed') }),
      h('p', { class: 'muted', text: this.tr('newGame.seedHelp') }),
      h(
        'div',
        { class: 'seed-row' },
        field.label(false),
        field.input,
        h('button', {
          id: 'btn-seed-random',
          class: 'btn',
          text: this.tr('newGame.random'),
          on: { click: () => this.newRandomSeed() },
        }),
        h('button', {
          id: 'btn-seed-copy',
          class: 'btn',
          text: this.tr('newGame.copy'),
          on: { click: () => void this.copy() },
        }),
      ),
      field.message,
      h('p', { class: 'seed-link muted' }, h('span', { text: `${this.tr('newGame.link')} ` }), this.seedLink),
    );
  }

  protected render(): void {
    const replaces =
      this.app.saved && !this.app.saved.state.ending
        ? h('p', { class: 'muted', text: this.tr('newGame.replacesSave') })
        : null;
    this.startButton = h('button', {
      id: 'btn-start',
      class: 'btn primary big',
      text: this.tr('newGame.start'),
      attrs: { disabled: !this.canStart(), 'data-autofocus': true },
      on: { click: () => this.start() },
    });
    replaceContent(
      this.root,
      h(
        'div',
        { class: 'page newgame' },
        this.pageHead('newGame.title', () => this.go(SCENES.title)),
        h(
          'div',
          { class: 'newgame-body', attrs: { 'data-keep-scroll': 'ng' } },
          this.levelGroup(),
          h('div', { class: 'ng-right' }, this.companyGroup(), this.seedSection()),
        ),
        h('footer', { class: 'page-foot' }, replaces, this.startButton),
      ),
    );
  }

  private canStart(): boolean {
    return parseSeed(this.seedText) !== null && this.company !== '';
  }

  private seedState(): { invalid: boolean; message: string } {
    const invalid = parseSeed(this.seedText) === null;
    return { invalid, message: this.status || (invalid ? this.tr('newGame.seedInvalid') : '') };
  }

  /** The seed's parts, after typing or a copy: the field and its message, the link, Start. */
  private refreshSeed(): void {
    this.seedField?.update(this.seedState());
    if (this.seedLink) this.seedLink.textContent = this.link();
    if (this.startButton) this.startButton.disabled = !this.canStart();
  }

  private newRandomSeed(): void {
    this.seedText = String(randomSeed());
    this.status = '';
    this.render();
  }

  private async copy(): Promise<void> {
    const text = this.seedText.trim();
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No clipboard permission: select the seed so the player can copy it by hand.
      this.seedField?.input.focus();
      this.seedField?.input.select();
    }
    this.status = ok ? this.tr('newGame.copied', { seed: text }) : this.tr('newGame.copyManual');
    this.refreshSeed();
  }

  private start(): void {
    const seed = parseSeed(this.seedText);
    if (seed === null || !this.company) return;
    const error = this.app.newGame({ levelId: this.levelId, seed, company: this.company });
    if (error) {
      this.status = error;
      this.refreshSeed();
      return;
    }
    // A seed link has done its work: a reload resumes this game rather than asking about the link.
    forgetAddressLink();
    this.go(SCENES.dashboard);
  }
}
