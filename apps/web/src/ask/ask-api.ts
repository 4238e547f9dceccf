import { request } from '../api/http';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type AskAnswer = Schemas['AskAnswerView'];
export type AskRequest = Schemas['AskRequestDto'];
export type AskFact = Schemas['AskFactView'];
export type AskMessage = Schemas['AskMessageView'];
export type AskReply = Schemas['AskReplyView'];
export type AskCitation = Schemas['AskCitationView'];

/** POST /api/ask: the question answered with cited facts (README.md, The API). */
export const askQuestion = (body: AskRequest, signal?: AbortSignal) =>
  request<AskAnswer>('POST', '/api/ask', { body, signal });
