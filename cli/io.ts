/** Where the command writes, and what it knows of its surroundings: injected so tests run it in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A progress bar is drawn only on a terminal, and never in CI. */
  progress: boolean;
  cwd: string;
}

/** The real process's streams. */
export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    progress: Boolean(process.stderr.isTTY) && !process.env.CI,
    cwd: process.cwd(),
  };
}
