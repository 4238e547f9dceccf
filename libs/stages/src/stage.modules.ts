import { Module } from '@nestjs/common';
import { ExtractorHandler } from './extractor/extractor.handler';
import { FactExtractor } from './extractor/fact-extractor';
import { FetcherHandler } from './fetcher/fetcher.handler';
import { GraphBuilderHandler } from './graph-builder/graph-builder.handler';
import { KnowledgeWorkersModule } from './knowledge-workers/knowledge-workers.module';
import { WikiGeneratorHandler } from './wiki-generator/wiki-generator.handler';

/** One module per stage, so each app (or the all-in-one) wires exactly the stages it runs. */
@Module({ controllers: [FetcherHandler] })
export class FetcherModule {}

@Module({ imports: [KnowledgeWorkersModule], controllers: [ExtractorHandler], providers: [FactExtractor] })
export class ExtractorModule {}

@Module({ controllers: [GraphBuilderHandler] })
export class GraphBuilderModule {}

@Module({ imports: [KnowledgeWorkersModule], controllers: [WikiGeneratorHandler] })
export class WikiGeneratorModule {}
