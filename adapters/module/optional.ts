/**
 * Load a part of reapcheck that may not be built yet (mutants, the host harness, the errata
 * catalogue), by absolute path without extension; undefined when it is absent. An error inside
 * the module itself, or a module it needs that is missing, still surfaces.
 */
export function optionalModule<T>(file: string): T | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as T;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const missing = err.code === 'MODULE_NOT_FOUND' && err.message.split('\n')[0].includes(`'${file}'`);
    if (missing) return undefined;
    throw e;
  }
}
