import type { Config } from '../interleaving';

/** Reject a config the model cannot run, naming the field. */
export function validateConfig(c: Config): void {
  const int = (field: keyof Config, min: number) => {
    const v = c[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw new Error(`config.${field} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
    }
  };
  int('pidMax', 3);
  int('pidFloor', 2);
  int('maxproc', 1);
  int('nprocLimit', 1);
  if (c.pidFloor >= c.pidMax) throw new Error(`config.pidFloor (${c.pidFloor}) must be below config.pidMax (${c.pidMax})`);
}
