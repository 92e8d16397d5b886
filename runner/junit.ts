import type { StepCounts } from './execute';
import type { ReportedFailure } from './report';
import { sortedCounts } from './report';

function xml(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the five specials are escaped.
  return s
    .replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A JUnit XML report for CI: one test case per property, failed when a failure of that property
 * was found (with the message and the fixture), skipped when the target could not be checked for
 * it at all. No timings, so the file is the same for the same seed.
 */
export function junitXml(suite: string, counts: Record<string, StepCounts>, failures: readonly ReportedFailure[]): string {
  const names = sortedCounts(counts).map(([n]) => n);
  for (const f of failures) if (!names.includes(f.property)) names.push(f.property);
  const cases = names.map((name) => {
    const c = counts[name];
    const mine = failures.filter((f) => f.property === name);
    const open = `    <testcase classname="${xml(suite)}" name="${xml(name)}">`;
    if (mine.length) {
      const body = mine.map((f) => `      <failure message="${xml(f.message.split('\n')[0])}" type="${xml(name)}">${xml(`step ${f.step}, fixture ${f.fixture ?? '(none)'}\n${f.message}`)}</failure>`);
      return [open, ...body, '    </testcase>'].join('\n');
    }
    if (c && c.checked === 0 && c.skipped > 0) return `${open}\n      <skipped message="the target lacks what this check needs"/>\n    </testcase>`;
    return `${open}</testcase>`;
  });
  const failed = names.filter((n) => failures.some((f) => f.property === n)).length;
  const skipped = names.filter((n) => !failures.some((f) => f.property === n) && counts[n]?.checked === 0 && counts[n]?.skipped > 0).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${names.length}" failures="${failed}">`,
    `  <testsuite name="${xml(suite)}" tests="${names.length}" failures="${failed}" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
