/**
 * The progress line on stderr ("读取 120,000 行 …"), shown only when stderr is a terminal, not
 * with --quiet, and only once a run has taken more than a second. It is redrawn in place at most
 * five times a second and erased when the run ends, so stdout and piped stderr stay clean.
 */
export class ProgressLine {
  private readonly t0 = Date.now();
  private last = 0;
  private shown = false;

  constructor(
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  static for(quiet: boolean): ProgressLine {
    return new ProgressLine(!quiet && !!process.stderr.isTTY && process.env.TERM !== "dumb");
  }

  update(text: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.t0 < 1000 || now - this.last < 200) return;
    this.last = now;
    const secs = ((now - this.t0) / 1000).toFixed(0);
    this.stream.write(`\r\x1b[2K${text} · ${secs} s`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.stream.write("\r\x1b[2K");
    this.shown = false;
  }
}

export const fmtInt = (n: number) => n.toLocaleString("en-US");
