export * from './stage.modules';
export * from './fail-job';
export * from './fetcher/split-into-batches';
