/** A JSON location inside a fixture, split into the step it belongs to and a readable field path. */
export interface FixtureLocation {
  /** 'steps' or 'expect' when the location is inside one step's record; 'top' otherwise. */
  area: 'steps' | 'expect' | 'top';
  step?: number;
  /** `options[1]`, `snapshot.procs[0].flags`, `config.pidMax`; '' for the record itself. */
  field: string;
}

/** Joins path segments the way a reader writes them: names with dots, indices in brackets. */
export function joinFieldPath(segments: readonly string[]): string {
  let out = '';
  for (const s of segments) {
    if (/^(0|[1-9][0-9]*)$/.test(s)) out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

/** Parses an ajv `instancePath` (JSON Pointer) plus an optional child name into a location. */
export function locate(instancePath: string, child?: string): FixtureLocation {
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  const [head, index, ...rest] = segments;
  if ((head === 'steps' || head === 'expect') && index !== undefined && /^[0-9]+$/.test(index)) {
    return { area: head, step: Number(index), field: joinFieldPath(rest) };
  }
  return { area: 'top', field: joinFieldPath(segments) };
}
