import { StepRejected, type Implementation, type Interleaving, type Snapshot, type StepResult } from '../../interleaving';
import { createOracle } from '../../oracle';
import { executeSync } from '../../runner/execute';

/** One interleaving's run on the oracle: the snapshot after reset, then each step's result and snapshot. */
interface Recording {
  start: Snapshot;
  results: StepResult[];
  snapshots: Snapshot[];
}

/**
 * A target that gives back what the oracle answered, step for step, at the cost of an array read:
 * the runner's loop and the invariants over it cost what they cost on the oracle, with no kernel
 * and no snapshot builder beneath them. A measuring device: it knows one corpus, in order.
 */
export class RecordedTarget implements Implementation {
  readonly name = 'recorded';
  private readonly recordings: Recording[];
  private current: Recording | null = null;
  private next = 0;
  private step = 0;

  constructor(ils: readonly Interleaving[]) {
    const oracle = createOracle();
    this.recordings = ils.map((il) => {
      const r: Recording = { start: null as unknown as Snapshot, results: [], snapshots: [] };
      executeSync(oracle, il, {
        observe: (ctx) => {
          if (ctx.index === 0) r.start = ctx.before!;
          r.results.push(ctx.result);
          r.snapshots.push(ctx.after!);
        },
      });
      return r;
    });
  }

  /** The interleavings' runs in corpus order, one per reset, round and round. */
  reset(): void {
    this.current = this.recordings[this.next];
    this.next = (this.next + 1) % this.recordings.length;
    this.step = -1;
  }

  apply(): StepResult {
    const r = this.current!.results[++this.step];
    if (r === undefined) throw new StepRejected('step', `the oracle's run ended before step ${this.step}`);
    return r;
  }

  snapshot(): Snapshot {
    return this.step < 0 ? this.current!.start : this.current!.snapshots[this.step];
  }
}
