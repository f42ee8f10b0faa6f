export * from './customer';
export * from './email';
export * from './phone';
export * from './regions';
export * from './resident-id';
export * from './search';
export * from './uscc';
export * from './work';
