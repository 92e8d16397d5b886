'use strict';
// A module target with one planted bug: the second fork of a run reports pid 0 to its parent.
const { createOracle } = require('../../../dist/oracle');
exports.createImplementation = () => {
  const oracle = createOracle();
  let forks = 0;
  return {
    name: 'wrong-fork',
    reset(config) { forks = 0; oracle.reset(config); },
    apply(step) {
      const r = oracle.apply(step);
      const own = r.observations[0];
      if (step.call === 'fork' && own.errno === undefined && ++forks === 2) return { ...r, observations: [{ ...own, ret: 0 }, ...r.observations.slice(1)] };
      return r;
    },
    snapshot: () => oracle.snapshot(),
  };
};
