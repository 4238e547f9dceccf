import { Injectable } from '@nestjs/common';
import { FactDoc, KnowledgeReadQueries } from '@atlas/read-models';
import { factViews, FactView } from './fact-view';

/** Loads the graph entities a page of facts names, to show each fact entity with its entity id. */
@Injectable()
export class FactViewsService {
  constructor(private readonly knowledge: KnowledgeReadQueries) {}

  async of(facts: FactDoc[]): Promise<FactView[]> {
    const entities = await this.knowledge.entitiesByIds(facts.flatMap((fact) => fact.entity_ids));
    return factViews(facts, entities);
  }
}
