import { Kernel, type Proc } from '../../oracle';
import { P_STOPPED_TRACE, P_TRACED } from '../../oracle/kernel/flags';
import { kernelMutant } from '../mutant';

/** An exiting debugger untraces its tracees but does not SIGKILL them. */
class TraceesNotKilled extends Kernel {
  protected override orphanTracedChild(q: Proc): void {
    q.flag &= ~(P_TRACED | P_STOPPED_TRACE);
  }
}

export const traceesNotKilled = kernelMutant(
  'tracees-not-killed',
  'kern_exit.c:435-438',
  'When a debugger exits, its traced children are untraced and given to init but not sent SIGKILL: they live on.',
  TraceesNotKilled,
);
