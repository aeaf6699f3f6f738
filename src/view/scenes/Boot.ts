// First scene: nothing to load yet; hands over to the preloader at once.

import * as Phaser from 'phaser';
import { SCENES } from '../keys';

export class Boot extends Phaser.Scene {
  constructor() {
    super(SCENES.boot);
  }

  create(): void {
    this.scene.start(SCENES.preloader);
  }
}
