export * from './address-scope';
export * from './outbound-url-policy';
export * from './outbound-dispatcher';
export * from './outbound-fetch';
export * from './retry-hint';
export * from './retry-policy';
