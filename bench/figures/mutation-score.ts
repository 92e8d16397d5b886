import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Budget, FigureResult } from '../figure';
import { fixed, table } from '../format';
import { EQUIVALENT_MUTANTS } from '../mutation-verdicts';
import { REPO_ROOT } from '../repo-root';

const TARGET_SCORE = 90;

/** The part of Stryker's JSON report (mutation-testing-report-schema) this figure reads. */
interface Report {
  files: Record<string, { source: string; mutants: { mutatorName: string; replacement?: string; status: string; location: { start: { line: number } } }[] }>;
}

/** Where `npm run mutation` writes its JSON report (stryker.config.json, `jsonReporter`). */
export const MUTATION_REPORT = join('reports', 'mutation', 'mutation.json');

/** Every source file of oracle/, repository-relative: what a full run mutates. */
function oracleFiles(): string[] {
  return readdirSync(join(REPO_ROOT, 'oracle'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join('oracle', f)).sort();
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Figure 6: the mutation score of the suite on oracle/, from the last `npm run mutation`. */
export function mutationScore(_b: Budget): FigureResult {
  const title = 'Mutation score (StrykerJS on oracle/)';
  const path = join(REPO_ROOT, MUTATION_REPORT);
  if (!existsSync(path)) return { title, body: `Skipped: no ${MUTATION_REPORT}; run \`npm run mutation\` first (it takes long, so \`npm run bench\` does not).`, targets: [] };
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  const rows: string[][] = [];
  const survivors: string[][] = [];
  let detected = 0;
  let undetected = 0;
  let unexplained = 0;
  const unexplainedByFile = new Map<string, number>();
  for (const [file, f] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const name = relative(REPO_ROOT, join(REPO_ROOT, file));
    const count = (set: Set<string>) => f.mutants.filter((m) => set.has(m.status)).length;
    const d = count(DETECTED);
    const u = count(UNDETECTED);
    const other = f.mutants.length - d - u;
    detected += d;
    undetected += u;
    rows.push([`\`${name}\``, String(f.mutants.length), String(d), String(u), String(other), d + u === 0 ? '—' : fixed((100 * d) / (d + u), 1)]);
    const lines = f.source.split('\n');
    for (const m of f.mutants.filter((x) => UNDETECTED.has(x.status))) {
      const line = m.location.start.line;
      const text = lines[line - 1] ?? '';
      const v = EQUIVALENT_MUTANTS.find((e) => e.file === name && e.mutator === m.mutatorName && e.replacement === m.replacement && text.includes(e.lineContains));
      if (!v) {
        unexplained++;
        unexplainedByFile.set(name, (unexplainedByFile.get(name) ?? 0) + 1);
      }
      survivors.push([`\`${name}:${line}\``, m.mutatorName, `\`${(m.replacement ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 60)}\``, m.status, v ? `equivalent: ${v.equivalent}` : '**unexplained**']);
    }
  }
  const score = detected + undetected === 0 ? 0 : (100 * detected) / (detected + undetected);
  const equivalent = survivors.length - unexplained;
  const adjusted = detected + undetected - equivalent === 0 ? 0 : (100 * detected) / (detected + undetected - equivalent);
  const when = statSync(path).mtime.toISOString();
  const missing = oracleFiles().filter((f) => !(f in report.files));
  const body = [
    `From ${MUTATION_REPORT} written ${when} by \`npm run mutation\` (StrykerJS 9.6.1, jest runner, TypeScript checker, perTest coverage, ` +
      'jest.stryker.config.js: tests/oracle-mutation/stryker-suite.ts, one jest file loading the oracle unit tests, tests/oracle-mutation, ' +
      'the stored-fixture replays and a fixed-seed invariant soak of 15 interleavings). ' +
      'Score = (killed + timed out) / (killed + timed out + survived + no coverage); compile errors, ignored and static mutants are not counted.',
    '',
    table(['file', 'mutants', 'detected', 'undetected', 'not counted', 'score %'], [...rows, ['**all**', '', String(detected), String(undetected), '', `**${fixed(score, 1)}**`]]),
    '',
    missing.length === 0 ? 'Every file of oracle/ was mutated.' : `Not in this report (not mutated): ${missing.map((f) => `\`${f}\``).join(', ')}.`,
    '',
    `Of the ${survivors.length} undetected, ${equivalent} are explained below as equivalent; without them the score is ${fixed(adjusted, 1)}%. ` +
      `${unexplained} are unexplained: neither killed by a test nor shown equivalent.`,
    '',
    survivors.length === 0 ? 'No surviving mutants.' : table(['where', 'mutator', 'replacement', 'status', 'verdict'], survivors),
  ].join('\n');
  const worst = [...unexplainedByFile].sort(([fa, a], [fb, b]) => b - a || fa.localeCompare(fb)).slice(0, 3).map(([f, n]) => `${f} (${n})`);
  return {
    title,
    body,
    targets: [{
      target: `mutation score on oracle/ ≥ ${TARGET_SCORE}%`,
      measured: `${fixed(score, 1)}% (${fixed(adjusted, 1)}% without ${equivalent} equivalent; ${unexplained} unexplained)`,
      ok: score >= TARGET_SCORE && missing.length === 0,
      note: `${fixed(TARGET_SCORE - score, 1)} points short over ${Object.keys(report.files).length} files of oracle/${missing.length ? ` (${missing.length} not mutated)` : ''}. The undetected mutants are listed ` +
        `in the section; most unexplained ones are in ${worst.join(', ')}. What would close it: a literal test per listed line ` +
        '(tests/oracle-mutation, expectations from the seed, semantics.md and linux.md), or a reason in bench/mutation-verdicts.ts where a mutant is equivalent.',
    }],
  };
}
