import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

// The real path: Vite resolves modules through symlinks, so a symlinked node_modules (a git
// worktree sharing one install) must still match the ids the plugin below sees.
const phaserSrc = `${realpathSync(fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url)))}/`;
const phaserLite = fileURLToPath(new URL('./src/view/phaser-lite.ts', import.meta.url));

/**
 * Phaser's sources test build flags with `typeof FLAG` (its own webpack build defines them):
 * WebGL and Canvas renderers and sound on, the WebGL debugger (spector.js) off.
 */
function phaserBuildFlags(): Plugin {
  const on = /\btypeof (CANVAS_RENDERER|FEATURE_SOUND)\b/g;
  const off = /\btypeof (WEBGL_RENDERER|WEBGL_DEBUG|PLUGIN_CAMERA3D|PLUGIN_FBINSTANT)\b/g;
  return {
    name: 'phaser-build-flags',
    transform(code, id) {
      if (!id.startsWith(phaserSrc)) return null;
      // The entry files also publish `global.Phaser`, a webpack-ism: use the standard name.
      const out = code
        .replace(on, 'true')
        .replace(off, 'false')
        .replace(/\bglobal\.Phaser\b/g, 'globalThis.Phaser');
      return { code: out, map: null };
    },
  };
}

// The slim Phaser is for the production build; the dev server uses the full ESM library (its
// dependency pre-bundler would not see the build flags above).
export default defineConfig(({ command }) => ({
  base: './',
  plugins: command === 'build' ? [phaserBuildFlags()] : [],
  resolve: {
    alias:
      command === 'build'
        ? [
            { find: /^phaser$/, replacement: phaserLite },
            { find: /^phaser\/src\/(.*)$/, replacement: `${phaserSrc}$1` },
          ]
        : [],
  },
  build: {
    target: 'es2022',
    // Phaser's loader decodes data URLs as base64, but Vite inlines small SVGs URL-encoded:
    // ship images as files (same origin, so still no network beyond the host).
    assetsInlineLimit: 0,
    // Phaser is most of the bytes: it gets its own chunk, cached apart from the game code, and
    // the warning limit sits just above it.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser/ },
            // The engine, the levels and their libraries on their own: the instructor view's
            // baseline workers (src/app/baseline-worker.ts) load this chunk and nothing of the view.
            {
              name: 'engine',
              test: /[\\/](src[\\/]engine|levels|node_modules[\\/](zod|immer))[\\/]|[\\/]src[\\/]app[\\/]levels\.ts$/,
            },
          ],
        },
      },
    },
  },
}));
