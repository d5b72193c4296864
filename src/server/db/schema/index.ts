export * from './identity';
export * from './capture';
export * from './review';
export * from './clients';
export * from './publishing';
export * from './rate-limits';
