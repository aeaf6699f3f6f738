// The screens after the first one, in a chunk of their own (later-screens.ts loads it): the
// title is built without waiting for their code, and a resumed game or a link waits for it.

import type * as Phaser from 'phaser';
import type { SceneKey } from './keys';
import { SCENES } from './keys';
import { Dashboard } from './scenes/Dashboard';
import { Ending } from './scenes/Ending';
import { Info } from './scenes/Info';
import { Instructor } from './scenes/Instructor';
import { LinkChoice } from './scenes/LinkChoice';
import { NewGame } from './scenes/NewGame';
import { Replay } from './scenes/Replay';
import { ReplayViewer } from './scenes/ReplayViewer';
import { Results } from './scenes/Results';

export const LATER_SCREENS: readonly (readonly [SceneKey, typeof Phaser.Scene])[] = [
  [SCENES.newGame, NewGame],
  [SCENES.dashboard, Dashboard],
  [SCENES.results, Results],
  [SCENES.ending, Ending],
  [SCENES.info, Info],
  [SCENES.replay, Replay],
  [SCENES.viewer, ReplayViewer],
  [SCENES.instructor, Instructor],
  [SCENES.link, LinkChoice],
];
