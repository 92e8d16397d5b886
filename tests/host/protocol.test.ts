import { spawnSync } from 'node:child_process';
import { HARNESS_BINARY } from '../../adapters/host/target';
import { describeHost } from './host-suite';

/** Bad input gets an error line naming what and where, never a crash or a stack trace. */
function converse(lines: string[]): { responses: unknown[]; status: number | null; stderr: string } {
  const r = spawnSync(HARNESS_BINARY, [], { input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 10000 });
  return { responses: r.stdout.trim().split('\n').map((l) => JSON.parse(l)), status: r.status, stderr: r.stderr };
}

const HELLO = '{"type":"hello","seq":0,"version":1,"profile":"linux"}';
const RESET = '{"type":"reset","seq":1,"config":{"profile":"linux","pidMax":99999,"pidFloor":100,"maxproc":6000,"nprocLimit":3000}}';

describeHost('host harness: line protocol', () => {
  it('answers malformed requests with protocol and rejected errors that name the field', () => {
    const { responses, status, stderr } = converse([
      HELLO, '{"type":"step"', '{"type":"nap","seq":2}', RESET,
      '{"type":"step","seq":3,"index":0,"step":{"pid":1,"call":"wait4","wpid":-1,"options":["WSOMETIMES"],"status":"valid","rusage":"valid"}}',
      '{"type":"step","seq":4,"index":1,"step":{"pid":1,"call":"kill","target":2}}',
      '{"type":"snapshot","seq":5}', '{"type":"bye","seq":6}',
    ]);
    expect(responses).toEqual([
      { type: 'hello', seq: 0, version: 1, name: 'host-linux', snapshots: false },
      { type: 'error', seq: 0, error: { kind: 'protocol', message: 'invalid JSON at byte 15: expected \',\' or \'}\'' } },
      { type: 'error', seq: 2, error: { kind: 'protocol', message: 'request.type: unknown request type nap' } },
      { type: 'ok', seq: 1 },
      { type: 'error', seq: 3, error: { kind: 'rejected', message: 'step.options: unknown name WSOMETIMES' } },
      { type: 'error', seq: 4, error: { kind: 'rejected', message: 'step.sig: expected a signal name or number' } },
      { type: 'error', seq: 5, error: { kind: 'unsupported', message: "the host kernel's process table is not exported (snapshots: false)" } },
      { type: 'ok', seq: 6 },
    ]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
  });

  it('refuses profiles other than linux and pid_max values Linux does not take', () => {
    const { responses } = converse([
      '{"type":"hello","seq":0,"version":1,"profile":"freebsd-r176365"}',
      '{"type":"reset","seq":1,"config":{"profile":"linux","pidMax":100,"pidFloor":100,"maxproc":6000,"nprocLimit":3000}}',
    ]);
    expect(responses).toEqual([
      { type: 'error', seq: 0, error: { kind: 'unsupported', message: 'hello.profile: the host kernel is Linux; only the linux profile describes it' } },
      { type: 'error', seq: 1, error: { kind: 'unsupported', message: 'config.pidMax: Linux accepts pid_max from 301 to 4194304, not 100' } },
    ]);
  });
});
