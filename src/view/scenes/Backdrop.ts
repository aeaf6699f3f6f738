// The living background behind every screen: a slowly drifting network of compute nodes and
// faint tiger stripes in the corners, over the night-blue gradient of the page. Decorative only (the canvas is hidden
// from assistive technology).

import * as Phaser from 'phaser';
import { SCENES, TEXTURES } from '../keys';

interface Node {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

export const BACKDROP_CALM = 'backdrop-calm';

const NODES = 46;
const LINK = 150;

export class Backdrop extends Phaser.Scene {
  private nodes: Node[] = [];
  private web!: Phaser.GameObjects.Graphics;
  private stripes: Phaser.GameObjects.Image[] = [];
  private calm = false;

  constructor() {
    super(SCENES.backdrop);
  }

  create(): void {
    this.stripes = [this.add.image(0, 0, TEXTURES.stripes), this.add.image(0, 0, TEXTURES.stripes)];
    this.web = this.add.graphics();
    // A fixed pseudo-random layout (no Math.random needed for decoration, and screenshots repeat).
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    this.nodes = Array.from({ length: NODES }, () => ({
      x: rnd(),
      y: rnd(),
      vx: (rnd() - 0.5) * 0.00004,
      vy: (rnd() - 0.5) * 0.00004,
    }));
    this.layout();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.layout, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
      this.scale.off(Phaser.Scale.Events.RESIZE, this.layout, this),
    );
    // A screen that covers the canvas entirely asks for calm: the game loop sleeps (no redraws,
    // no CPU) until a screen change wakes it.
    this.game.events.on(BACKDROP_CALM, (calm: boolean) => {
      this.calm = calm;
      if (calm) this.time.delayedCall(50, () => this.calm && this.game.loop.sleep());
      else this.game.loop.wake();
    });
  }

  private layout(): void {
    const { width, height } = this.scale;
    const size = Math.max(width, height) * 0.42;
    const [a, b] = this.stripes;
    a?.setPosition(width, 0).setDisplaySize(size, size).setAlpha(0.1).setAngle(0);
    b?.setPosition(0, height).setDisplaySize(size, size).setAlpha(0.08).setAngle(180);
    this.drawWeb();
  }

  override update(_time: number, delta: number): void {
    if (this.calm) return;
    for (const n of this.nodes) {
      n.x += n.vx * delta;
      n.y += n.vy * delta;
      if (n.x < 0 || n.x > 1) n.vx = -n.vx;
      if (n.y < 0 || n.y > 1) n.vy = -n.vy;
    }
    this.drawWeb();
  }

  private drawWeb(): void {
    const { width, height } = this.scale;
    const g = this.web;
    g.clear();
    const pts = this.nodes.map((n) => ({ x: n.x * width, y: n.y * height }));
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i]!;
      for (let j = i + 1; j < pts.length; j++) {
        const q = pts[j]!;
        const d = Math.hypot(p.x - q.x, p.y - q.y);
        if (d < LINK) {
          g.lineStyle(1, 0x3d6aa8, 0.28 * (1 - d / LINK));
          g.lineBetween(p.x, p.y, q.x, q.y);
        }
      }
    }
    for (const p of pts) {
      g.fillStyle(0x6fa8ff, 0.5);
      g.fillCircle(p.x, p.y, 2);
    }
  }
}
