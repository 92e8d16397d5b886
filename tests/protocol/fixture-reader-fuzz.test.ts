import fc from 'fast-check';
import { FixtureError, parseFixture } from '../../runner/fixture-reader';

/** A valid fixture to mutate: three steps with expectations. */
const VALID = {
  format: 'reapcheck-fixture',
  version: 1,
  name: 'fuzz-seed',
  kind: 'golden',
  description: 'fork, exit, reap',
  config: { pidMax: 200 },
  steps: [
    { pid: 1, call: 'fork' },
    { pid: 2, call: 'exit', code: 0 },
    { pid: 1, call: 'wait4', wpid: -1, options: ['WNOHANG'], status: 'valid', rusage: 'null' },
  ],
  expect: [{ ret: 2 }, null, { ret: 2, status: { raw: 0 } }],
};

/** Replace the value at `path` (indices taken modulo each level's size), or drop it when `drop`. */
function mutateAt(value: unknown, path: number[], replacement: unknown, drop: boolean): { value: unknown; at: string[] } {
  if (typeof value !== 'object' || value === null || path.length === 0) return { value: replacement, at: [] };
  const keys = Object.keys(value);
  if (keys.length === 0) return { value: replacement, at: [] };
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as object) };
  if (path.length === 1 && drop && !Array.isArray(value)) {
    delete copy[key];
    return { value: copy, at: [key] };
  }
  const inner = mutateAt((value as Record<string, unknown>)[key], path.slice(1), replacement, drop);
  copy[key] = inner.value;
  return { value: copy, at: [key, ...inner.at] };
}

describe('parseFixture fuzzing', () => {
  test('every input is a fixture or a FixtureError naming the file (and the step, when the damage is in one)', () => {
    const keys = Object.keys(VALID);
    const anywhere = fc.array(fc.nat(), { minLength: 1, maxLength: 5 });
    // Paths into steps[i] and expect[i], where the message must name the step.
    const inAStep = fc.tuple(fc.constantFrom(keys.indexOf('steps'), keys.indexOf('expect')), fc.array(fc.nat(), { minLength: 1, maxLength: 3 })).map(([k, rest]) => [k, ...rest]);
    const mutated = fc
      .record({ path: fc.oneof(anywhere, inAStep), replacement: fc.jsonValue({ maxDepth: 2 }), drop: fc.boolean(), cut: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }) })
      .map(({ path, replacement, drop, cut }) => {
        const m = mutateAt(VALID, path, replacement, drop);
        const text = JSON.stringify(m.value, null, 2);
        return { text: cut === undefined ? text : text.slice(0, cut % (text.length + 1)), at: cut === undefined ? m.at : null };
      });
    const random = fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))).map((text) => ({ text, at: null }));
    let parsed = 0;
    let rejected = 0;
    let located = 0;
    let inSteps = 0;
    // Edits that keep the file valid: another description, config value or exit code.
    const harmless = fc
      .record({ description: fc.string(), pidMax: fc.integer({ min: 200, max: 99999 }), code: fc.integer({ min: 0, max: 255 }) })
      .map(({ description, pidMax, code }) => {
        const steps = [VALID.steps[0], { ...VALID.steps[1], code }, VALID.steps[2]];
        return { text: JSON.stringify({ ...VALID, description, config: { pidMax }, steps }), at: null };
      });
    fc.assert(
      fc.property(fc.oneof(mutated, mutated, mutated, random, harmless), ({ text, at }) => {
        try {
          parseFixture(text, 'fuzz.json');
          parsed++;
          return true;
        } catch (e) {
          rejected++;
          if (!(e instanceof FixtureError) || !e.message.startsWith('fuzz.json')) throw e;
          // Damage inside steps[i] or expect[i] of an otherwise intact file is pinned to that step.
          const inStep = at && (at[0] === 'steps' || at[0] === 'expect') && at.length >= 2 ? Number(at[1]) : undefined;
          if (inStep !== undefined) inSteps++;
          if (inStep !== undefined && e.step === inStep) located++;
          return e.step === undefined || e.message.includes(`step ${e.step}`);
        }
      }),
      { numRuns: 12_000, seed: 7 },
    );
    expect(parsed + rejected).toBe(12_000);
    expect(parsed).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(5000);
    // Nearly every damaged step is named (the rest are damage that makes another step wrong first).
    expect(inSteps).toBeGreaterThan(1500);
    expect(located / inSteps).toBeGreaterThan(0.9);
  });
});
