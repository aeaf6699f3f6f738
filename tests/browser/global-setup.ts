// Builds the game once and serves dist/ on 127.0.0.1 for every browser test file.
import { createServer } from 'node:net';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = new URL('../..', import.meta.url).pathname;
  if (process.env.SIX_TIGERS_SKIP_BUILD !== '1') {
    // Vitest runs with NODE_ENV=test, which would make Vite build the libraries' development code
    // (Immer's checks, for one). The tests and the figures play the build a player gets.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root, logLevel: 'warn', mode: 'production' });
    } finally {
      process.env.NODE_ENV = env;
    }
  }
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server.close();
  };
}
