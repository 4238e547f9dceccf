export * from './gateway.module';
export * from './configure-http';
export * from './connections/connections.service';
export * from './http/request-logging';
export * from './search/search.service';
export * from './search/search-hit';
export * from './search/search.dto';
