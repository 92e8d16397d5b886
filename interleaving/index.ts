export * from './symbols';
export * from './step';
export * from './config';
export * from './interleaving';
export * from './observation';
export * from './snapshot';
export * from './implementation';
