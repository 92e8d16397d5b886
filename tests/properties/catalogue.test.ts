import { readdirSync } from 'fs';
import { join } from 'path';
import { ERRATA } from '../../properties/errata';
import { INVARIANTS } from '../../properties/invariants';

describe('the invariant catalogue', () => {
  it('holds at least 20 named invariants, one per file, each with a statement and a source', () => {
    expect(INVARIANTS.length).toBeGreaterThanOrEqual(20);
    const files = readdirSync(join(__dirname, '../../properties/invariants')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(INVARIANTS.map((i) => i.name).sort());
    for (const i of INVARIANTS) {
      expect(i.statement.length).toBeGreaterThan(20);
      expect(i.source).toMatch(/kern_exit\.c:\d+|semantics\.md §/);
    }
  });

  it('contains every invariant issue 3 asks for', () => {
    const names = INVARIANTS.map((i) => i.name);
    for (const n of [
      'parent-alive', 'zombie-childless', 'reap-once', 'exit-reports', 'wait-selector', 'einval-first', 'echild-exact',
      'wnohang-never-sleeps', 'stop-reported-once', 'continue-reported-once', 'pid-unique', 'pgrp-session', 'proc-counts',
      'sigchld-record', 'rusage-conservation', 'md-hooks', 'sleeper-never-acts', 'init-reaps-all',
    ]) expect(names).toContain(n);
  });

  it('declares what each check needs (md for the hook order)', () => {
    expect(INVARIANTS.find((i) => i.name === 'md-hooks')!.needs).toContain('md');
    for (const i of INVARIANTS) for (const n of i.needs) expect(['snapshot', 'trace', 'md']).toContain(n);
  });

  it('keeps the errata apart, each naming its E-number and the change that fixed it', () => {
    const names = new Set(INVARIANTS.map((i) => i.name));
    for (const e of ERRATA) {
      expect(names.has(e.name)).toBe(false);
      expect(e.erratum).toMatch(/^E\d+$/);
      expect(e.fixedBy.length).toBeGreaterThan(5);
      expect(e.source).toContain(`§5 ${e.erratum}`);
    }
  });
});
