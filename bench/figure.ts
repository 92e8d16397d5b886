/** One target of issue 6 and whether this run met it. */
export interface TargetLine {
  target: string;
  measured: string;
  ok: boolean;
  /** For a missed target: by how much, why, and what would close it. */
  note?: string;
}

/** One section of BENCHMARKS.md: its tables and notes, and the targets it decides. */
export interface FigureResult {
  title: string;
  /** Markdown body (tables and short notes); the load average is appended by the caller. */
  body: string;
  targets: TargetLine[];
}

/** How long and how often a figure measures: `--quick` shrinks every budget. */
export interface Budget {
  quick: boolean;
  /** Repetitions of each measurement (the median and spread are over these). */
  rounds: number;
  /** Minimum seconds of one timed pass. */
  passSeconds: number;
  seed: number;
}
