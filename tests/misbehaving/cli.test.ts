import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveChildren } from '../../adapters/protocol/reaper';
import { ensureBuilt, reapcheck, ROOT, tempDir } from '../cli/helpers';
import { newMarker, processesWith, settledWithout } from './processes';

jest.setTimeout(30_000);

beforeAll(ensureBuilt, 120_000);

const target = (name: string, marker: string) => `cmd:${process.execPath} ${join(__dirname, 'programs', `${name}.js`)} ${marker}`;

describe('reapcheck run against misbehaving programs', () => {
  test.each([
    ['hang', /hang: no response within 300 ms/],
    ['crash', /crash: the program exited with code 3/],
    ['garbage', /garbled: not JSON/],
    ['wrong-seq', /seq: expected seq \d+, got \d+/],
    ['stderr-die', /crash: the program exited with code 1 after writing to stderr: "fatal: cannot model this step"/],
  ])('%s: exit 2, the message says what went wrong, the prefix is saved, no process is left', async (name, message) => {
    const marker = newMarker();
    const out = tempDir();
    const r = await reapcheck(['run', '--impl', target(name, marker), '--runs', '3', '--timeout', '300', '--out', out, '--json']);
    expect(r.code).toBe(2);
    const [f] = JSON.parse(r.out).failures;
    expect(f.property).toBe('implementation');
    expect(f.message).toMatch(message);
    expect(f.message).toMatch(/answering step \(seq \d+\), at step \d+/);
    const fixture = JSON.parse(readFileSync(f.fixture, 'utf8'));
    expect(fixture.steps).toHaveLength(f.step + 1);
    expect(fixture.found).toMatchObject({ property: 'implementation', step: f.step });
    expect(liveChildren()).toBe(0);
    expect(await settledWithout(marker)).toEqual([]);
  });

  test('a liar speaks the protocol well: its lie is a divergence (exit 1), shrunk on the live program', async () => {
    const marker = newMarker();
    const r = await reapcheck(['run', '--impl', target('liar', marker), '--runs', '3', '--out', tempDir(), '--json']);
    expect(r.code).toBe(1);
    const [f] = JSON.parse(r.out).failures;
    expect(f.property).toBe('differential');
    expect(f.message).toMatch(/observation 0 (ret|errno|kind) expected .*, got /);
    expect(await settledWithout(marker)).toEqual([]);
  });

  test('the text report of a break names the target and the step, and prints the replay command', async () => {
    const marker = newMarker();
    const r = await reapcheck(['run', '--impl', target('garbage', marker), '--runs', '1', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^FAIL implementation fails at step \d+: /m);
    expect(r.out).toMatch(/replay: +npx reapcheck replay /);
  });
});

describe('the runner interrupted', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('by %s kills the program and its children', async (signal) => {
    const marker = newMarker();
    const runner = spawn(process.execPath, [join(ROOT, 'bin/reapcheck.js'), 'run', '--impl', target('hang', marker), '--timeout', '60000', '--out', tempDir()], { stdio: 'ignore' });
    // Wait until the hanging program has started its own child (two processes carry the marker).
    for (let i = 0; i < 200 && processesWith(marker).length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(processesWith(marker).length).toBe(2);
    const ended = new Promise<NodeJS.Signals | null>((r) => runner.once('exit', (_code, sig) => r(sig)));
    runner.kill(signal);
    expect(await ended).toBe(signal);
    expect(await settledWithout(marker)).toEqual([]);
  });
});
