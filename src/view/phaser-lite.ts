// A slimmer Phaser: instead of the core build's namespace (which requires every module it names),
// only what the game uses — the game and its scale manager, scenes with their cameras, clock,
// tweens and loader, images, graphics and particles — plus what those require themselves. No
// physics, tilemaps, video, spine, text objects, sound (the game has none: FEATURE_SOUND is off
// in vite.config.ts) or scene input plugin (the screens are DOM; the canvas takes no input).
// vite.config.ts points `import 'phaser'` here for the browser build; types still come from
// phaser.d.ts.

import CONST from 'phaser/src/const.js';
import Game from 'phaser/src/core/Game.js';
import Graphics from 'phaser/src/gameobjects/graphics/Graphics.js';
import Image from 'phaser/src/gameobjects/image/Image.js';
import Particles from 'phaser/src/gameobjects/particles/index.js';
import Scale from 'phaser/src/scale/index.js';
import Scenes from 'phaser/src/scene/index.js';
import Scene from 'phaser/src/scene/Scene.js';
// The scene plugins and game object factories register themselves as their modules load.
import 'phaser/src/cameras/2d/CameraManager.js';
import 'phaser/src/events/EventEmitter.js';
import 'phaser/src/gameobjects/DisplayList.js';
import 'phaser/src/gameobjects/GameObjectCreator.js';
import 'phaser/src/gameobjects/GameObjectFactory.js';
import 'phaser/src/gameobjects/UpdateList.js';
import 'phaser/src/loader/LoaderPlugin.js';
import 'phaser/src/scene/ScenePlugin.js';
import 'phaser/src/time/Clock.js';
import 'phaser/src/tweens/TweenManager.js';
import 'phaser/src/gameobjects/graphics/GraphicsCreator.js';
import 'phaser/src/gameobjects/graphics/GraphicsFactory.js';
import 'phaser/src/gameobjects/image/ImageFactory.js';
import 'phaser/src/gameobjects/particles/ParticleEmitterFactory.js';
import 'phaser/src/gameobjects/particles/ParticleEmitterCreator.js';

type PhaserNamespace = typeof import('phaser');

export const { CANVAS } = CONST as { CANVAS: number };
export const GameObjects = { Graphics, Image, Particles };
export { Game, Scale, Scene, Scenes };
export default {
  ...(CONST as object),
  Game,
  Scale,
  Scene,
  Scenes,
  GameObjects,
} as unknown as PhaserNamespace;
