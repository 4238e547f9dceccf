import { useEffect, useId, useState } from 'react';
import { knowledgeApi } from '../knowledge-api';
import type { Entity } from '../types';

const label = (entity: Entity) => `${entity.name} (${entity.type})`;

/**
 * Picks a graph entity of the channel by name: the input suggests entities whose name contains what was typed
 * (the graph endpoint's `name` filter); choosing a suggestion selects that entity.
 */
export function EntityPicker(props: {
  channelId: string;
  entity: string;
  entityName: string;
  onChange: (entity: string, entityName: string) => void;
}) {
  const { channelId, entity, entityName, onChange } = props;
  const inputId = useId();
  const listId = useId();
  const [typed, setTyped] = useState('');
  const [suggestions, setSuggestions] = useState<Entity[]>([]);

  useEffect(() => {
    const name = typed.trim();
    if (name.length < 2) {
      setSuggestions([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      knowledgeApi.entities({ channel_id: channelId, name, limit: 20 }).then(
        (page) => current && setSuggestions(page.entities),
        () => current && setSuggestions([]),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed, channelId]);

  if (entity)
    return (
      <div className="kn-field">
        <span className="kn-label" id={inputId}>
          Entity
        </span>
        <p className="kn-selected" aria-labelledby={inputId}>
          {entityName || entity}{' '}
          <button type="button" className="secondary kn-small-button" onClick={() => onChange('', '')}>
            Clear entity<span className="kn-visually-hidden"> {entityName}</span>
          </button>
        </p>
      </div>
    );

  return (
    <div className="kn-field">
      <label htmlFor={inputId} className="kn-label">
        Entity
      </label>
      <input
        id={inputId}
        type="search"
        list={listId}
        value={typed}
        placeholder="a person, project, technology…"
        autoComplete="off"
        onChange={(event) => {
          const value = event.target.value;
          const chosen = suggestions.find((suggestion) => label(suggestion) === value);
          if (chosen) {
            setTyped('');
            onChange(chosen.id, chosen.name);
          } else setTyped(value);
        }}
      />
      <datalist id={listId}>
        {suggestions.map((suggestion) => (
          <option key={suggestion.id} value={label(suggestion)} />
        ))}
      </datalist>
    </div>
  );
}
