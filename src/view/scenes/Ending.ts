// The ending: the outcome, the score and where it stands against par (the reference strategies
// played on the same seed and company: src/app/par.ts, the same numbers as the instructor view), the debrief with the player's numbers, a timeline of key decisions,
// the final state hash, the replay code (copy it or a link, or watch it in the replay viewer), and
// "play the same seed again".

import { conceptsMet, lessons, timeline } from '../../app/debrief';
import { money } from '../../app/format';
import { endingGoalText } from '../../app/goal-text';
import { levelText } from '../../app/i18n';
import { standingFor } from '../../app/par';
import { replayCodeOf } from '../../app/replay-code';
import { scorePartItems } from '../../app/score-text';
import type { Standing } from '../../engine/index';
import { madeItProgress, PAR_RUNS, playedOn, playerOf, quarterLabel, scoreParts } from '../../engine/index';
import { h } from '../dom';
import { SCENES, TEXTURES } from '../keys';
import { historyCharts } from '../panels/history-charts';
import { emblem } from '../panels/names';
import { replayCodeBox } from '../panels/replay-code';
import { ScreenScene } from '../screen';
import { debriefSection, finalFigures, ParLines, timelineSection } from './ending-sections';

export class Ending extends ScreenScene {
  /** undefined: still computing; null: par could not be computed. */
  private standing: Standing | null | undefined = undefined;
  private parTimer = 0;
  /** This game's replay code ('' if it could not be made). */
  private code = '';
  /** The par lines of the score list, updated once par is computed (built by render). */
  private parLines: ParLines | null = null;

  constructor() {
    super(SCENES.ending);
  }

  protected override setup(): void {
    this.standing = undefined;
    const session = this.app.session;
    if (!session?.state.ending) return;
    this.app.setScreen('ending');
    const { level, setup, state } = session;
    const score = state.ending!.score;
    try {
      this.code = replayCodeOf(level, state, session.log, session.branch);
    } catch {
      this.code = '';
    }
    // Two dozen headless games: after the first paint, so the screen appears at once.
    this.parTimer = window.setTimeout(() => {
      this.standing = standingFor(level, setup.seed, setup.company, score);
      this.parLines?.update(this.standing);
    }, 250);
    this.addCleanup(() => window.clearTimeout(this.parTimer));
  }

  override create(data: object): void {
    super.create(data);
    if (!this.app.session?.state.ending) this.go(this.app.session ? SCENES.dashboard : SCENES.title);
  }

  protected override draw(): void {
    const kind = this.app.session?.state.ending?.kind;
    if (!kind) return;
    const { width } = this.scale;
    const good = kind === 'made-it' || kind === 'acquired';
    const tints = good ? [0xf5c542, 0x56b4e9, 0xe69f00, 0xcc79a7, 0x2cb58f] : [0x5a6b85, 0x3d4a60];
    this.add.particles(0, -10, TEXTURES.spark, {
      x: { min: 0, max: width },
      lifespan: 4200,
      speedY: good ? { min: 80, max: 180 } : { min: 20, max: 50 },
      speedX: { min: -30, max: 30 },
      scale: good ? { start: 0.5, end: 0.2 } : { start: 0.35, end: 0.1 },
      alpha: { start: 0.9, end: 0 },
      tint: tints,
      quantity: good ? 3 : 1,
      frequency: good ? 60 : 220,
      duration: good ? 3000 : 6000,
    });
  }

  /** For made-it, the quarter's figures against the bars; for time's up, what the last quarter lacked. */
  private goalText(): HTMLElement | null {
    const session = this.app.session;
    const ending = session?.state.ending;
    if (!session || !ending) return null;
    const progress = madeItProgress(session.level, session.state, session.state.playerId);
    const text = progress ? endingGoalText(this.app.lang, session.level, ending.kind, progress) : null;
    return text ? h('p', { id: 'ending-goal', class: 'ending-goal', text }) : null;
  }

  /**
   * What happened: the ending's text and the goal's sentence; for a game that made it and played on,
   * "Made it in 2025Q1, then played on to the last quarter (2026Q4)." instead (the ending's own text
   * and the goal line would say it never made it).
   */
  private story(): HTMLElement[] {
    const session = this.app.session;
    const ending = session?.state.ending;
    if (!session || !ending) return [];
    const { level, state } = session;
    if (!playedOn(state)) {
      const text = h('p', { class: 'ending-text', text: this.tr(`ending.${ending.kind}.text`) });
      const goal = this.goalText();
      return goal ? [text, goal] : [text];
    }
    const kind = ending.kind === 'made-it' ? 'times-up' : ending.kind;
    const madeIt = quarterLabel(level, playerOf(state).madeItTurn!);
    const quarter = quarterLabel(level, ending.turn);
    return [
      h('p', {
        id: 'ending-played-on',
        class: 'ending-text',
        text: this.tr(`ending.playedOn.${kind}`, { madeIt, quarter }),
      }),
    ];
  }

  /**
   * At a made-it ending with quarters left: Play on to the last quarter (game/play-on, sent through
   * the session like every command, so it is logged and autosaved), with what it keeps and risks.
   */
  private playOnOffer(): HTMLElement | null {
    const session = this.app.session;
    const { level, state } = session ?? {};
    if (!session || !level || !state || state.ending?.kind !== 'made-it' || state.turn >= level.quarters)
      return null;
    return h(
      'div',
      { id: 'play-on', class: 'play-on' },
      h('button', {
        id: 'btn-play-on',
        class: 'btn primary',
        text: this.tr('ending.playOn', { quarter: quarterLabel(level, level.quarters - 1) }),
        attrs: { 'aria-describedby': 'play-on-help' },
        on: { click: () => this.playOn() },
      }),
      h('p', {
        id: 'play-on-help',
        class: 'muted small',
        text: this.tr('ending.playOnHelp', { score: money(this.app.lang, state.ending.score) }),
      }),
    );
  }

  private playOn(): void {
    const session = this.app.session;
    if (session?.dispatch({ type: 'game/play-on' }).ok) this.go(SCENES.dashboard);
  }

  /** The score taken apart (the engine's scoreParts): "= founders' 24% of … + made-it honour …". */
  private scorePartsLine(): HTMLElement | null {
    const session = this.app.session;
    if (!session?.state.ending) return null;
    const items = scorePartItems(this.app.lang, scoreParts(session.level, session.state));
    return h(
      'dd',
      { id: 'score-parts', class: 'score-parts' },
      '= ',
      items.map((item, k) => [
        k > 0 ? ' + ' : null,
        h('span', {
          class: 'score-part',
          text: item.text,
          attrs: { 'data-part': item.id, 'data-wan': item.wan },
        }),
      ]),
    );
  }

  private again(): void {
    const session = this.app.session;
    if (!session) return;
    if (this.app.newGame({ ...session.setup }) === null) this.go(SCENES.dashboard);
  }

  protected render(): void {
    const session = this.app.session;
    const ending = session?.state.ending;
    if (!session || !ending) return;
    const { level, state, setup } = session;
    const lang = this.app.lang;
    const tr = this.tr.bind(this);
    const debrief = [...lessons(lang, level, state), ...conceptsMet(lang, level, state)];
    this.root.replaceChildren(
      h(
        'div',
        { class: `page ending ending-${ending.kind}` },
        this.hero(),
        debriefSection(tr, debrief),
        timelineSection(tr, timeline(lang, level, setup, session.log)),
        h(
          'section',
          { class: 'ending-charts', attrs: { 'aria-label': this.tr('results.charts') } },
          historyCharts(lang, level, state).slice(0, 2),
        ),
      ),
    );
  }

  /** The card at the top: who, when, the ending, the score and par, the figures, the code, the actions. */
  private hero(): HTMLElement | null {
    const session = this.app.session;
    const ending = session?.state.ending;
    if (!session || !ending) return null;
    const { level, state } = session;
    const lang = this.app.lang;
    const me = playerOf(state);
    const spec = level.companies.find((c) => c.id === me.id);
    return h(
      'section',
      { class: 'ending-hero card' },
      h(
        'div',
        { class: 'hero-who' },
        emblem(level, me.id, 'emblem lg'),
        h('span', { text: spec ? levelText(lang, spec.name) : me.id }),
      ),
      h('p', {
        class: 'kicker',
        text: this.tr('ending.kicker', { quarter: quarterLabel(level, ending.turn) }),
      }),
      h('h1', { id: 'ending-title', class: 'ending-title', text: this.tr(`ending.${ending.kind}.title`) }),
      this.story(),
      this.playOnOffer(),
      this.scoreList(),
      h('p', { class: 'muted par-explain', text: this.tr('par.explain', { n: PAR_RUNS }) }),
      finalFigures(lang, this.tr.bind(this), state, me),
      this.code
        ? replayCodeBox(this.code, {
            title: this.tr('ending.replayCode'),
            help: this.tr('ending.replayHelp', { n: session.logLength }),
            copyCode: this.tr('ending.copyCode'),
            copyLink: this.tr('ending.copyLink'),
            link: this.tr('ending.replayLink'),
            copied: this.tr('ending.copied'),
            manual: this.tr('ending.copyManual'),
          })
        : null,
      this.actions(),
    );
  }

  /** Score, its parts, par (computed after the first paint), the world and the final hash. */
  private scoreList(): HTMLElement | null {
    const session = this.app.session;
    const ending = session?.state.ending;
    if (!session || !ending) return null;
    const lang = this.app.lang;
    this.parLines = new ParLines(lang, this.tr.bind(this), this.standing);
    return h(
      'dl',
      { class: 'score' },
      h('dt', { text: this.tr('ending.score') }),
      h('dd', { id: 'score', text: money(lang, ending.score), attrs: { 'data-wan': ending.score } }),
      h('dt', { text: this.tr('ending.parts') }),
      this.scorePartsLine(),
      this.parLines.items(),
      h('dt', { text: this.tr('ending.seed') }),
      h('dd', { text: `${levelText(lang, session.level.name)} · ${session.setup.seed}` }),
      h('dt', { text: this.tr('ending.hash') }),
      h('dd', {}, h('code', { id: 'final-hash', text: session.hash() })),
    );
  }

  /** Play again (the first action, focused), watch the replay, a new game, the title. */
  private actions(): HTMLElement {
    const levelId = this.app.session?.setup.levelId;
    return h(
      'div',
      { class: 'ending-actions' },
      h('button', {
        id: 'btn-again',
        class: 'btn primary big',
        text: this.tr('ending.again'),
        attrs: { 'data-autofocus': true },
        on: { click: () => this.again() },
      }),
      this.code
        ? h('button', {
            id: 'btn-watch',
            class: 'btn',
            text: this.tr('replay.watch'),
            on: { click: () => this.go(SCENES.viewer, { code: this.code, back: 'ending' }) },
          })
        : null,
      h('button', {
        id: 'btn-new',
        class: 'btn',
        text: this.tr('ending.newGame'),
        on: { click: () => this.go(SCENES.newGame, { levelId }) },
      }),
      h('button', {
        id: 'btn-title',
        class: 'btn ghost',
        text: this.tr('ending.toTitle'),
        on: {
          click: () => {
            this.app.leaveGame();
            this.go(SCENES.title);
          },
        },
      }),
    );
  }
}
