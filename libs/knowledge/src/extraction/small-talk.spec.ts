import { isSmallTalk } from './small-talk';

describe('isSmallTalk', () => {
  it.each([
    'Good morning all! ☀️',
    'hi @Ana',
    'Thanks!',
    'thank you so much everyone 🙏',
    'thx',
    'lol',
    'hahaha',
    'LMAO 😂😂',
    '👍',
    ':tada: :rocket:',
    '+1',
    'ok sounds good',
    'Sounds good to me',
    'LGTM, ship it',
    'Congrats on the launch, well deserved!!',
    'Thanks for the quick review',
    'have a great weekend folks',
    '...',
    'lunch anyone? the ramen place reopened',
    'happy Thursday 🎉',
    'great job @sofi!',
  ])('%j is small talk', (sentence) => {
    expect(isSmallTalk(sentence)).toBe(true);
  });

  it.each([
    // Demo #general: a recording posted, and where a thing is; neither is chat about lunch or coffee.
    'Recording of the lunch & learn: https://drive.example.com/rec',
    "There's one on the shelf next to the coffee machine",
    'We decided to go with Postgres for billing.',
    "Thanks for the review, I'll merge it tomorrow morning.",
    'Good news: the audit passed.',
    'Welcome @Carla to the platform team!',
    'No, the cache is not warmed up yet.',
    'ok so the deploy failed on the migration step',
  ])('%j is not small talk', (sentence) => {
    expect(isSmallTalk(sentence)).toBe(false);
  });
});
