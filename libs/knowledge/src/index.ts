export * from './contracts';
export { EXTRACTOR_VERSION, extractFacts } from './extraction/extract-facts';
export { buildGraphDelta } from './graph/build-graph-delta';
export { ChannelGraphBuilder } from './graph/channel-graph-builder';
export { generateWikiPages, WIKI_TEMPLATE_VERSION } from './wiki/generate-wiki-pages';
export { LlmFactExtractor, type LlmExtraction, type LocalExtractor } from './llm/llm-fact-extractor';
export { LLM_EXTRACTOR_VERSION, type LlmExtractorOptions, type LlmJsonMode } from './llm/llm-extractor-options';
export { rejectionSummary, type RejectedFact, type RejectionReason } from './llm/fact-checks';
