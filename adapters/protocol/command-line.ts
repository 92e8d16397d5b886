/** A command line that cannot be split into words. */
export class CommandLineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandLineError';
  }
}

/**
 * Split `PROGRAM ARGS` into words the way a POSIX shell would for plain words, single quotes,
 * double quotes and backslashes, without running a shell: the program started is the program
 * named, so killing it kills the implementation (no shell in between), and nothing is expanded.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\') {
      if (i + 1 >= line.length) throw new CommandLineError(`command line ends with a lone backslash: ${line}`);
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new CommandLineError(`unterminated ${quote} quote in command line: ${line}`);
  if (word !== null) words.push(word);
  if (!words.length) throw new CommandLineError('empty command line: expected cmd:PROGRAM ARGS');
  return words;
}
