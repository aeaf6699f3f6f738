// Builds the Phaser game and the DOM layer above it. Nothing runs on import: main.ts calls
// startGame once the page is ready.

import * as Phaser from 'phaser';
import type { AppContext } from '../app/context';
import { REGISTRY } from './keys';
import { Backdrop } from './scenes/Backdrop';
import { Dashboard } from './scenes/Dashboard';
import { Ending } from './scenes/Ending';
import { Info } from './scenes/Info';
import { Instructor } from './scenes/Instructor';
import { LinkChoice } from './scenes/LinkChoice';
import { NewGame } from './scenes/NewGame';
import { Preloader } from './scenes/Preloader';
import { Replay } from './scenes/Replay';
import { ReplayViewer } from './scenes/ReplayViewer';
import { Results } from './scenes/Results';
import { Title } from './scenes/Title';
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
    // The first scene in the list starts the game: the preloader.
    scene: [
      Preloader,
      Backdrop,
      Title,
      NewGame,
      Dashboard,
      Results,
      Ending,
      Info,
      Replay,
      ReplayViewer,
      Instructor,
      LinkChoice,
    ],
  });
  game.registry.set(REGISTRY.app, app);
  game.registry.set(REGISTRY.ui, ui);
  game.canvas?.setAttribute('aria-hidden', 'true');
  return game;
}
