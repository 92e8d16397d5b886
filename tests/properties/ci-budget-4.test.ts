import { ciBudgetShard } from './ci-budget';

describe('CI budget', () => ciBudgetShard(4));
