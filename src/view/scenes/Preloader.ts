// The first scene: loads the images the first screen draws (the emblem, the backdrop's stripes and
// the emblems of the companies the title circles, drawn from the level's colours) behind a
// progress bar, starts the backdrop, then opens the first screen: the title, or — after a reload in
// the middle of a game — the screen the player was on; opened with a link (a seed or a replay), the
// link's screen, unless another game is saved: then the player is asked first (LinkChoice). The
// other levels' company emblems load afterwards, once the page is idle, and the scene stops.

import * as Phaser from 'phaser';
import emblemSvgText from '../../../assets/emblem.svg?raw';
import stripesSvgText from '../../../assets/stripes.svg?raw';
import type { AppContext } from '../../app/context';
import { t } from '../../app/i18n';
import type { CompanyLook } from '../../app/levels';
import { findLevel, getLevel, LEVEL_IDS, levelCompanies } from '../../app/levels';
import { decideStart, pageLinkOf, savedRefOf } from '../../app/links';
import type { SceneKey } from '../keys';
import { REGISTRY, resumeScene, SCENES, TEXTURES } from '../keys';
import { replayFromUrl } from '../panels/replay-code';
import { whenIdle } from '../prefetch';
import { emblemSvg, glyphOf } from '../theme';

/** Phaser's loader reads data URLs as base64; the SVG text is UTF-8 (it may hold Chinese glyphs). */
function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

export class Preloader extends Phaser.Scene {
  private readonly queued = new Set<string>();

  constructor() {
    super(SCENES.preloader);
  }

  /** Queues the emblems of a level's companies that are not loaded or queued yet. */
  private loadEmblems(companies: readonly CompanyLook[]): void {
    companies.forEach((c, i) => {
      const key = TEXTURES.company(c.id);
      if (this.queued.has(key) || this.textures.exists(key)) return;
      this.queued.add(key);
      const svg = emblemSvg(i, c.color, glyphOf(c.name.zh), c.name.en);
      this.load.svg(key, svgDataUrl(svg), { width: 128, height: 128 });
    });
  }

  preload(): void {
    const app = this.registry.get(REGISTRY.app) as AppContext;
    const { width, height } = this.scale;
    const barW = Math.min(420, width * 0.5);
    const x = (width - barW) / 2;
    const y = height / 2;
    const frame = this.add.graphics();
    frame.lineStyle(2, 0xf5c542, 1).strokeRoundedRect(x - 4, y - 12, barW + 8, 24, 8);
    const bar = this.add.graphics();
    this.add
      .text(width / 2, y - 40, t(app.lang, 'loading'), {
        fontFamily: "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif",
        fontSize: '20px',
        color: '#e8eef8',
      })
      .setOrigin(0.5);
    this.load.on(Phaser.Loader.Events.PROGRESS, (p: number) => {
      bar
        .clear()
        .fillStyle(0xf5c542, 1)
        .fillRoundedRect(x, y - 8, Math.max(8, barW * p), 16, 6);
    });
    // Inlined, not fetched: two small files, and the first screen waits for them.
    this.load.svg(TEXTURES.emblem, svgDataUrl(emblemSvgText), { width: 256, height: 256 });
    this.load.svg(TEXTURES.stripes, svgDataUrl(stripesSvgText), { width: 512, height: 512 });
    // The companies the title circles: the saved game's level's, else the first level's (read from
    // its file: the level itself is read once the title is up).
    this.loadEmblems(app.saved?.level.companies ?? levelCompanies(LEVEL_IDS[0]!));
  }

  create(): void {
    const app = this.registry.get(REGISTRY.app) as AppContext;
    this.children.removeAll(true);
    this.load.off(Phaser.Loader.Events.PROGRESS);
    const g = this.make.graphics({}, false);
    g.fillStyle(0xffffff, 1).fillCircle(8, 8, 8);
    g.generateTexture(TEXTURES.spark, 16, 16);
    g.destroy();
    // Started at once through the manager, not queued for the next game step (a frame later).
    const manager = this.game.scene;
    manager.run(SCENES.backdrop);
    manager.sendToBack(SCENES.backdrop);
    const [first, data] = this.firstScreen(app);
    manager.start(first, data);
    // The other levels' emblems (another game's title) load once the first screen is up, and the
    // first level is read for New game.
    whenIdle(() => {
      if (!this.sys.isActive()) return;
      for (const id of LEVEL_IDS) this.loadEmblems(levelCompanies(id));
      getLevel(LEVEL_IDS[0]!);
      this.load.once(Phaser.Loader.Events.COMPLETE, () => manager.stop(SCENES.preloader));
      this.load.start();
    });
  }

  /** The first screen and what it is started with. */
  private firstScreen(app: AppContext): [SceneKey, object?] {
    // A link never takes the place of a saved game unasked (src/app/links.ts decides which case this is).
    const link = pageLinkOf(window.location.search, replayFromUrl());
    const decision = decideStart(link, app.saved ? savedRefOf(app.saved) : null, findLevel);
    if (decision.kind === 'ask') return [SCENES.link, { decision }];
    // The saved game resumes after a reload mid-game, or when the link is that very game.
    const resume = app.resumeScreen();
    const resumes = decision.kind === 'resume' || (decision.kind === 'no-link' && resume !== null);
    if (resumes && app.continueGame() && app.session)
      return [resumeScene(resume, app.session.state.ending !== null)];
    if (decision.kind === 'follow' && decision.link.kind === 'replay') return [SCENES.replay];
    // A seed link with nothing saved: the title, and New game filled in from the link.
    return [SCENES.title];
  }
}
