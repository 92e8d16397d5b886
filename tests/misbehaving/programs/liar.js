'use strict';
// Speaks the protocol perfectly but lies: its answer claims the call failed with ESRCH.
require('./lib').speak('liar', (req, answer, send) => {
  const a = answer();
  if (a.type === 'result') {
    const own = a.result.observations[0];
    a.result.observations[0] = { step: own.step, pid: own.pid, call: own.call, kind: 'return', ret: -1, errno: own.errno === 'ESRCH' ? 'EPERM' : 'ESRCH' };
  }
  send(a);
});
