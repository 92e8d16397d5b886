import type { Invariant } from '../../runner/check';
import { stepInvariant } from './lib/define';
import { hasUnknownOption } from './lib/wait-options';

/** kern_exit.c:669-670: unknown option bits fail with EINVAL before any child is looked at. */
export const einvalFirst: Invariant = stepInvariant(
  {
    name: 'einval-first',
    statement: 'wait with an unknown option bit fails with EINVAL whatever the children, and EINVAL has no other cause',
    source: 'kern_exit.c:669-670; semantics.md §3.4 step 1',
    needs: [],
    involves: { calls: ['wait4'] },
  },
  ({ step, result, config }) => {
    if (step.call !== 'wait4') return null;
    const o = result.observations[0];
    const unknown = hasUnknownOption(step, config.profile);
    if (unknown && o.errno !== 'EINVAL') return `wait4 with options [${step.options.join(',')}] extra ${step.extraBits ?? 0} gave ${o.errno ?? o.kind} instead of EINVAL`;
    if (!unknown && o.errno === 'EINVAL') return `wait4 with valid options [${step.options.join(',')}] gave EINVAL`;
    return null;
  },
);
