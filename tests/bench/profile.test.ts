import { hotSpots, inclusiveShare } from '../../bench/profile/cpuprofile';
import { shortestKnown } from '../../bench/figures/find-and-shrink';

describe('bench helpers reading files', () => {
  it('hot spots merge nodes of one function and rank by self time', () => {
    const frame = (functionName: string, url: string, lineNumber: number) => ({ functionName, url, lineNumber });
    const spots = hotSpots({
      nodes: [
        { id: 1, callFrame: frame('apply', 'file:///r/dist/k.js', 9), hitCount: 2 },
        { id: 2, callFrame: frame('(garbage collector)', '', -1), hitCount: 5 },
        { id: 3, callFrame: frame('apply', 'file:///r/dist/k.js', 9), hitCount: 3 },
      ],
    }, '/r', 5);
    expect(spots).toEqual([
      { fn: '(garbage collector)', where: '(native)', selfPercent: 50 },
      { fn: 'apply', where: 'dist/k.js:10', selfPercent: 50 },
    ]);
  });

  it('an inclusive share counts each sample under any named frame once, and nothing outside them', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    // root(1) -> choose(4) -> weigh(2) ; root -> apply(3) ; choose -> apply(1) ; root -> choose in another file(5)
    const p = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), hitCount: 1, children: [2, 4, 6] },
        { id: 2, callFrame: frame('choose', 'file:///r/dist/gen.js'), hitCount: 4, children: [3, 5] },
        { id: 3, callFrame: frame('weigh', 'file:///r/dist/gen.js'), hitCount: 2 },
        { id: 4, callFrame: frame('apply', 'file:///r/dist/k.js'), hitCount: 3 },
        { id: 5, callFrame: frame('apply', 'file:///r/dist/k.js'), hitCount: 1 },
        { id: 6, callFrame: frame('choose', 'file:///r/dist/other.js'), hitCount: 5 },
      ],
    };
    const choose = { fn: 'choose', file: 'dist/gen.js' };
    const apply = { fn: 'apply', file: 'dist/k.js' };
    expect(inclusiveShare(p, [choose])).toBeCloseTo(7 / 16);
    expect(inclusiveShare(p, [apply])).toBeCloseTo(4 / 16);
    // The apply under choose is counted once.
    expect(inclusiveShare(p, [choose, apply])).toBeCloseTo(10 / 16);
    expect(inclusiveShare(p, [{ fn: 'absent', file: 'x.js' }])).toBe(0);
    expect(inclusiveShare({ nodes: [] }, [choose])).toBe(0);
  });

  it('the shortest known interleaving of each mutant, by file and by target name', () => {
    const known = shortestKnown();
    expect(known.get('wnohang-sleeps')).toBe(2);
    expect(known.get('c-echild-as-einval')).toBe(1);
  });
});
