import { MUTANTS } from '../mutants';
import { INVARIANTS } from '../properties/invariants';
import { createOracle } from '../oracle';
import { execute } from '../runner/execute';
import { shrinkOnTarget } from '../runner/differential-shrink';
import { createdPids, interleavingSource } from '../cli/interleavings';
(async () => {
  for (const name of ['copyout-after-error', 'echild-before-einval', 'giveback-keeps-oppid', 'continued-without-wcontinued']) {
    const target = MUTANTS[name](); const judge = { target, reference: createOracle(), invariants: INVARIANTS, createdPids };
    const gen = interleavingSource(1, 60, 'freebsd-r176365');
    for (let run = 0; run < 2000; run++) { const il = gen(run); const o = await execute(target, il, { invariants: INVARIANTS, reference: judge.reference });
      if (o.failure) { const s = await shrinkOnTarget(judge, il, o.failure, 5000); console.log(name, s.failure.property, JSON.stringify(s.interleaving.steps)); break; } }
  }
})();
