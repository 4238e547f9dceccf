export * from './llm-fake-server';
export * from './recorded-conversation';
export * from './chatty-conversation';
export * from './owned-work-conversation';
