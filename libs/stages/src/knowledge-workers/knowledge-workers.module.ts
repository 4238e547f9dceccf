import { Module } from '@nestjs/common';
import { KnowledgeWorkerPool } from './knowledge-worker-pool';

/** The one pool of worker threads a process's stages share (Nest makes one instance however many import it). */
@Module({ providers: [KnowledgeWorkerPool], exports: [KnowledgeWorkerPool] })
export class KnowledgeWorkersModule {}
