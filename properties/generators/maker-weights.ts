import type { Bias } from './bias';
import { MAKERS } from './catalogue';
import type { MakeContext } from './calls/maker';

/** The makers whose weight depends on the state: their indices in `MAKERS`, and their weights. */
const WEIGHED = MAKERS.flatMap((m, i) => (typeof m.weight === 'number' ? [] : [{ index: i, weight: m.weight }]));

/**
 * The makers' weights for one draw, in `MAKERS` order, each times the run's bias. A constant
 * weight's product is worked out once per bias; only the weights that depend on the state are
 * weighed per step (the products are the same numbers either way).
 */
export class MakerWeights {
  private readonly weights = new Float64Array(MAKERS.length);
  private bias: Bias | null = null;

  /** The weights for ctx's caller (the buffer is reused: valid until the next call). */
  of(ctx: MakeContext, bias: Bias): Float64Array {
    const w = this.weights;
    if (bias !== this.bias) this.takeConstants(bias);
    for (let j = 0; j < WEIGHED.length; j++) {
      const { index, weight } = WEIGHED[j];
      w[index] = weight(ctx) * bias[index];
    }
    return w;
  }

  private takeConstants(bias: Bias): void {
    for (let i = 0; i < MAKERS.length; i++) {
      const weight = MAKERS[i].weight;
      if (typeof weight === 'number') this.weights[i] = weight * bias[i];
    }
    this.bias = bias;
  }
}
