import { ApiProperty } from '@nestjs/swagger';
import { ENTITY_TYPES, FACT_TYPES } from '@atlas/events';
import type { EntityType, FactType } from '@atlas/events';

/** Where a fact of the answer comes from: the message, who wrote it, when, and its link on the platform. */
export class AskCitationView {
  @ApiProperty() channel_id: string;
  @ApiProperty() message_id: string;
  @ApiProperty({ type: 'string', nullable: true }) author_name: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) timestamp: string;
  @ApiProperty({ type: 'string', nullable: true }) permalink: string | null;
}

/** A message that replied to the message of a fact of the answer: where a question's answer is. */
export class AskReplyView extends AskCitationView {
  @ApiProperty({ description: 'What the reply says' }) text: string;
}

/** A message the search found for the question that no fact was extracted from, with the replies to it. */
export class AskMessageView extends AskCitationView {
  @ApiProperty({ description: 'What the message says' }) text: string;
  @ApiProperty({
    type: [AskReplyView],
    description: 'The messages that replied to it (in its thread, or addressed to its author), oldest first',
  })
  replies: AskReplyView[];
}

export class AskFactView {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'Its number: 1 is the most relevant; prose cites it as [n]',
  })
  n: number;
  @ApiProperty() id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: FACT_TYPES }) type: FactType;
  @ApiProperty({ type: 'string', format: 'date-time' }) valid_at: string;
  @ApiProperty({ type: AskCitationView }) citation: AskCitationView;
  @ApiProperty({
    type: [AskReplyView],
    description: 'The messages that replied to its message (in its thread, or addressed to its author), oldest first',
  })
  replies: AskReplyView[];
}

export class AskEntityView {
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'The graph entity; null while the graph has not placed it',
  })
  id: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ENTITY_TYPES }) type: EntityType;
}

/** The facts about one entity, in time order. */
export class AskFactGroupView {
  @ApiProperty({ type: AskEntityView, nullable: true, description: 'null for facts that name no entity' })
  entity: AskEntityView | null;
  @ApiProperty({ type: [AskFactView], description: 'Oldest first' }) facts: AskFactView[];
}

/** A section of a wiki page that covers the question. */
export class AskWikiSectionView {
  @ApiProperty() channel_id: string;
  @ApiProperty() slug: string;
  @ApiProperty() page_title: string;
  @ApiProperty({ type: 'string', nullable: true, description: "The section's heading; null for a page's opening" })
  heading: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: "The heading's element id on the rendered page" })
  anchor: string | null;
  @ApiProperty({ description: 'The part of the section that matched, plain text' }) snippet: string;
  @ApiProperty({ type: [AskCitationView], description: 'The sources the section cites, in first-use order' })
  citations: AskCitationView[];
}

export class AskProseSentenceView {
  @ApiProperty({ description: 'A sentence of the answer, ending with the [n] of the facts it rests on' }) text: string;
  @ApiProperty({ type: [Number], description: 'The n of the facts it cites' }) citations: number[];
}

/** The answer as prose, written by the configured model from the facts above only. */
export class AskProseView {
  @ApiProperty({ type: [AskProseSentenceView] }) sentences: AskProseSentenceView[];
  @ApiProperty({
    type: 'integer',
    description:
      "Sentences of the model's answer left out: no citation, an unknown one, or nothing in common with the facts cited",
  })
  dropped: number;
}

/** POST /api/ask */
export class AskAnswerView {
  @ApiProperty() question: string;
  @ApiProperty({ description: 'false: no answer found, nothing in the channels supports one' }) answered: boolean;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Why there is no answer, or why it has no prose (the model failed or is not configured: null then)',
  })
  note: string | null;
  @ApiProperty({ type: [String], description: 'The words searched for: the question without its stop words' })
  terms: string[];
  @ApiProperty({ type: [String], description: 'The channels asked' }) channel_ids: string[];
  @ApiProperty({ type: [AskFactGroupView], description: 'The current facts that answer, by entity' })
  groups: AskFactGroupView[];
  @ApiProperty({
    type: [AskMessageView],
    description:
      'Messages that match the question and that no fact was extracted from (a bare command, a short reply), best first',
  })
  messages: AskMessageView[];
  @ApiProperty({ type: [AskWikiSectionView] }) wiki_sections: AskWikiSectionView[];
  @ApiProperty({
    type: AskProseView,
    nullable: true,
    description: 'null without an LLM, or when its answer was unusable',
  })
  prose: AskProseView | null;
}
