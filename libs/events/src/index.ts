// class-transformer's @Type and class-validator read decorator metadata: load the polyfill with the contracts.
import 'reflect-metadata';
export * from './model';
export * from './payloads';
export * from './catalogue';
export * from './subjects';
export * from './codec';
