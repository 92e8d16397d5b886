import type { Summary } from './stats';

/** A Markdown table: a header row and body rows, cells as given. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A rate or count with thousands separators and no decimals (e.g. 1,234,567). */
export function whole(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A number with `digits` decimals. */
export function fixed(n: number, digits = 2): string {
  return n.toFixed(digits);
}

/** `median (min–max)` of a summary, each part formatted by `f`. */
export function spread(s: Summary, f: (n: number) => string = whole): string {
  return `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

/** "met" or "MISSED", for a target line. */
export function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}
