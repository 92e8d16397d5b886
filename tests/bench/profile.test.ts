import { hotSpots } from '../../bench/profile/cpuprofile';
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

  it('the shortest known interleaving of each mutant, by file and by target name', () => {
    const known = shortestKnown();
    expect(known.get('wnohang-sleeps')).toBe(2);
    expect(known.get('c-echild-as-einval')).toBe(1);
  });
});
