export * from './envelope';
export * from './errors';
export * from './pagination';
export * from './rateBudget';
export * from './request';
export * from './retry';
