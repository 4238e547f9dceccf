export * from './contracts';
export { EXTRACTOR_VERSION, extractFacts } from './extraction/extract-facts';
export { buildGraphDelta } from './graph/build-graph-delta';
export { generateWikiPages, WIKI_TEMPLATE_VERSION } from './wiki/generate-wiki-pages';
