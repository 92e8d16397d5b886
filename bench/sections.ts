import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Section } from './report';

/**
 * Each figure's last result is kept under reports/bench/KEY.json, so `--only KEY` re-measures one
 * figure and BENCHMARKS.md is rendered again from every kept section (each carries its own date,
 * command and load).
 */
export class SectionStore {
  constructor(private readonly dir: string) {}

  save(key: string, section: Section): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, `${key}.json`), `${JSON.stringify(section, null, 2)}\n`);
  }

  /** The kept section of a figure, or null when it was never measured here. */
  load(key: string): Section | null {
    const file = join(this.dir, `${key}.json`);
    if (!existsSync(file)) return null;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Section;
    } catch (e) {
      throw new Error(`${file}: not a kept bench section (${e instanceof Error ? e.message : String(e)}); delete it and measure again`);
    }
  }
}
