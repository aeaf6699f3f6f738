// Scene and texture keys: one registry, no loose strings.

export const SCENES = {
  boot: 'Boot',
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
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

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
export type InfoPage = 'howto' | 'instructor';
