export * from './protocol/version';
export * from './protocol/errors';
export * from './protocol/limits';
export * from './protocol/schemas';
export * from './protocol/types';
export * from './protocol/events';
export * from './domain/board';
