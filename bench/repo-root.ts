import { basename, dirname, join } from 'node:path';

/** The repository root, from bench/ under ts-node or dist/bench/ once compiled. */
export const REPO_ROOT = basename(dirname(__dirname)) === 'dist' ? join(__dirname, '..', '..') : join(__dirname, '..');
