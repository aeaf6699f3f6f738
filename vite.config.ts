import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

// The real path: module ids are resolved through symlinks (node_modules may be one).
const phaserSrc = `${realpathSync(fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url)))}/`;
const phaserLite = fileURLToPath(new URL('./src/view/phaser-lite.ts', import.meta.url));

/**
 * Phaser's sources test build flags with `typeof FLAG` (its own webpack build defines them):
 * the Canvas renderer on; the WebGL renderer, sound (the game has none) and the WebGL debugger
 * (spector.js) off.
 */
function phaserBuildFlags(): Plugin {
  const on = /\btypeof (CANVAS_RENDERER)\b/g;
  const off = /\btypeof (WEBGL_RENDERER|WEBGL_DEBUG|FEATURE_SOUND|PLUGIN_CAMERA3D|PLUGIN_FBINSTANT)\b/g;
  return {
    name: 'phaser-build-flags',
    transform(code, id) {
      if (!id.startsWith(phaserSrc)) return null;
      // The entry files also publish `global.Phaser`, a webpack-ism: use the standard name.
      let out = code
        .replace(on, 'true')
        .replace(off, 'false')
        .replace(/\bglobal\.Phaser\b/g, 'globalThis.Phaser');
      // Device detection makes a WebGL context to learn whether WebGL works (tens of ms with a
      // software GL) for a renderer this build leaves out. (It also learns there whether ImageData
      // is a Uint8ClampedArray, for `support32bit`, which nothing of Phaser reads.)
      if (id.endsWith('/device/Features.js')) {
        const probe = 'Features.webGL = testWebGL();';
        if (!out.includes(probe)) throw new Error(`phaser-build-flags: no "${probe}" in ${id}`);
        out = out.replace(probe, 'Features.webGL = false;');
      }
      return { code: out, map: null };
    },
  };
}

/**
 * The built game's Content Security Policy: scripts, styles, fonts and requests only from the
 * game's own origin, no inline script or style, no eval (Phaser does not need it), and no HTML
 * from strings: Trusted Types, with one policy, `default`, made in src/security.ts, which lets
 * only DOMParser through (`innerHTML = string` throws). Images may also be data: and blob: URLs,
 * which Phaser's texture loader uses for its built-in textures and SVGs.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types default',
].join('; ');

/** Writes the policy into the built index.html, as the first element after the charset. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = '<meta charset="UTF-8" />';
      if (!html.includes(charset)) throw new Error('index.html: no <meta charset="UTF-8" /> to follow');
      return html.replace(
        charset,
        `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      );
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/**
 * The offline service worker (src/offline/service-worker.ts), compiled on its own to sw.js once
 * the build has written its files, with the list of those files to precache and a version: a
 * hash of their names and contents, so every change to the build makes a new worker and cache.
 */
function offlineWorker(): Plugin {
  let outDir = '';
  return {
    name: 'offline-worker',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = filesUnder(outDir).filter((f) => f !== 'sw.js' && !f.endsWith('.map'));
      const hash = createHash('sha256');
      for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      // The page is cached under its directory's URL (./), which is how it is usually opened.
      const precache = files.map((f) => (f === 'index.html' ? './' : `./${f}`));
      const source = readFileSync(new URL('./src/offline/service-worker.ts', import.meta.url), 'utf8');
      const { code } = await transform(source, { loader: 'ts', target: 'es2022', format: 'esm' });
      let found = 0;
      const out = code
        .replace(/(["'])__SIX_TIGERS_VERSION__\1/g, () => {
          found++;
          return JSON.stringify(version);
        })
        .replace(/\[\s*(["'])__SIX_TIGERS_PRECACHE__\1\s*\]/g, () => {
          found++;
          return JSON.stringify(precache);
        });
      if (found !== 2) throw new Error(`offline worker: ${found} of 2 placeholders found`);
      writeFileSync(join(outDir, 'sw.js'), `// Six Tigers offline worker, build ${version}\n${out}`);
    },
  };
}

/** Served with the policy as a header too; a header may also forbid framing (a meta cannot). */
const securityHeaders = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The dev server's looser copy: Vite injects the CSS as <style> elements and draws its error
 * overlay with innerHTML, so inline styles are allowed and Trusted Types are not required there.
 * Scripts stay 'self' only, so a dev run still catches inline script and eval.
 */
const devHeaders = {
  'Content-Security-Policy': CSP.split('; ')
    .filter((d) => !d.includes('trusted-types'))
    .map((d) => (d.startsWith('style-src') ? `${d} 'unsafe-inline'` : d))
    .join('; '),
};

// The slim Phaser is for the production build; the dev server uses the full ESM library (its
// dependency pre-bundler would not see the build flags above).
export default defineConfig(({ command }) => ({
  base: './',
  plugins: command === 'build' ? [phaserBuildFlags(), contentSecurityPolicy(), offlineWorker()] : [],
  // Whether this bundle comes with dist/sw.js: every build does, the dev server does not. (Not
  // import.meta.env.PROD: the browser tests build under NODE_ENV=test, which clears it.)
  define: { __OFFLINE_WORKER__: JSON.stringify(command === 'build') },
  preview: { headers: securityHeaders },
  server: { headers: devHeaders },
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
              test: /[\\/](src[\\/]engine|levels|node_modules[\\/](zod|immer))[\\/]|[\\/]src[\\/](app[\\/]levels|app[\\/]warm-up-runs|zod-jitless)\.ts$/,
            },
          ],
        },
      },
    },
  },
}));
