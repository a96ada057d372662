export * from './users';
export * from './people';
export * from './contacts';
export * from './audit';
export * from './auth';
export * from './money';
export * from './housing';
export * from './mentoring';
