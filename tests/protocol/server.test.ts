import { PassThrough } from 'node:stream';
import { serve } from '../../adapters/protocol/server';
import { decodeResponse } from '../../adapters/protocol/decode';
import { createOracle } from '../../oracle';
import type { Response } from '../../adapters/protocol/messages';
import type { Implementation } from '../../interleaving';
import { CONFIG } from './samples';
import { standIn } from './stand-in';

/** Feed request lines to `serve` and collect its response lines. */
async function session(lines: string[], impl: Implementation = standIn(), profiles?: ('freebsd-r176365' | 'linux')[]): Promise<Response[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const done = serve(impl, input, output, { profiles });
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await done;
  return chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Response);
}

const req = (o: object) => JSON.stringify(o);

describe('serve', () => {
  test('answers hello, reset, steps, snapshot and bye in order, each with its seq, each valid', async () => {
    const r = await session([
      req({ type: 'hello', seq: 0, version: 1, profile: 'freebsd-r176365' }),
      req({ type: 'reset', seq: 1, config: CONFIG }),
      req({ type: 'step', seq: 2, index: 0, step: { pid: 1, call: 'fork' } }),
      req({ type: 'snapshot', seq: 3 }),
      req({ type: 'bye', seq: 4 }),
      req({ type: 'step', seq: 5, index: 1, step: { pid: 1, call: 'fork' } }),
    ]);
    expect(r.map((x) => [x.type, x.seq])).toEqual([['hello', 0], ['ok', 1], ['result', 2], ['snapshot', 3], ['ok', 4]]);
    expect(r[0]).toMatchObject({ name: 'stand-in', snapshots: true, version: 1 });
    const accepts = ['hello', 'ok', 'result', 'snapshot', 'ok'] as const;
    r.forEach((x, i) => expect(() => decodeResponse(JSON.stringify(x), { request: 'hello', seq: x.seq, accepts: [accepts[i]] })).not.toThrow());
  });

  test('a rejected step, a bug and a malformed request are errors as data, and the session goes on', async () => {
    const r = await session([
      req({ type: 'step', seq: 0, index: 0, step: { pid: 9, call: 'fork' } }),
      req({ type: 'step', seq: 1, index: 1, step: { pid: 1, call: 'fork' } }),
      req({ type: 'step', seq: 2, index: 2, step: { pid: 1, call: 'fork', extra: true } }),
      'not json',
      req({ type: 'step', seq: 4, index: 3, step: { pid: 1, call: 'kill', target: 2 } }),
      req({ type: 'step', seq: 5, index: 4, step: { pid: 1, call: 'fork' } }),
      req({ type: 'step', seq: 6, index: 5, step: { pid: 1, call: 'setuid', uid: 666 } }),
    ]);
    expect(r[0]).toMatchObject({ type: 'error', seq: 0, error: { kind: 'rejected', message: 'fork: pid 9 does not exist' } });
    expect(r[1]).toMatchObject({ type: 'result', seq: 1 });
    expect(r[2]).toMatchObject({ type: 'error', seq: 2, error: { kind: 'protocol' } });
    expect((r[2] as { error: { message: string } }).error.message).toContain('/step/extra');
    expect(r[3]).toMatchObject({ type: 'error', seq: -1, error: { kind: 'protocol' } });
    expect((r[4] as { error: { message: string } }).error.message).toContain('/step/sig');
    expect(r[5]).toMatchObject({ type: 'result', seq: 5 });
    expect(r[6]).toMatchObject({ type: 'error', seq: 6, error: { kind: 'internal', message: 'stand-in bug' } });
  });

  test('a configuration the implementation refuses is an unsupported error', async () => {
    const r = await session([req({ type: 'reset', seq: 0, config: { ...CONFIG, pidMax: 20 } })]);
    expect(r[0]).toEqual({ type: 'error', seq: 0, error: { kind: 'unsupported', message: 'pidMax 20 is below 50' } });
  });

  test('the oracle behind it: a uid beyond uid_t is a rejected step, a linux pid space at or below 300 a malformed reset (a runner bug), each with its message', async () => {
    const r = await session([
      req({ type: 'reset', seq: 0, config: { ...CONFIG, profile: 'linux', pidMax: 8, pidFloor: 2 } }),
      req({ type: 'reset', seq: 1, config: CONFIG }),
      req({ type: 'step', seq: 2, index: 0, step: { pid: 1, call: 'setuid', uid: 2 ** 32 } }),
    ], createOracle());
    expect(r[0]).toEqual({ type: 'error', seq: 0, error: { kind: 'protocol', message: 'config.pidMax (8) must be above 300 on the linux profile: pids wrap to 300' } });
    expect(r[1]).toEqual({ type: 'ok', seq: 1 });
    expect(r[2]).toEqual({ type: 'error', seq: 2, error: { kind: 'rejected', message: 'setuid: uid must be a 32-bit unsigned integer, got 4294967296' } });
  });

  test('refuses a profile or a version it does not speak', async () => {
    const r = await session([req({ type: 'hello', seq: 0, version: 1, profile: 'linux' }), req({ type: 'hello', seq: 1, version: 2, profile: 'linux' })], standIn(), ['freebsd-r176365']);
    expect(r[0]).toMatchObject({ type: 'error', error: { kind: 'unsupported' } });
    expect(r[1]).toMatchObject({ type: 'error', error: { kind: 'unsupported', message: expect.stringContaining('protocol version 2') } });
  });
});
