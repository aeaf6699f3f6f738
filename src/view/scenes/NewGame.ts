// New game: pick a level (with its brief), one of the six companies (profile, strengths,
// starting cash, difficulty) and a seed (random or typed; shown, copyable, and carried by a link
// so a class can share one world).

import { count, money } from '../../app/format';
import type { TextKey } from '../../app/i18n';
import { levelText } from '../../app/i18n';
import { getLevel, LEVEL_IDS } from '../../app/levels';
import { seedLinkOf } from '../../app/links';
import type { Level } from '../../engine/index';
import { economy } from '../../engine/index';
import { h, replaceContent } from '../dom';
import { SCENES } from '../keys';
import { forgetAddressLink } from '../panels/replay-code';
import { ScreenScene } from '../screen';
import { emblemElement, glyphOf } from '../theme';

export interface NewGameData {
  levelId?: string;
  seed?: number;
  company?: string;
}

const MAX_SEED = 999_999_999;

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
  return 1 + (buf[0]! % MAX_SEED);
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

  constructor() {
    super(SCENES.newGame);
  }

  protected override setup(data: NewGameData): void {
    const url = fromUrl();
    const pick = { ...url, ...data };
    this.levelId =
      pick.levelId && (LEVEL_IDS as readonly string[]).includes(pick.levelId)
        ? pick.levelId
        : (LEVEL_IDS[0] as string);
    const level = getLevel(this.levelId);
    this.company =
      pick.company && level.player.companies.includes(pick.company)
        ? pick.company
        : (level.player.companies[0] ?? '');
    this.seedText = String(pick.seed ?? randomSeed());
    this.status = '';
    this.onKey((e) => {
      if (e.key === 'Escape') this.go(SCENES.title);
    });
  }

  private get level(): Level {
    return getLevel(this.levelId);
  }

  private seedValue(): number | null {
    const t = this.seedText.trim();
    if (!/^\d{1,15}$/.test(t)) return null;
    const n = Number(t);
    return Number.isSafeInteger(n) ? n : null;
  }

  private link(): string {
    const u = new URL(window.location.href);
    u.search = '';
    u.hash = '';
    u.searchParams.set('level', this.levelId);
    u.searchParams.set('seed', this.seedText.trim());
    u.searchParams.set('company', this.company);
    return u.toString();
  }

  protected render(): void {
    const lang = this.app.lang;
    const level = this.level;
    const levels = h(
      'fieldset',
      { class: 'ng-levels' },
      h('legend', { text: this.tr('newGame.level') }),
      LEVEL_IDS.map((id) => {
        const lv = getLevel(id);
        return h(
          'label',
          { class: `choice-card level-card ${id === this.levelId ? 'on' : ''}` },
          h('input', {
            id: `level-${id}`,
            attrs: { type: 'radio', name: 'level', value: id, checked: id === this.levelId },
            on: {
              change: () => {
                this.levelId = id;
                const comps = getLevel(id).player.companies;
                if (!comps.includes(this.company)) this.company = comps[0] ?? '';
                this.rerender();
              },
            },
          }),
          h('strong', { text: levelText(lang, lv.name) }),
          h('span', {
            class: 'muted',
            text: this.tr('newGame.levelMeta', { start: lv.start, quarters: lv.quarters }),
          }),
          id === this.levelId ? h('p', { text: levelText(lang, lv.brief) }) : null,
        );
      }),
    );
    const companies = h(
      'fieldset',
      { class: 'ng-companies' },
      h('legend', { text: this.tr('newGame.company') }),
      h(
        'div',
        { class: 'company-grid' },
        level.companies
          .map((c, i) => ({ c, i }))
          .filter(({ c }) => level.player.companies.includes(c.id))
          .map(({ c, i }) => {
            const emblem = h('span', { class: 'emblem', attrs: { 'aria-hidden': 'true' } });
            emblem.append(emblemElement(i, c.color, glyphOf(c.name.zh), c.name.en));
            const staff = c.staff.researchers + c.staff.engineers + c.staff.sales;
            const quality = economy.qualityFromCompute(level, c.computeStock);
            return h(
              'label',
              {
                class: `choice-card company-card ${c.id === this.company ? 'on' : ''}`,
                style: { '--company': c.color },
              },
              h('input', {
                id: `company-${c.id}`,
                attrs: { type: 'radio', name: 'company', value: c.id, checked: c.id === this.company },
                on: {
                  change: () => {
                    this.company = c.id;
                    this.rerender();
                  },
                },
              }),
              h(
                'div',
                { class: 'company-head' },
                emblem,
                h(
                  'div',
                  {},
                  h('strong', { text: levelText(lang, c.name) }),
                  // The stars and the word for the eye; "difficulty 3 of 5" for a screen reader.
                  h(
                    'span',
                    { id: `difficulty-${c.id}`, class: 'difficulty' },
                    h('span', {
                      class: 'stars',
                      text: `${'★'.repeat(c.difficulty)}${'☆'.repeat(5 - c.difficulty)}`,
                      attrs: { 'aria-hidden': 'true' },
                    }),
                    ' ',
                    h('span', {
                      class: 'difficulty-word',
                      text: this.tr(DIFFICULTY_WORDS[c.difficulty - 1]!),
                    }),
                    h('span', {
                      class: 'sr-only',
                      text: ` ${this.tr('newGame.difficulty', { n: c.difficulty })}`,
                    }),
                  ),
                ),
              ),
              h('p', { class: 'profile', text: levelText(lang, c.profile) }),
              h('p', { class: 'strength', text: this.tr(`archetype.${c.archetype}`) }),
              h(
                'dl',
                { class: 'stats' },
                h('dt', { text: this.tr('newGame.cash') }),
                h('dd', { text: money(lang, c.cash) }),
                h('dt', { text: this.tr('newGame.staff') }),
                h('dd', { text: count(lang, staff) }),
                h('dt', { text: this.tr('newGame.quality') }),
                h('dd', { text: quality.toFixed(0) }),
                h('dt', { text: this.tr('newGame.users') }),
                h('dd', { text: count(lang, c.domesticUsers + c.overseasUsers) }),
              ),
            );
          }),
      ),
    );
    const seedOk = this.seedValue() !== null;
    const seed = h(
      'fieldset',
      { class: 'ng-seed' },
      h('legend', { text: this.tr('newGame.seed') }),
      h('p', { class: 'muted', text: this.tr('newGame.seedHelp') }),
      h(
        'div',
        { class: 'seed-row' },
        h('label', { class: 'sr-only', attrs: { for: 'seed-input' }, text: this.tr('newGame.seed') }),
        h('input', {
          id: 'seed-input',
          class: `seed-input ${seedOk ? '' : 'invalid'}`,
          attrs: {
            type: 'text',
            inputmode: 'numeric',
            autocomplete: 'off',
            spellcheck: 'false',
            value: this.seedText,
            'aria-invalid': seedOk ? 'false' : 'true',
            'aria-describedby': 'seed-status',
          },
          on: {
            input: (e) => {
              this.seedText = (e.target as HTMLInputElement).value;
              this.status = '';
              this.updateSeedStatus();
            },
            keydown: (e) => {
              if (e.key === 'Enter') this.start();
            },
          },
        }),
        h('button', {
          id: 'btn-seed-random',
          class: 'btn',
          text: this.tr('newGame.random'),
          on: {
            click: () => {
              this.seedText = String(randomSeed());
              this.status = '';
              this.rerender();
            },
          },
        }),
        h('button', {
          id: 'btn-seed-copy',
          class: 'btn',
          text: this.tr('newGame.copy'),
          on: { click: () => void this.copy() },
        }),
      ),
      h('p', {
        id: 'seed-status',
        class: 'seed-status',
        attrs: { role: 'status' },
        text: this.seedStatusText(),
      }),
      h(
        'p',
        { class: 'seed-link muted' },
        h('span', { text: `${this.tr('newGame.link')} ` }),
        h('code', { id: 'seed-link', text: this.link() }),
      ),
    );
    const replaces =
      this.app.saved && !this.app.saved.state.ending
        ? h('p', { class: 'muted', text: this.tr('newGame.replacesSave') })
        : null;
    replaceContent(
      this.root,
      h(
        'div',
        { class: 'page newgame' },
        this.pageHead('newGame.title', () => this.go(SCENES.title)),
        h(
          'div',
          { class: 'newgame-body', attrs: { 'data-keep-scroll': 'ng' } },
          levels,
          h('div', { class: 'ng-right' }, companies, seed),
        ),
        h(
          'footer',
          { class: 'page-foot' },
          replaces,
          h('button', {
            id: 'btn-start',
            class: 'btn primary big',
            text: this.tr('newGame.start'),
            attrs: { disabled: !seedOk || !this.company, 'data-autofocus': true },
            on: { click: () => this.start() },
          }),
        ),
      ),
    );
  }

  private seedStatusText(): string {
    if (this.status) return this.status;
    return this.seedValue() === null ? this.tr('newGame.seedInvalid') : '';
  }

  private updateSeedStatus(): void {
    const ok = this.seedValue() !== null;
    const input = this.root.querySelector<HTMLInputElement>('#seed-input');
    input?.classList.toggle('invalid', !ok);
    input?.setAttribute('aria-invalid', ok ? 'false' : 'true');
    const status = this.root.querySelector('#seed-status');
    if (status) status.textContent = this.seedStatusText();
    const link = this.root.querySelector('#seed-link');
    if (link) link.textContent = this.link();
    const start = this.root.querySelector<HTMLButtonElement>('#btn-start');
    if (start) start.disabled = !ok || !this.company;
  }

  private rerender(): void {
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
      const input = this.root.querySelector<HTMLInputElement>('#seed-input');
      input?.focus();
      input?.select();
    }
    this.status = ok ? this.tr('newGame.copied', { seed: text }) : this.tr('newGame.copyManual');
    this.updateSeedStatus();
  }

  private start(): void {
    const seed = this.seedValue();
    if (seed === null || !this.company) return;
    const error = this.app.newGame({ levelId: this.levelId, seed, company: this.company });
    if (error) {
      this.status = error;
      this.updateSeedStatus();
      return;
    }
    // A seed link has done its work: a reload resumes this game rather than asking about the link.
    forgetAddressLink();
    this.go(SCENES.dashboard);
  }
}
