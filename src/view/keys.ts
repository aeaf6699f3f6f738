// Scene and texture keys: one registry, no loose strings.

import type { GameScreen } from '../app/context';

export const SCENES = {
  preloader: 'Preloader',
  backdrop: 'Backdrop',
  title: 'Title',
  newGame: 'NewGame',
  dashboard: 'Dashboard',
  results: 'Results',
  ending: 'Ending',
  info: 'Info',
  replay: 'Replay',
  viewer: 'ReplayViewer',
  instructor: 'Instructor',
  link: 'LinkChoice',
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

/**
 * Where a resumed game opens: the screen this tab was on before a reload (`screen`, null in a new
 * tab), else its dashboard; a finished game never opens on the dashboard, but on its ending.
 */
export function resumeScene(screen: GameScreen | null, ended: boolean): SceneKey {
  const target =
    screen === 'results' ? SCENES.results : screen === 'ending' ? SCENES.ending : SCENES.dashboard;
  return ended && target === SCENES.dashboard ? SCENES.ending : target;
}

export const TEXTURES = {
  emblem: 'emblem',
  stripes: 'stripes',
  spark: 'spark',
  company: (id: string) => `company:${id}`,
} as const;

export const REGISTRY = {
  app: 'app',
  ui: 'ui',
} as const;

/** Which information page the Info scene shows. */
export type InfoPage = 'howto';
