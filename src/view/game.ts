// Builds the Phaser game and the DOM layer above it, with the scenes of the title (the other
// screens follow: later-screens.ts). Nothing runs on import: main.ts calls startGame once the
// page is ready.

import * as Phaser from 'phaser';
import type { AppContext } from '../app/context';
import { REGISTRY } from './keys';
import { Backdrop } from './scenes/Backdrop';
import { Preloader } from './scenes/Preloader';
import { Title } from './scenes/Title';
// All styles in the first stylesheet, in this order (the later screens' chunk brings none of its
// own: a stylesheet loaded after style.css would change which of equal rules wins).
import './guide.css';
import './replay-viewer.css';
import './style.css';

export function startGame(stage: HTMLElement, ui: HTMLElement, app: AppContext): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.CANVAS,
    parent: stage,
    backgroundColor: '#0b1220',
    banner: false,
    scale: { mode: Phaser.Scale.RESIZE, width: stage.clientWidth || 1280, height: stage.clientHeight || 720 },
    fps: { target: 60 },
    input: { keyboard: false, gamepad: false },
    audio: { noAudio: true },
    // The first scene in the list starts the game: the preloader. The other screens come in a
    // chunk of their own, after the first screen (later-screens.ts).
    scene: [Preloader, Backdrop, Title],
  });
  game.registry.set(REGISTRY.app, app);
  game.registry.set(REGISTRY.ui, ui);
  game.canvas?.setAttribute('aria-hidden', 'true');
  return game;
}
