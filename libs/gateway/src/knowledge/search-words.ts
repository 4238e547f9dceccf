import { ValidateBy, ValidationOptions } from 'class-validator';
import { queryWords } from '@atlas/store';

/** Each word of a search is one more index lookup, all of them required: more than this narrows nothing useful. */
export const MAX_SEARCH_WORDS = 16;

/** A search query (`q`) of at most MAX_SEARCH_WORDS different words, counted as the store's search counts them. */
export function IsSearchQuery(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSearchQuery',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && queryWords(value).length <= MAX_SEARCH_WORDS,
        defaultMessage: () => `$property may hold at most ${MAX_SEARCH_WORDS} different words`,
      },
    },
    options,
  );
}
