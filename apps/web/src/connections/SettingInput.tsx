import type { SettingField } from './platform-fields';
import { SETTING_HINTS } from './platform-fields';

/** One generated form field: its label, its input by the setting's kind, its hint and its problems. */
export function SettingInput({
  id,
  name,
  field,
  value,
  onChange,
  problems,
  secret = false,
}: {
  id: string;
  name: string;
  field: Pick<SettingField, 'key' | 'spec' | 'required'>;
  value: string;
  onChange: (value: string) => void;
  problems: string[];
  secret?: boolean;
}) {
  const hint = SETTING_HINTS[field.key];
  const describedBy = [hint ? `${id}-hint` : null, problems.length ? `${id}-problems` : null].filter(Boolean).join(' ');
  const common = {
    id,
    name,
    required: field.required,
    'aria-invalid': problems.length > 0,
    'aria-describedby': describedBy || undefined,
  };
  const { kind, choices } = field.spec;
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.key}
        {field.required ? ' (required)' : ''}
      </label>
      {kind === 'choice' ? (
        <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{field.required ? 'Choose…' : 'Default'}</option>
          {(choices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : kind === 'json_object' ? (
        <textarea
          {...common}
          rows={3}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          spellCheck={false}
        />
      ) : (
        <input
          {...common}
          type={
            secret
              ? 'password'
              : kind === 'positive_number'
                ? 'number'
                : kind === 'url' || kind === 'endpoint'
                  ? 'url'
                  : 'text'
          }
          min={kind === 'positive_number' ? 0 : undefined}
          step="any"
          autoComplete={secret ? 'new-password' : 'off'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="field-error">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
