// The first import of main.ts, so it runs before any schema is built. zod decides when a schema is
// built (on import of the engine) whether to compile fast parsers with `new Function`, probing for
// eval first. The game's Content Security Policy forbids eval and reports even a refused probe as
// a violation, so zod is told not to try; plain parsing is fast enough for levels and saves.
import { config } from 'zod';

config({ jitless: true });
