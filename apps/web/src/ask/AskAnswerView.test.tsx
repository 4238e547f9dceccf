import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { AskAnswer, AskFact } from './ask-api';
import { AskAnswerView } from './AskAnswerView';

function renderAnswer(answer: AskAnswer) {
  return render(
    <RouterProvider router={createMemoryRouter([{ path: '/', element: <AskAnswerView answer={answer} /> }])} />,
  );
}

function fact(n: number, messageId: string, text: string, extra: Partial<AskFact> = {}): AskFact {
  return {
    n,
    id: `fact_${n}`,
    text,
    type: 'announcement',
    valid_at: '2026-03-02T09:05:00.000Z',
    citation: {
      channel_id: 'C1',
      message_id: messageId,
      author_name: 'Bruno Costa',
      timestamp: '2026-03-02T09:05:00.000Z',
      permalink: 'https://acme.slack.com/archives/C1/p1',
    },
    replies: [],
    ...extra,
  };
}

const ANSWERED: AskAnswer = {
  question: 'When is the Postgres cutover?',
  answered: true,
  note: null,
  terms: ['postgr', 'cutov'],
  channel_ids: ['C1'],
  groups: [
    {
      entity: { id: 'ent_pg', name: 'Postgres', type: 'technology' },
      facts: [
        fact(2, 'm1', 'The team decided to move billing to Postgres 16.', { type: 'decision' }),
        fact(1, 'm2', 'The Postgres cutover is scheduled for March 21.'),
      ],
    },
    {
      entity: null,
      facts: [
        fact(3, 'm3', 'Carla Reis asked which monitoring billing uses.', {
          type: 'question',
          replies: [
            {
              channel_id: 'C1',
              message_id: 'm4',
              author_name: 'Bruno Costa',
              timestamp: '2026-03-02T09:12:00.000Z',
              permalink: null,
              text: 'Carla Reis: Grafana dashboards.',
            },
          ],
        }),
      ],
    },
  ],
  messages: [
    {
      channel_id: 'C1',
      message_id: 'm5',
      author_name: 'Dana Lee',
      timestamp: '2026-03-02T09:20:00.000Z',
      permalink: null,
      text: 'run pg_upgrade --check before the cutover',
      replies: [
        {
          channel_id: 'C1',
          message_id: 'm6',
          author_name: 'Bruno Costa',
          timestamp: '2026-03-02T09:21:00.000Z',
          permalink: null,
          text: 'Dana Lee: thanks, it passes',
        },
      ],
    },
  ],
  wiki_sections: [
    {
      channel_id: 'C1',
      slug: 'postgres',
      page_title: 'Postgres',
      heading: 'Decisions',
      anchor: 'decisions',
      snippet: 'Move billing to Postgres 16 [1]',
      citations: [],
    },
  ],
  prose: {
    sentences: [
      { text: 'The cutover is on March 21 [1].', citations: [1] },
      { text: 'Billing moves to Postgres 16 [2].', citations: [2] },
    ],
    dropped: 1,
  },
};

describe('a cited answer', () => {
  afterEach(cleanup);

  it('shows the prose with each [n] linked to its fact', () => {
    renderAnswer(ANSWERED);
    const prose = screen.getByLabelText('Written answer');
    const links = within(prose).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['[1]', '#answer-fact-1'],
      ['[2]', '#answer-fact-2'],
    ]);
    expect(document.getElementById('answer-fact-1')?.textContent).toContain('scheduled for March 21');
    expect(within(prose).getByText(/1 sentence of the model's answer left out/)).toBeTruthy();
  });

  it('groups the facts by entity, each citing its message, with the replies to a question', () => {
    renderAnswer(ANSWERED);
    const postgres = screen.getByRole('heading', { name: /Postgres/, level: 4 });
    expect(within(postgres).getByRole('link').getAttribute('href')).toBe('/knowledge/entities/ent_pg');
    expect(screen.getByRole('heading', { name: 'Other facts', level: 4 })).toBeTruthy();
    const fact1 = document.getElementById('answer-fact-1')!;
    const source = within(fact1).getAllByRole('link')[0];
    expect(source.getAttribute('href')).toBe('/channels/C1/messages/m2');
    expect(source.textContent).toContain('Bruno Costa');
    expect(within(fact1).getByRole('link', { name: 'on the platform' }).getAttribute('href')).toBe(
      'https://acme.slack.com/archives/C1/p1',
    );
    const replies = screen.getByRole('list', { name: 'Replies to fact 3' });
    expect(within(replies).getByRole('link', { name: 'Bruno Costa' }).getAttribute('href')).toBe(
      '/channels/C1/messages/m4',
    );
  });

  it('lists the matching messages no fact stands for, each citing itself, with its replies', () => {
    renderAnswer(ANSWERED);
    const messages = screen.getByRole('list', { name: 'Messages that match the question' });
    expect(within(messages).getByText('run pg_upgrade --check before the cutover')).toBeTruthy();
    expect(
      within(messages)
        .getByRole('link', { name: /Dana Lee/ })
        .getAttribute('href'),
    ).toBe('/channels/C1/messages/m5');
    const replies = within(messages).getByRole('list', { name: 'Replies to Dana Lee' });
    expect(within(replies).getByRole('link', { name: 'Bruno Costa' }).getAttribute('href')).toBe(
      '/channels/C1/messages/m6',
    );
  });

  it('links the wiki sections that cover the question', () => {
    renderAnswer(ANSWERED);
    const section = screen.getByRole('link', { name: 'Postgres › Decisions' });
    expect(section.getAttribute('href')).toBe('/knowledge/C1/wiki/postgres#decisions');
  });

  it('says the model could not be used, and answers with the facts', () => {
    renderAnswer({ ...ANSWERED, prose: null, note: "The model's answer could not be used (the answer is not JSON)." });
    expect(screen.queryByLabelText('Written answer')).toBeNull();
    expect(screen.getByRole('note').textContent).toMatch(/could not be used/);
    expect(document.getElementById('answer-fact-1')).toBeTruthy();
  });

  it('says clearly when no answer was found', () => {
    renderAnswer({
      ...ANSWERED,
      answered: false,
      note: 'No answer found: nothing in the channels asked supports an answer.',
      groups: [],
      messages: [],
      wiki_sections: [],
      prose: null,
    });
    expect(screen.getByRole('heading', { name: 'No answer found' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Answer' })).toBeNull();
  });
});
