import { readdirSync } from 'node:fs';
import { MUTANT_LIST, MUTANTS } from '../../mutants';
import { fixtureOf, MUTANT_FIXTURES } from './mutant-fixtures';

describe('the mutant catalogue', () => {
  test('has at least 20 mutants, two or more of them separate programs, each named once', () => {
    expect(MUTANT_LIST.length).toBeGreaterThanOrEqual(20);
    expect(MUTANT_LIST.filter((m) => m.kind === 'protocol').length).toBeGreaterThanOrEqual(2);
    const names = MUTANT_LIST.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(MUTANTS).sort()).toEqual([...names].sort());
  });

  test.each(MUTANT_LIST.map((m) => [m.name, m] as const))('%s: names its seed lines, says what is wrong, and has its fixture', (name, m) => {
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(m.seedLines).toMatch(/^kern_exit\.c:\d+/);
    expect(m.description.length).toBeGreaterThan(30);
    const f = fixtureOf(m);
    expect(f.name).toBe(name);
    expect(f.found.target).toBe(`mutant:${name}`);
    expect(f.found.minimalLength).toBe(f.steps.length);
    expect(f.source?.seedLines).toBe(m.seedLines);
  });

  test('there is no fixture without a mutant', () => {
    const names = new Set(MUTANT_LIST.map((m) => `${m.name}.json`));
    expect(readdirSync(MUTANT_FIXTURES).filter((f) => !names.has(f))).toEqual([]);
  });
});
