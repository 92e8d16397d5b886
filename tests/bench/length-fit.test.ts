import { lengthFit, secondsAt, total } from '../../bench/length-fit';

describe('the length fit of the runner figure', () => {
  it('draws the line through two passes and reads it at another length', () => {
    // 10 runs of 20 steps in 0.3 s (30 ms each), 10 runs of 60 steps in 0.7 s (70 ms each): 10 ms + 1 ms per step.
    const fit = lengthFit({ runs: 10, steps: 200, seconds: 0.3 }, { runs: 10, steps: 600, seconds: 0.7 });
    expect(fit.perRun).toBeCloseTo(0.01, 12);
    expect(fit.perStep).toBeCloseTo(0.001, 12);
    expect(secondsAt(fit, 35)).toBeCloseTo(0.045, 12);
  });

  it('gives a negative fixed part when steps cost more in the longer runs', () => {
    const fit = lengthFit({ runs: 1, steps: 10, seconds: 0.01 }, { runs: 1, steps: 30, seconds: 0.05 });
    expect(fit.perRun).toBeCloseTo(-0.01, 12);
    expect(fit.perStep).toBeCloseTo(0.002, 12);
  });

  it('refuses passes that are not of two lengths, saying which', () => {
    expect(() => lengthFit({ runs: 2, steps: 40, seconds: 1 }, { runs: 1, steps: 20, seconds: 1 })).toThrow('a length fit needs a longer second pass (20.0 and 20.0 steps per interleaving)');
  });

  it('adds passes up', () => {
    expect(total([{ runs: 1, steps: 2, seconds: 3 }, { runs: 4, steps: 5, seconds: 6 }])).toEqual({ runs: 5, steps: 7, seconds: 9 });
    expect(total([])).toEqual({ runs: 0, steps: 0, seconds: 0 });
  });
});
