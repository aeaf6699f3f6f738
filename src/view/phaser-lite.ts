// A slimmer Phaser: the core build (renderer, scenes, loader, cameras, tweens, graphics, images,
// text) plus the two extras the game uses — SVG loading and particles — without physics,
// tilemaps, video or spine. vite.config.ts points `import 'phaser'` here for the browser build
// (about 120 kB gzip less than the full library); types still come from phaser.d.ts.

import Particles from 'phaser/src/gameobjects/particles/index.js';
import LoaderEvents from 'phaser/src/loader/events/index.js';
import Core from 'phaser/src/phaser-core.js';
import 'phaser/src/loader/filetypes/SVGFile.js';
import 'phaser/src/gameobjects/particles/ParticleEmitterFactory.js';
import 'phaser/src/gameobjects/particles/ParticleEmitterCreator.js';

type PhaserNamespace = typeof import('phaser');

const Phaser = Core as PhaserNamespace;
(Phaser.Loader as { Events?: unknown }).Events = LoaderEvents;
(Phaser.GameObjects as { Particles?: unknown }).Particles = Particles;

export const { AUTO, CANVAS, WEBGL, Game, Scale, Scene, Scenes, Loader, GameObjects, Cameras, Tweens } =
  Phaser;
export default Phaser;
