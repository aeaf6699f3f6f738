/// <reference types="vite/client" />

/** True in a built bundle, which has the offline worker (dist/sw.js) next to it (vite.config.ts). */
declare const __OFFLINE_WORKER__: boolean;
