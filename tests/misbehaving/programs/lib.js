'use strict';
/**
 * The shared loop of the misbehaving test programs: a correct line-protocol server that
 * misbehaves from its Nth step request on (`--at N`, default 3). The kernel behind it is the compiled
 * oracle (`--kernel oracle`, the default: dist/ must be built) or a tiny pid counter
 * (`--kernel counter`, for client tests that need no oracle). Any other argument (a `--marker=…`)
 * is ignored: tests use it to find the program in the process table.
 */
const path = require('node:path');
const readline = require('node:readline');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** A kernel where fork returns the next pid, exit ends the caller, and anything else returns 0. */
function counterKernel() {
  let next = 2;
  let live = new Set([1]);
  return {
    name: 'counter',
    reset() { next = 2; live = new Set([1]); },
    apply(step, index) {
      if (!live.has(step.pid)) return { rejected: `pid ${step.pid} does not exist` };
      const obs = { step: index, pid: step.pid, call: step.call, kind: 'return', ret: 0 };
      if (step.call === 'fork') { obs.ret = next; live.add(next++); }
      if (step.call === 'exit') { delete obs.ret; obs.kind = 'noreturn'; live.delete(step.pid); }
      return { result: { observations: [obs], log: [] } };
    },
  };
}

function oracleKernel() {
  const { createOracle } = require(path.join(__dirname, '../../../dist/oracle'));
  const oracle = createOracle();
  return {
    name: 'oracle',
    reset(config) { oracle.reset(config); },
    apply(step) {
      try { return { result: oracle.apply(step) }; }
      catch (e) { if (e && e.name === 'StepRejected') return { rejected: e.message }; throw e; }
    },
  };
}

/**
 * Serve the protocol; `misbehave(req, answer, send)` replaces the answers from the Nth step request on.
 * `answer()` is the correct answer, `send(obj)` sends any line.
 */
function speak(name, misbehave) {
  const at = Number(option('at', '3'));
  const kernel = option('kernel', 'oracle') === 'counter' ? counterKernel() : oracleKernel();
  const send = (m) => process.stdout.write(`${typeof m === 'string' ? m : JSON.stringify(m)}\n`);
  let steps = 0;
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const req = JSON.parse(line);
    if (req.type === 'hello') return send({ type: 'hello', seq: req.seq, version: 1, name, snapshots: false });
    if (req.type === 'reset') { kernel.reset(req.config); return send({ type: 'ok', seq: req.seq }); }
    if (req.type === 'bye') { send({ type: 'ok', seq: req.seq }); return process.exit(0); }
    if (req.type !== 'step') return send({ type: 'error', seq: req.seq, error: { kind: 'unsupported', message: req.type } });
    const answer = () => {
      const r = kernel.apply(req.step, req.index);
      return r.rejected !== undefined
        ? { type: 'error', seq: req.seq, error: { kind: 'rejected', message: r.rejected } }
        : { type: 'result', seq: req.seq, result: r.result };
    };
    if (++steps >= at) return misbehave(req, answer, send);
    send(answer());
  });
}

module.exports = { speak };
