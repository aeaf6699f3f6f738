// Modules of Phaser's source tree (CommonJS, untyped), used by phaser-lite.ts.
declare module 'phaser/src/*' {
  const value: unknown;
  export default value;
}
