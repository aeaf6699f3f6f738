// Loads the screens after the first (screens.ts, a chunk of its own) and adds them to the game,
// once: the first screen starts this when the page is idle, and a screen change to one of them
// waits for it.

import type * as Phaser from 'phaser';

const loading = new WeakMap<Phaser.Game, Promise<void>>();

/** Resolves once every screen is in the game's scene manager. */
export function laterScreens(game: Phaser.Game): Promise<void> {
  let p = loading.get(game);
  if (!p) {
    p = import('./screens').then(({ LATER_SCREENS }) => {
      for (const [key, scene] of LATER_SCREENS) if (!game.scene.getScene(key)) game.scene.add(key, scene);
    });
    loading.set(game, p);
  }
  return p;
}
