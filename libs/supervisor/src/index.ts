export * from './exit-codes';
export * from './fatal-error-reports';
export * from './supervisor';
export * from './supervisor-message';
