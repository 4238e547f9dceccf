export * from './model';
export * from './payloads';
export * from './catalogue';
export * from './subjects';
export * from './codec';
