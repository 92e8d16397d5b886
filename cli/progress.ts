import { SingleBar, Presets } from 'cli-progress';
import type { Io } from './io';

/** Progress of a long command: a bar on stderr on a terminal, nothing in CI logs or tests. */
export interface Progress {
  update(done: number, failures: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

export function startProgress(io: Io, total: number, label: string): Progress {
  if (!io.progress) return SILENT;
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} runs | {failures} failures | {eta_formatted} left`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(total, 0, { failures: 0 });
  return {
    update: (done, failures) => bar.update(done, { failures }),
    stop: () => bar.stop(),
  };
}
