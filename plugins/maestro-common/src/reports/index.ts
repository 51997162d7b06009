export * from './query';
export * from './fields';
export * from './validation';
export * from './charts';
