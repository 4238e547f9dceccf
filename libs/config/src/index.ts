export * from './atlas-config';
export * from './data-dir-secrets';
