import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Budget, FigureResult } from '../figure';
import { fixed, table } from '../format';
import { EQUIVALENT_MUTANTS } from '../mutation-verdicts';
import { REPO_ROOT } from '../repo-root';

const TARGET_SCORE = 90;

/** The part of Stryker's JSON report (mutation-testing-report-schema) this figure reads. */
interface Report {
  config?: { jest?: { configFile?: string }; mutate?: string[] };
  files: Record<string, { source: string; mutants: { mutatorName: string; replacement?: string; status: string; location: { start: Position; end: Position } }[] }>;
}

/** A place in a report's source: 1-based line and column. */
interface Position {
  line: number;
  column: number;
}

type FileResult = Report['files'][string];

/** The source text a mutant replaces (its location's span in the report's source). */
export function mutatedText(lines: readonly string[], start: Position, end: Position): string {
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
  const middle = lines.slice(start.line, end.line - 1);
  return [(lines[start.line - 1] ?? '').slice(start.column - 1), ...middle, (lines[end.line - 1] ?? '').slice(0, end.column - 1)].join('\n');
}

/**
 * Where Stryker's JSON reports go: `npm run mutation` writes mutation.json (stryker.config.json,
 * `jsonReporter`); a run over some files only (`--mutate`) may be kept beside it under another name.
 */
export const MUTATION_REPORT_DIR = join('reports', 'mutation');

/** Each mutated file's result from the newest report that has it, and the reports used. */
export function mergedReports(dir: string, root: string = REPO_ROOT): { files: Map<string, FileResult>; used: string[]; mutantFree: string[] } {
  const reports = readdirSync(dir).filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f, when: statSync(join(dir, f)).mtime, report: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Report }))
    .sort((a, b) => a.when.getTime() - b.when.getTime() || a.name.localeCompare(b.name));
  const files = new Map<string, FileResult>();
  const from = new Map<string, string>();
  /** Files a run was told to mutate (by exact path) and reported nothing for: Stryker instrumented no mutant in them. */
  const empty = new Map<string, Date>();
  for (const r of reports) {
    for (const [file, result] of Object.entries(r.report.files)) {
      files.set(file, result);
      from.set(file, r.name);
      empty.delete(file);
    }
    for (const file of r.report.config?.mutate ?? []) if (!(file in r.report.files) && !/[*?{]/.test(file)) empty.set(file, r.when);
  }
  // Trusted only while the file is no newer than that run (a report keeps no source for a file without mutants).
  const mutantFree = [...empty].filter(([file, when]) => !files.has(file) && existsSync(join(root, file)) && statSync(join(root, file)).mtime <= when)
    .map(([file]) => file).sort();
  const used = reports.filter((r) => [...from.values()].includes(r.name))
    .map((r) => `${r.name} (${r.when.toISOString()}, ${[...from.values()].filter((n) => n === r.name).length} file(s), jest config ${r.report.config?.jest?.configFile ?? 'unknown'})`);
  return { files, used, mutantFree };
}

/**
 * The merged files whose report is stale: the file's text now differs from the source the report
 * mutated (an edit or a commit since the run), so its score no longer describes the code. Comparing
 * text, not dates, also catches uncommitted edits and ignores a commit that changed nothing here.
 */
export function staleFiles(files: ReadonlyMap<string, FileResult>, root: string): string[] {
  return [...files].filter(([file, f]) => {
    const path = join(root, file);
    return !existsSync(path) || readFileSync(path, 'utf8') !== f.source;
  }).map(([file]) => file).sort();
}

/**
 * Takes out of `files` the ones no longer in the tree (deleted or renamed since their report): their
 * mutants are of code that is gone, so they count neither for the score nor as stale. Returns them.
 */
export function dropGone(files: Map<string, FileResult>, root: string): string[] {
  const gone = [...files.keys()].filter((file) => !existsSync(join(root, file))).sort();
  for (const file of gone) files.delete(file);
  return gone;
}

/** Every source file of oracle/, repository-relative: what a full run mutates. */
function oracleFiles(): string[] {
  return readdirSync(join(REPO_ROOT, 'oracle'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join('oracle', f)).sort();
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Figure 6: the mutation score of the suite on oracle/, from the last `npm run mutation`. */
export function mutationScore(_b: Budget): FigureResult {
  const title = 'Mutation score (StrykerJS on oracle/)';
  const dir = join(REPO_ROOT, MUTATION_REPORT_DIR);
  const merged = existsSync(dir) ? mergedReports(dir) : { files: new Map<string, FileResult>(), used: [], mutantFree: [] };
  if (merged.files.size === 0) return { title, body: `Skipped: no report in ${MUTATION_REPORT_DIR}; run \`npm run mutation\` first (it takes long, so \`npm run bench\` does not).`, targets: [] };
  const gone = dropGone(merged.files, REPO_ROOT);
  const stale = staleFiles(merged.files, REPO_ROOT);
  const rows: string[][] = [];
  const survivors: string[][] = [];
  let detected = 0;
  let undetected = 0;
  let unexplained = 0;
  const unexplainedByFile = new Map<string, number>();
  for (const [file, f] of [...merged.files].sort(([a], [b]) => a.localeCompare(b))) {
    const name = relative(REPO_ROOT, join(REPO_ROOT, file));
    const count = (set: Set<string>) => f.mutants.filter((m) => set.has(m.status)).length;
    const d = count(DETECTED);
    const u = count(UNDETECTED);
    const other = f.mutants.length - d - u;
    detected += d;
    undetected += u;
    rows.push([`\`${name}\`${stale.includes(file) ? ' (**stale**)' : ''}`, String(f.mutants.length), String(d), String(u), String(other), d + u === 0 ? '—' : fixed((100 * d) / (d + u), 1)]);
    const lines = f.source.split('\n');
    for (const m of f.mutants.filter((x) => UNDETECTED.has(x.status))) {
      const line = m.location.start.line;
      const text = lines[line - 1] ?? '';
      const mutated = mutatedText(lines, m.location.start, m.location.end);
      const v = EQUIVALENT_MUTANTS.find((e) => e.file === name && e.mutator === m.mutatorName && e.replacement === m.replacement && text.includes(e.lineContains)
        && (e.mutated === undefined || e.mutated === mutated));
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
  const missing = oracleFiles().filter((f) => !merged.files.has(f) && !merged.mutantFree.includes(f));
  const body = [
    `From ${MUTATION_REPORT_DIR}: ${merged.used.join('; ')}; each file's result from the newest report that mutated it. Written by \`npm run mutation\` (StrykerJS 9.6.1, jest runner, TypeScript checker, perTest coverage, ` +
      'the jest config named with each report: jest.stryker.config.js, one jest file (tests/oracle-mutation/stryker-suite.ts) loading the oracle unit tests, ' +
      'tests/oracle-mutation, the stored-fixture replays and a fixed-seed invariant soak of 15 interleavings; jest.stryker.multi.js, the same tests as ' +
      'separate files, with the soak at 120). ' +
      'Score = (killed + timed out) / (killed + timed out + survived + no coverage); compile errors, ignored and static mutants are not counted.' +
      (gone.length === 0 ? '' : ` Left out, no longer in the tree: ${gone.map((f) => `\`${f}\``).join(', ')}.`),
    '',
    table(['file', 'mutants', 'detected', 'undetected', 'not counted', 'score %'], [...rows, ['**all**', '', String(detected), String(undetected), '', `**${fixed(score, 1)}**`]]),
    '',
    missing.length === 0 ? 'Every file of oracle/ was mutated.' : `Not in this report (not mutated): ${missing.map((f) => `\`${f}\``).join(', ')}.`,
    ...(merged.mutantFree.length ? ['', `Mutated, with no mutant to make (types and re-exports only: Stryker instrumented none): ${merged.mutantFree.map((f) => `\`${f}\``).join(', ')}.`] : []),
    '',
    stale.length === 0
      ? 'Every report is current: each file\'s text is the source its report mutated.'
      : `**Stale** (the file changed after its report; re-run its batch): ${stale.map((f) => `\`${f}\``).join(', ')}.`,
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
      measured: `${fixed(score, 1)}% on ${merged.files.size} of ${merged.files.size + missing.length} files with mutants${merged.mutantFree.length ? ` (${merged.mutantFree.length} more have none)` : ''} (${fixed(adjusted, 1)}% without ${equivalent} equivalent; ${unexplained} unexplained${stale.length ? `; ${stale.length} stale` : ''})`,
      ok: score >= TARGET_SCORE && missing.length === 0 && stale.length === 0,
      note: stale.length > 0
        ? `${stale.length} file(s) changed after their report (${stale.join(', ')}), so the score is not of the current code. What would close it: re-running those files' batches (stryker.*.json).`
        : score >= TARGET_SCORE && missing.length === 0
        ? `${unexplained} undetected mutants are neither killed nor explained (listed in the section).`
        : score >= TARGET_SCORE
        ? `the score is over the ${merged.files.size} files mutated so far; ${missing.length} files of oracle/ are in no report. What would close it: ` +
          'a run over them (`npm run mutation`, or `npx stryker run` with `--mutate` per file: each report adds up here), then a literal test or a verdict per unexplained survivor.'
        : `${fixed(TARGET_SCORE - score, 1)} points short over ${merged.files.size} files of oracle/${missing.length ? ` (${missing.length} not mutated)` : ''}. ` +
          `The undetected mutants are listed in the section; most unexplained ones are in ${worst.join(', ')}. What would close it: a literal test per listed line ` +
          '(tests/oracle-mutation, expectations from the seed, semantics.md and linux.md), or a reason in bench/mutation-verdicts.ts where a mutant is equivalent.',
    }],
  };
}
