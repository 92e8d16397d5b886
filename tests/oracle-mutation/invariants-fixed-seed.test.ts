import { soakTest } from './invariant-soak';

soakTest(120);
