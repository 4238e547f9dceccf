import type { AnswerFormat, ChatMessage } from '../llm/chat-completions';

/** A retrieved fact as the model sees it: its number [n], what it says, who said it and when. */
export interface NumberedFact {
  n: number;
  text: string;
  author_name: string | null;
  timestamp: string;
}

export const PROSE_FORMAT: AnswerFormat = {
  name: 'atlas_cited_answer',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['answer'],
    properties: {
      answer: {
        type: 'string',
        description: 'The answer in a few sentences, each ending with the [n] of the facts it rests on.',
      },
    },
  },
};

const INSTRUCTIONS = `You answer a question about a team's chat from facts extracted from it, for a knowledge base.
The user message is JSON: the "question" and the numbered "facts" (n, text, author, time). Use those facts only: no other knowledge, no guesses.
Answer with JSON only: {"answer": "..."}: a few short sentences in the language of the question. Every sentence ends with the numbers of the facts it rests on, in square brackets: "Use the nv driver for the GeForce 2 [3]." or "Ana moved the cutover to March 21 [1][4]."
A sentence the facts do not support is not written. When the facts do not answer the question, answer {"answer": ""}.`;

/** The request for a prose answer: the instructions, then the question and its facts as JSON. */
export function proseMessages(question: string, facts: readonly NumberedFact[]): ChatMessage[] {
  const user = {
    question,
    facts: facts.map((fact) => ({ n: fact.n, text: fact.text, author: fact.author_name, time: fact.timestamp })),
  };
  return [
    { role: 'system', content: INSTRUCTIONS },
    { role: 'user', content: JSON.stringify(user) },
  ];
}
