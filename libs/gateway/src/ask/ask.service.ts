import { Inject, Injectable } from '@nestjs/common';
import type { AtlasConfig } from '@atlas/config';
import { questionTerms, writeProse, type ProseOutcome } from '@atlas/knowledge';
import { ChannelsQueries, KnowledgeReadQueries, SearchQueries } from '@atlas/read-models';
import type { MessageDoc } from '@atlas/read-models';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { FactViewsService } from '../knowledge/fact-views.service';
import type { FactView } from '../knowledge/fact-view';
import { channelNotFound } from '../knowledge/not-found';
import type { SearchHit } from '../search/search-hit';
import { SearchService } from '../search/search.service';
import { supportsAnswer } from './answer-support';
import type { AskRequestDto } from './ask.dto';
import type { AskAnswerView, AskCitationView, AskReplyView, AskWikiSectionView } from './ask-view';
import { composeAnswer, type AnsweringFact } from './compose-answer';
import { AskedBy, MAX_REPLIES, REPLY_WINDOW_MS, repliesTo } from './question-replies';

/** Search hits read to find the facts and sections that answer: the best by the search's ranking. */
export const ASK_CANDIDATES = 60;
/** Facts an answer shows at most (and the model writes from). */
export const ASK_MAX_FACTS = 10;
/** Wiki sections an answer shows at most. */
export const ASK_MAX_SECTIONS = 3;
/** Message hits read to find the matching messages no fact stands for, and how many an answer shows. */
export const ASK_MESSAGE_CANDIDATES = 20;
export const ASK_MAX_MESSAGES = 5;

/**
 * POST /api/ask: the question's terms (question-terms.ts) go through the search (facts and wiki sections of the
 * channels asked, SearchService's ranking); the current facts and sections that hold enough of the terms to
 * support an answer (answer-support.ts) are the answer, and with an LLM configured, the model writes it as prose
 * from those facts only, every sentence checked against its citations (prose-check.ts). docs/KNOWLEDGE.md#cited-answers.
 */
@Injectable()
export class AskService {
  constructor(
    private readonly channels: ChannelsQueries,
    private readonly search: SearchService,
    private readonly searchQueries: SearchQueries,
    private readonly views: FactViewsService,
    private readonly knowledge: KnowledgeReadQueries,
    @Inject(ATLAS_CONFIG) private readonly config: Pick<AtlasConfig, 'llm' | 'outboundUrls'>,
  ) {}

  async ask(request: AskRequestDto, signal?: AbortSignal): Promise<AskAnswerView> {
    const question = request.question.trim();
    const channelIds = await this.channelsAsked(request.channel_ids);
    const terms = questionTerms(question);
    if (terms.length === 0) {
      return composeAnswer({ question, terms, channelIds, facts: [], sections: [], messages: [], prose: null });
    }
    const { hits } = await this.search.search({
      q: terms.join(' '),
      channelIds,
      kinds: ['fact', 'wiki_section'],
      limit: ASK_CANDIDATES,
    });
    const facts = (await this.currentFacts(hits))
      .filter((fact) => supportsAnswer(factTexts(fact), terms))
      .slice(0, ASK_MAX_FACTS);
    const sections = hits
      .filter((hit) => hit.kind === 'wiki_section' && supportsAnswer([hit.wiki?.heading, hit.snippet], terms))
      .slice(0, ASK_MAX_SECTIONS)
      .map(sectionView);
    const prose = await this.prose(question, facts, signal);
    const answering: AnsweringFact[] = await Promise.all(
      facts.map(async (fact) => ({ fact, replies: await this.repliesTo(fact.source, fact.channel_id) })),
    );
    const cited = new Set(
      answering.flatMap(({ fact, replies }) => [fact.source.message_id, ...replies.map((reply) => reply.message_id)]),
    );
    const messages = await this.matchingMessages(terms, channelIds, cited);
    return composeAnswer({
      question,
      terms,
      channelIds,
      facts: answering,
      sections,
      messages,
      prose,
    });
  }

  /**
   * The messages the search finds for the question that hold enough of its terms and that no fact was extracted
   * from (a bare command, a short reply: chat the extraction kept nothing of still answers questions); a message with
   * facts speaks through them, and a superseded one must not come back this way. The answer's replies are left out.
   */
  private async matchingMessages(terms: string[], channelIds: string[], cited: Set<string>) {
    const { hits } = await this.search.search({
      q: terms.join(' '),
      channelIds,
      kinds: ['message'],
      limit: ASK_MESSAGE_CANDIDATES,
    });
    const keys = hits.filter((hit) => !cited.has(hit.id)).map((hit): [string, string] => [hit.channel_id, hit.id]);
    const withFacts = await this.searchQueries.messagesWithFacts(keys);
    const found = await this.searchQueries.messages(keys.filter(([channel, id]) => !withFacts.has(`${channel}/${id}`)));
    const byId = new Map(found.map((message) => [message.message_id, message]));
    const supporting = hits
      .flatMap((hit) => byId.get(hit.id) ?? [])
      .filter((message) => !message.deleted && supportsAnswer([message.text], terms))
      .slice(0, ASK_MAX_MESSAGES);
    return Promise.all(
      supporting.map(async (message) => ({
        ...citationOf(message),
        text: message.text,
        replies: (await this.repliesTo(message, message.channel_id)).filter((reply) => !cited.has(reply.message_id)),
      })),
    );
  }

  /** The channels asked, each checked; every channel when none is named. */
  private async channelsAsked(channelIds: string[] | undefined): Promise<string[]> {
    if (channelIds === undefined) return (await this.channels.list()).map((channel) => channel.channel_id);
    const unique = [...new Set(channelIds)];
    const known = new Set((await this.searchQueries.channels(unique)).map((channel) => channel.channel_id));
    const missing = unique.find((channelId) => !known.has(channelId));
    if (missing !== undefined) throw channelNotFound(missing);
    return unique;
  }

  /** The fact hits in rank order, without the facts a later one replaced or that a decision's reversal closed. */
  private async currentFacts(hits: SearchHit[]): Promise<FactView[]> {
    const ids = hits
      .filter((hit) => hit.kind === 'fact' && hit.superseded_by === null && hit.state !== 'superseded')
      .map((hit) => hit.id);
    const docs = new Map((await this.searchQueries.facts(ids)).map((fact) => [fact.id, fact]));
    const ordered = ids.flatMap((id) => docs.get(id) ?? []);
    return this.views.of(ordered);
  }

  /**
   * The messages that replied to a message (question-replies.ts): a question's answers, the help given to someone
   * who stated a problem, what a team said to a decision.
   */
  private async repliesTo(asked: AskedBy & { timestamp: string }, channelId: string): Promise<AskReplyView[]> {
    const until = new Date(Date.parse(asked.timestamp) + REPLY_WINDOW_MS).toISOString();
    // Enough of the channel's next messages that a busy channel's replies are among them.
    const later = await this.knowledge.messagesBetween(channelId, asked.timestamp, until, MAX_REPLIES * 40);
    return repliesTo(asked, later).map((message) => ({ ...citationOf(message), text: message.text }));
  }

  private async prose(question: string, facts: FactView[], signal?: AbortSignal): Promise<ProseOutcome | null> {
    if (this.config.llm === null || facts.length === 0) return null;
    const numbered = facts.map((fact, at) => ({
      n: at + 1,
      text: fact.text,
      author_name: fact.source.author_name,
      timestamp: fact.source.timestamp,
    }));
    return writeProse({ ...this.config.llm, outboundPolicy: this.config.outboundUrls }, question, numbered, signal);
  }
}

/** What a fact says, in its words and its message's, and what it names. */
function factTexts(fact: FactView): string[] {
  return [fact.text, fact.source.text ?? '', ...fact.entities.map((entity) => entity.name)];
}

function citationOf(message: MessageDoc): AskCitationView {
  return {
    channel_id: message.channel_id,
    message_id: message.message_id,
    author_name: message.author_name,
    timestamp: message.timestamp,
    permalink: message.permalink,
  };
}

function sectionView(hit: SearchHit): AskWikiSectionView {
  return {
    channel_id: hit.channel_id,
    slug: hit.wiki!.slug,
    page_title: hit.wiki!.title,
    heading: hit.wiki!.heading === hit.wiki!.title ? null : hit.wiki!.heading,
    anchor: hit.wiki!.anchor,
    snippet: hit.snippet,
    citations: hit.citations.map((citation) => ({
      channel_id: hit.channel_id,
      message_id: citation.message_id,
      author_name: citation.author_name,
      timestamp: citation.timestamp,
      permalink: citation.permalink,
    })),
  };
}
