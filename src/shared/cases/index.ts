export * from './codes';
export * from './dates';
export * from './schemas';
