// Loads the project's own images (SVG files under assets/, and the company emblems drawn from the
// level's colours) behind a progress bar, starts the backdrop, then opens the first screen: the
// title, or — after a reload in the middle of a game — the screen the player was on; opened with a
// link (a seed or a replay), the link's screen, unless another game is saved: then the player is
// asked first (LinkChoice).

import * as Phaser from 'phaser';
import emblemUrl from '../../../assets/emblem.svg?url';
import stripesUrl from '../../../assets/stripes.svg?url';
import type { AppContext } from '../../app/context';
import { t } from '../../app/i18n';
import { findLevel, getLevel, LEVEL_IDS } from '../../app/levels';
import { decideStart, pageLinkOf, savedRefOf } from '../../app/links';
import { REGISTRY, resumeScene, SCENES, TEXTURES } from '../keys';
import { replayFromUrl } from '../panels/replay-code';
import { emblemSvg, glyphOf } from '../theme';

/** Phaser's loader reads data URLs as base64; the SVG text is UTF-8 (it may hold Chinese glyphs). */
function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

export class Preloader extends Phaser.Scene {
  constructor() {
    super(SCENES.preloader);
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
    this.load.svg(TEXTURES.emblem, emblemUrl, { width: 256, height: 256 });
    this.load.svg(TEXTURES.stripes, stripesUrl, { width: 512, height: 512 });
    const seen = new Set<string>();
    for (const id of LEVEL_IDS) {
      const level = getLevel(id);
      level.companies.forEach((c, i) => {
        if (seen.has(c.id)) return;
        seen.add(c.id);
        const svg = emblemSvg(i, c.color, glyphOf(c.name.zh), c.name.en);
        this.load.svg(TEXTURES.company(c.id), svgDataUrl(svg), {
          width: 128,
          height: 128,
        });
      });
    }
  }

  create(): void {
    const app = this.registry.get(REGISTRY.app) as AppContext;
    const g = this.make.graphics({}, false);
    g.fillStyle(0xffffff, 1).fillCircle(8, 8, 8);
    g.generateTexture(TEXTURES.spark, 16, 16);
    g.destroy();
    this.scene.launch(SCENES.backdrop);
    this.scene.sendToBack(SCENES.backdrop);
    // A link never takes the place of a saved game unasked (src/app/links.ts decides which case this is).
    const link = pageLinkOf(window.location.search, replayFromUrl());
    const decision = decideStart(link, app.saved ? savedRefOf(app.saved) : null, findLevel);
    if (decision.kind === 'ask') {
      this.scene.start(SCENES.link, { decision });
      return;
    }
    // The saved game resumes after a reload mid-game, or when the link is that very game.
    const resume = app.resumeScreen();
    const resumes = decision.kind === 'resume' || (decision.kind === 'no-link' && resume !== null);
    if (resumes && app.continueGame() && app.session) {
      this.scene.start(resumeScene(resume, app.session.state.ending !== null));
    } else if (decision.kind === 'follow' && decision.link.kind === 'replay') {
      this.scene.start(SCENES.replay);
    } else {
      // A seed link with nothing saved: the title, and New game filled in from the link.
      this.scene.start(SCENES.title);
    }
  }
}
