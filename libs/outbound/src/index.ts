export * from './address-scope';
export * from './outbound-url-policy';
export * from './outbound-dispatcher';
export * from './outbound-fetch';
