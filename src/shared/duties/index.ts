export * from './codes';
export * from './schemas';
