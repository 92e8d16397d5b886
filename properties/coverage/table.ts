import type { CheckContext } from '../../runner/check';
import type { CoverageState } from './state';
import { COVERAGE_STATES } from './states';

/** Counts, over runs, how many reached each coverage state. */
export class CoverageTally {
  readonly reached: number[];
  runs = 0;

  constructor(readonly states: readonly CoverageState[] = COVERAGE_STATES) {
    this.reached = states.map(() => 0);
  }

  /** Probes for one run; call `observe` after every step and `end` after the run. */
  startRun(): { observe(ctx: CheckContext): void; end(): void } {
    const probes = this.states.map((s) => s.start());
    const hit = this.states.map(() => false);
    return {
      observe: (ctx) => probes.forEach((p, i) => {
        if (!hit[i] && p(ctx)) hit[i] = true;
      }),
      end: () => {
        this.runs++;
        hit.forEach((h, i) => h && this.reached[i]++);
      },
    };
  }

  merge(other: CoverageTally): void {
    this.runs += other.runs;
    other.reached.forEach((n, i) => (this.reached[i] += n));
  }

  /** The table: one line per state, share of runs that reached it. */
  format(): string {
    const width = Math.max(...this.states.map((s) => s.name.length));
    const lines = [`${'state'.padEnd(width)}  runs reaching it (of ${this.runs})`];
    this.states.forEach((s, i) => {
      const share = this.runs ? (100 * this.reached[i]) / this.runs : 0;
      lines.push(`${s.name.padEnd(width)}  ${share.toFixed(1).padStart(5)}%  ${this.reached[i]}`);
    });
    return lines.join('\n');
  }
}
