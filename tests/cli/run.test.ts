import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hostAvailability } from '../../adapters/host/target';
import { ensureBuilt, ORACLE_SERVER, reapcheck, tempDir } from './helpers';

jest.setTimeout(30_000);

beforeAll(ensureBuilt, 120_000);

describe('reapcheck run', () => {
  test('the oracle against itself is conformant, and --json prints exactly the report shape', async () => {
    const r = await reapcheck(['run', '--impl', 'oracle', '--runs', '40', '--json', '--out', tempDir()]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['target', 'profile', 'seed', 'runs', 'steps', 'failures', 'properties']);
    expect(report).toMatchObject({ target: 'oracle', profile: 'freebsd-r176365', seed: 1, runs: 40, failures: [] });
    expect(report.steps).toBeGreaterThan(40 * 5);
    expect(report.properties.differential).toEqual({ checked: report.steps, failed: 0 });
    const names = Object.keys(report.properties);
    expect(names.length).toBeGreaterThan(20);
    for (const n of names) expect(report.properties[n].failed).toBe(0);
  });

  test('without --impl, run checks the built-in default target: this machine\'s kernel against the linux profile', async () => {
    const r = await reapcheck(['run', '--runs', '3', '--max-steps', '8', '--json', '--out', tempDir()]);
    if (!hostAvailability().ok) {
      expect(r.code).toBe(2); // the host target is unavailable here: one clear message, no stack trace
      expect(r.err).toMatch(/^reapcheck: /);
      return;
    }
    expect(JSON.parse(r.out)).toMatchObject({ target: 'host', profile: 'linux', runs: 3 });
  });

  test('the same seed gives the same report, byte for byte; another seed another one', async () => {
    const out = tempDir();
    const a = await reapcheck(['run', '--impl', 'oracle', '--runs', '15', '--seed', '42', '--json', '--out', out]);
    const b = await reapcheck(['run', '--impl', 'oracle', '--runs', '15', '--seed', '42', '--json', '--out', out]);
    const c = await reapcheck(['run', '--impl', 'oracle', '--runs', '15', '--seed', '43', '--json', '--out', out]);
    expect(a.out).toBe(b.out);
    expect(JSON.parse(c.out).steps).not.toBe(JSON.parse(a.out).steps);
  });

  test('the oracle behind the line protocol agrees with the oracle, step for step', async () => {
    const direct = await reapcheck(['run', '--impl', 'oracle', '--runs', '25', '--json', '--out', tempDir()]);
    const r = await reapcheck(['run', '--impl', ORACLE_SERVER, '--runs', '25', '--json', '--out', tempDir()]);
    expect(r.err).toBe('');
    expect(r.code).toBe(direct.code);
    const [a, b] = [JSON.parse(direct.out), JSON.parse(r.out)];
    // The same checks on the same steps, through the protocol or not (snapshots included).
    expect(b.properties).toEqual(a.properties);
    expect([b.runs, b.steps]).toEqual([a.runs, a.steps]);
    expect(b.failures.map((f: { property: string; step: number }) => [f.property, f.step])).toEqual(a.failures.map((f: { property: string; step: number }) => [f.property, f.step]));
  });

  test('the text report has the summary table and the summary line; --junit writes one case per property', async () => {
    const dir = tempDir();
    const junit = join(dir, 'report.xml');
    const r = await reapcheck(['run', '--impl', 'oracle', '--runs', '10', '--junit', junit, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^property +checked +failed +skipped$/m);
    expect(r.out).toMatch(/^differential +\d+ +0 +0$/m);
    expect(r.out).toMatch(/oracle \(freebsd-r176365\): 10 runs, \d+ steps, 0 failure\(s\), seed 1, in [\d.]+ s/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect((xml.match(/<testcase /g) ?? []).length).toBeGreaterThan(20);
    expect(xml).toContain('failures="0"');
  });

  test('a module target is loaded and checked', async () => {
    const r = await reapcheck(['run', '--impl', join(__dirname, 'targets/oracle-module.js'), '--runs', '5', '--json', '--out', tempDir()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).failures).toEqual([]);
  });

  test('a lying module is caught, shrunk, and saved before the report; the replay command replays it', async () => {
    const out = tempDir();
    const liar = join(__dirname, 'targets/wrong-fork-module.js');
    const r = await reapcheck(['run', '--impl', liar, '--runs', '50', '--out', out, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.failures).toHaveLength(1);
    const [f] = report.failures;
    expect(f.property).toBe('differential');
    expect(existsSync(f.fixture)).toBe(true);
    const fixture = JSON.parse(readFileSync(f.fixture, 'utf8'));
    // The bug needs a second fork: the shrunk fixture is two forks, nothing else.
    expect(fixture.steps.map((s: { call: string }) => s.call)).toEqual(['fork', 'fork']);
    expect(fixture.found).toMatchObject({ property: 'differential', seed: '1', target: liar });
    const text = await reapcheck(['run', '--impl', liar, '--runs', '50', '--out', out]);
    expect(text.out).toContain(`replay: npx reapcheck replay ${f.fixture} --impl ${liar}`);
    expect((await reapcheck(['replay', f.fixture, '--impl', liar])).code).toBe(1);
    expect((await reapcheck(['replay', f.fixture, '--impl', 'oracle'])).code).toBe(0);
    expect(readdirSync(out)).toHaveLength(1);
  });
});

describe('bad usage is exit 2 with a message, never a stack trace', () => {
  test.each([
    [['run', '--impl', ''], /unknown target ""|--impl/],
    [['run', '--impl', 'oracle', '--runs', 'many'], /--runs must be a whole number, got "many"/],
    [['run', '--impl', 'oracle', '--runs', '0'], /--runs must be between 1 and/],
    [['run', '--impl', 'oracle', '--profile', 'solaris'], /--profile must be one of freebsd-r176365, linux/],
    [['run', '--impl', 'nonsense'], /unknown target "nonsense"/],
    [['run', '--impl', './no/such/module.js'], /no such module: .\/no\/such\/module.js/],
    [['run', '--impl', join(__dirname, 'targets/empty-module.js')], /exports no Implementation: expected one of default, implementation, createImplementation.*found helper/],
    [['run', '--impl', "cmd:node 'unterminated"], /unterminated ' quote/],
    [['run', '--impl', 'cmd:/no/such/program'], /spawn: \/no\/such\/program could not be started/],
    [['replay', '/no/such/fixture.json', '--impl', 'oracle'], /\/no\/such\/fixture.json: cannot be read \(ENOENT\)/],
    [['soak', '--runs', '5', '--shard', '3/2'], /--shard i\/n needs 1 <= i <= n/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j', async (args, message) => {
    const r = await reapcheck(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
