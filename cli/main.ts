import { Command, CommanderError, Option } from 'commander';
import { ImplementationBroke } from '../adapters/protocol/broke';
import { CommandLineError } from '../adapters/protocol/command-line';
import { DEFAULT_STEP_TIMEOUT_MS } from '../adapters/protocol/client';
import { ModuleTargetError } from '../adapters/module/load';
import { TargetError, TARGET_FORMS } from '../adapters/targets';
import { CHECK_MODES, DEFAULT_CHECK_MODE } from '../runner/check-mode';
import { FixtureError } from '../runner/fixture-reader';
import { explainCommand } from './commands/explain';
import { replayCommand } from './commands/replay';
import { DEFAULT_MAX_STEPS, DEFAULT_OUT, DEFAULT_RUNS, DEFAULT_SEED, runCommand } from './commands/run';
import { shrinkCommand } from './commands/shrink';
import { soakCommand } from './commands/soak';
import { EXIT_BROKEN, EXIT_OK } from './exit-codes';
import { processIo, type Io } from './io';
import { integerOption, profileOption, seedOption, shardOption } from './options';
import { UsageError } from './usage-error';
import type { ProfileName } from '../interleaving';

/** Errors that are the user's input or the target's fault: one message, exit 2, no stack trace. */
const USER_ERRORS = [UsageError, TargetError, ModuleTargetError, CommandLineError, FixtureError, ImplementationBroke];

const implOption = () => new Option('--impl <target>', `the implementation to check: ${TARGET_FORMS}`).makeOptionMandatory();
const profile = () =>
  new Option('--profile <name>', 'the profile to check against (default: linux for host, else freebsd-r176365)').argParser(profileOption);

/** The built-in default target of `run`: this machine's kernel. */
export const DEFAULT_TARGET = 'host';

/** Real Linux kernels are compared with the linux profile, everything else with the seed's. */
export function defaultProfile(impl: string): ProfileName {
  return impl === 'host' || impl === 'gvisor' ? 'linux' : 'freebsd-r176365';
}

/** Fill in the profile the user left out. */
function withProfile<T extends { impl: string; profile?: ProfileName }>(o: T): T & { profile: ProfileName } {
  return { ...o, profile: o.profile ?? defaultProfile(o.impl) };
}
const timeout = () => new Option('--timeout <ms>', 'per-step timeout of out-of-process targets').argParser(integerOption('--timeout', 1)).default(DEFAULT_STEP_TIMEOUT_MS);
const errata = () => new Option('--errata', 'also check the ideal properties r176365 breaks by design (to hunt errata)').default(false);
const checkMode = () =>
  new Option('--check-mode <mode>', 'how invariants judge each step: what it changed (incremental) or the whole table (full); the verdicts are the same').choices(CHECK_MODES).default(DEFAULT_CHECK_MODE);

/** The command-line program; every action stores its exit code in `exit`. */
function program(io: Io, exit: { code: number }): Command {
  const done = (code: number) => {
    exit.code = code;
  };
  const cmd = new Command('reapcheck')
    .description('Conformance checking of process exit, wait and reparenting against a model of FreeBSD kern_exit.c r176365')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run reapcheck help for usage)');

  cmd
    .command('run')
    .description('run random interleavings against a target, checking every step against the oracle and the invariants')
    .addOption(new Option('--impl <target>', `the implementation to check: ${TARGET_FORMS}`).default(DEFAULT_TARGET))
    .addOption(profile())
    .addOption(new Option('--runs <n>', 'interleavings to run').argParser(integerOption('--runs', 1)).default(DEFAULT_RUNS))
    .addOption(new Option('--seed <s>', 'seed of the interleavings (a 32-bit integer)').argParser(seedOption).default(DEFAULT_SEED))
    .addOption(new Option('--max-steps <n>', 'longest interleaving').argParser(integerOption('--max-steps', 1, 10_000)).default(DEFAULT_MAX_STEPS))
    .addOption(new Option('--max-failures <n>', 'stop after this many failures').argParser(integerOption('--max-failures', 1)).default(1))
    .option('--json', 'print one JSON object instead of the text report', false)
    .option('--junit <file>', 'also write a JUnit XML report')
    .option('--out <dir>', 'where failing fixtures are saved', DEFAULT_OUT)
    .option('--no-known', 'fail on the target\'s documented divergences too (the G rows of docs/gvisor.md for gvisor) instead of counting them')
    .addOption(timeout())
    .addOption(errata())
    .addOption(checkMode())
    .action(async (o) => done(await runCommand(withProfile(o), io)));

  cmd
    .command('replay')
    .description('replay fixtures on a target: their expectations, the oracle step by step, and the invariants')
    .argument('<fixture...>', 'fixture files')
    .addOption(implOption())
    .addOption(profile())
    .addOption(timeout())
    .addOption(errata())
    .addOption(checkMode())
    .action(async (files: string[], o) => done(await replayCommand(files, withProfile(o), io)));

  cmd
    .command('shrink')
    .description('shrink a failing fixture against a target and save the result')
    .argument('<fixture>', 'fixture file')
    .addOption(implOption())
    .addOption(profile())
    .addOption(timeout())
    .addOption(errata())
    .addOption(checkMode())
    .option('--out <dir>', 'where the shrunk fixture is saved', DEFAULT_OUT)
    .action(async (file: string, o) => done(await shrinkCommand(file, withProfile(o), io)));

  cmd
    .command('explain')
    .description('show a fixture step by step with the process tree after each step, and an SVG timeline')
    .argument('<fixture>', 'fixture file')
    .option('--impl <target>', 'the implementation to run it on (it must give snapshots)', 'oracle')
    .addOption(profile())
    .addOption(timeout())
    .option('--svg <file>', 'where the SVG timeline goes (default: next to the fixture)')
    .action(async (file: string, o) => done(await explainCommand(file, withProfile(o), io)));

  cmd
    .command('soak')
    .description('a long run of the oracle against the invariants, with the state-coverage table')
    .addOption(new Option('--runs <n>', 'interleavings to run').argParser(integerOption('--runs', 1)).makeOptionMandatory())
    .addOption(new Option('--seed <s>', 'seed').argParser(seedOption).default(DEFAULT_SEED))
    .addOption(new Option('--shard <i/n>', 'run only the i-th of n parts').argParser(shardOption))
    .addOption(new Option('--max-steps <n>', 'longest interleaving').argParser(integerOption('--max-steps', 1, 10_000)).default(DEFAULT_MAX_STEPS))
    .addOption(errata())
    .option('--json', 'print one JSON object (no timings)', false)
    .action(async (o) => done(await soakCommand(o, io)));

  return cmd;
}

/** Run the command line `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const exit = { code: EXIT_OK };
  try {
    await program(io, exit).parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its message.
      return e.exitCode === 0 ? EXIT_OK : EXIT_BROKEN;
    }
    if (USER_ERRORS.some((k) => e instanceof k)) {
      io.err(`reapcheck: ${(e as Error).message}\n`);
      return EXIT_BROKEN;
    }
    io.err(`reapcheck: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_BROKEN;
  }
}
