import { junitXml } from '../../runner/junit';
import { exitCodeOf, propertiesOf } from '../../runner/report';
import { formatJson } from '../../runner/report-json';
import { countsTable, replayCommandLine, shellQuote } from '../../runner/report-text';

const counts = {
  'zombie-childless': { checked: 10, failed: 0, skipped: 0 },
  differential: { checked: 10, failed: 1, skipped: 0 },
  'md-hooks': { checked: 0, failed: 0, skipped: 10 },
};

describe('reports', () => {
  test('exit codes: 0 clean, 1 a failure, 2 a broken implementation', () => {
    expect(exitCodeOf({ failures: [] })).toBe(0);
    expect(exitCodeOf({ failures: [{ property: 'differential', step: 1, fixture: 'f', message: '' }] })).toBe(1);
    expect(exitCodeOf({ failures: [{ property: 'differential', step: 1, fixture: 'f', message: '' }, { property: 'implementation', step: 2, fixture: null, message: '' }] })).toBe(2);
  });

  test('differential comes first, then the properties by name', () => {
    expect(Object.keys(propertiesOf(counts))).toEqual(['differential', 'md-hooks', 'zombie-childless']);
    expect(countsTable(counts).split('\n')).toEqual([
      'property          checked  failed  skipped',
      'differential           10       1        0',
      'md-hooks                0       0       10',
      'zombie-childless       10       0        0',
    ]);
  });

  test('JUnit: one case per property, the failure escaped, a never-checked property skipped', () => {
    const xml = junitXml('reapcheck <x> & "y"', counts, [{ property: 'differential', step: 3, fixture: 'a.json', message: 'wait4: expected <2>, got "0" & more\nsecond line' }]);
    expect(xml).toContain('<testsuite name="reapcheck &lt;x&gt; &amp; &quot;y&quot;" tests="3" failures="1" skipped="1">');
    expect(xml).toContain('<failure message="wait4: expected &lt;2&gt;, got &quot;0&quot; &amp; more" type="differential">step 3, fixture a.json');
    expect(xml).toMatch(/name="md-hooks">\n\s+<skipped /);
    expect(xml).toContain('<testcase classname="reapcheck &lt;x&gt; &amp; &quot;y&quot;" name="zombie-childless"></testcase>');
  });

  test('replay commands are pasteable: odd words are quoted', () => {
    expect(shellQuote("cmd:python3 my kernel's.py")).toBe(`'cmd:python3 my kernel'\\''s.py'`);
    expect(replayCommandLine('fixtures/failures/a.json', 'cmd:./k --x', { profile: 'linux', errata: true })).toBe(
      "npx reapcheck replay fixtures/failures/a.json --impl 'cmd:./k --x' --profile linux --errata",
    );
  });

  test('report JSON keeps small leaves on one line and is stable', () => {
    expect(formatJson({ a: { checked: 1, failed: 0 }, b: [1, 2] }, '', 30)).toBe('{\n  "a": {"checked":1,"failed":0},\n  "b": [1,2]\n}');
  });
});
