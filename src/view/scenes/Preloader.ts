// The first scene: makes the textures the first screen draws (the emblem, the backdrop's stripes
// and the emblems of the companies the title circles, drawn from the level's colours) on canvases,
// at once, starts the backdrop, then opens the first screen: the title, or — after a reload in the
// middle of a game — the screen the player was on; opened with a link (a seed or a replay), the
// link's screen, unless another game is saved: then the player is asked first (LinkChoice). The
// other levels' company emblems are drawn afterwards, once the page is idle, and the scene stops.

import * as Phaser from 'phaser';
import emblemSvgText from '../../../assets/emblem.svg?raw';
import stripesSvgText from '../../../assets/stripes.svg?raw';
import type { AppContext } from '../../app/context';
import type { CompanyLook } from '../../app/levels';
import { findLevel, getLevel, LEVEL_IDS, levelCompanies } from '../../app/levels';
import { decideStart, pageLinkOf, savedRefOf } from '../../app/links';
import type { SceneKey } from '../keys';
import { REGISTRY, resumeScene, SCENES, TEXTURES } from '../keys';
import { laterScreens } from '../later-screens';
import { replayFromUrl } from '../panels/replay-code';
import { whenIdle } from '../prefetch';
import { afterFirstScreen } from '../screen-timing';
import { svgToCanvas } from '../svg-canvas';
import { emblemSvg, glyphOf } from '../theme';

export class Preloader extends Phaser.Scene {
  constructor() {
    super(SCENES.preloader);
  }

  /**
   * A canvas as a plain texture, as an image would be: a CanvasTexture would read all its pixels
   * back at once, for pixel access these textures never need.
   */
  private addTexture(key: string, canvas: HTMLCanvasElement): void {
    this.textures
      .create(key, canvas, canvas.width, canvas.height)
      ?.add('__BASE', 0, 0, 0, canvas.width, canvas.height);
  }

  /** Draws the emblems of a level's companies that have no texture yet. */
  private drawEmblems(companies: readonly CompanyLook[]): void {
    companies.forEach((c, i) => {
      const key = TEXTURES.company(c.id);
      if (this.textures.exists(key)) return;
      this.addTexture(key, svgToCanvas(emblemSvg(i, c.color, glyphOf(c.name.zh), c.name.en), 128));
    });
  }

  create(): void {
    const app = this.registry.get(REGISTRY.app) as AppContext;
    // Drawn, not loaded: the pictures are the game's own few shapes (see svg-canvas.ts).
    this.addTexture(TEXTURES.emblem, svgToCanvas(emblemSvgText, 256));
    this.addTexture(TEXTURES.stripes, svgToCanvas(stripesSvgText, 512));
    // The companies the title circles: the saved game's level's, else the first level's (read from
    // its file: the level itself is read once the title is up).
    this.drawEmblems(app.saved?.level.companies ?? levelCompanies(LEVEL_IDS[0]!));
    const g = this.make.graphics({}, false);
    g.fillStyle(0xffffff, 1).fillCircle(8, 8, 8);
    g.generateTexture(TEXTURES.spark, 16, 16);
    g.destroy();
    // Started at once through the manager, not queued for the next game step (a frame later).
    const manager = this.game.scene;
    manager.run(SCENES.backdrop);
    manager.sendToBack(SCENES.backdrop);
    const [first, data] = this.firstScreen(app);
    if (manager.getScene(first)) manager.start(first, data);
    else laterScreens(this.game).then(() => manager.start(first, data));
    // Once the first screen is up: the other screens' code loads, and when the page is idle the
    // other levels' emblems (another game's title) are drawn and the first level is read for New game.
    afterFirstScreen(() => {
      void laterScreens(this.game);
      whenIdle(() => {
        if (!this.sys.isActive()) return;
        for (const id of LEVEL_IDS) this.drawEmblems(levelCompanies(id));
        getLevel(LEVEL_IDS[0]!);
        manager.stop(SCENES.preloader);
      });
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
