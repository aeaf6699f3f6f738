// A progress line on stderr, redrawn in place at most ten times a second, and only when stderr is
// a terminal: piped or redirected, stderr carries only errors (one line each), so scripts and logs
// never see progress noise.

export class ProgressLine {
  private readonly on: boolean;
  private readonly start = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.on = stream.isTTY === true;
  }

  /** Seconds since the start, for the caller's text. */
  get seconds(): string {
    return ((Date.now() - this.start) / 1000).toFixed(1);
  }

  /**
   * Draws `text()` (called only when a redraw is due) with a bar when `fraction` (0..1) is known.
   * `force` draws even within a tenth of a second of the last draw.
   */
  show(text: () => string, fraction: number | null = null, force = false): void {
    if (!this.on) return;
    const t = Date.now();
    if (!force && t - this.last < 100) return;
    this.last = t;
    const width = 30;
    const bar =
      fraction === null
        ? ''
        : (() => {
            const f = Math.min(1, Math.max(0, fraction));
            const filled = Math.round(width * f);
            return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}%  `;
          })();
    this.stream.write(`\r\x1b[2K${bar}${text()}`);
    this.shown = true;
  }

  /** Erases the line (before other output to the same terminal, and at the end). */
  clear(): void {
    if (!this.on || !this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
