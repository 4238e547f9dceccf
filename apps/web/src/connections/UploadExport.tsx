import { FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { ImportAnswer, uploadExport } from '../api/upload';
import { ErrorNotice } from '../common/ErrorNotice';

const FORMATS = [
  { value: '', label: 'Detect from the file' },
  { value: 'slack_export', label: 'Slack export (ZIP)' },
  { value: 'discord_json', label: 'DiscordChatExporter JSON' },
  { value: 'discord_csv', label: 'DiscordChatExporter CSV' },
  { value: 'csv', label: 'CSV (needs a mapping)' },
  { value: 'jsonl', label: 'JSON lines (needs a mapping)' },
];

/** POST /api/imports with a progress bar: the file becomes a connection with its channels. */
export function UploadExport({ onImported }: { onImported: (connection: ImportAnswer) => void }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState('');
  const [name, setName] = useState('');
  const [mapping, setMapping] = useState('');
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<(() => void) | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(new ApiError(400, 'FILE_REQUIRED', 'Choose a file to upload.'));
      return;
    }
    setError(null);
    setResult(null);
    setProgress({ sent: 0, total: file.size });
    const upload = uploadExport(file, { format, name: name.trim(), mapping: mapping.trim() }, (sent, total) =>
      setProgress({ sent, total }),
    );
    abort.current = upload.abort;
    try {
      const connection = await upload.done;
      setResult(connection);
      onImported(connection);
    } catch (caught) {
      setError(caught);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  const needsMapping = format === 'csv' || format === 'jsonl';
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Upload an export</h2>
      <label htmlFor={`${id}-file`}>Export file (Slack ZIP, DiscordChatExporter JSON/CSV, CSV, JSON lines)</label>
      <input id={`${id}-file`} ref={fileInput} type="file" name="file" accept=".zip,.json,.csv,.jsonl" />
      <label htmlFor={`${id}-format`}>Format</label>
      <select id={`${id}-format`} value={format} onChange={(event) => setFormat(event.target.value)}>
        {FORMATS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-name`}>Connection name (default: the file’s name)</label>
      <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} />
      {needsMapping && (
        <>
          <label htmlFor={`${id}-mapping`}>Mapping (JSON: message field → column)</label>
          <textarea
            id={`${id}-mapping`}
            rows={2}
            value={mapping}
            placeholder='{"text":"body","timestamp":"sent_at","author":"user"}'
            onChange={(event) => setMapping(event.target.value)}
          />
        </>
      )}
      {progress && (
        <div role="status">
          <label htmlFor={`${id}-progress`}>Uploading: {percent}%</label>
          <progress id={`${id}-progress`} max={100} value={percent} />
          <button type="button" className="secondary" onClick={() => abort.current?.()}>
            Cancel upload
          </button>
        </div>
      )}
      <ErrorNotice error={error} />
      {result && (
        <p role="status" className="ok">
          {result.already_imported ? 'Already imported' : 'Imported'}: {result.name}, {result.channels.length} channel
          {result.channels.length === 1 ? '' : 's'} ({result.channels.map((channel) => channel.name).join(', ')}).
        </p>
      )}
      <button type="submit" disabled={progress !== null}>
        Upload
      </button>
    </form>
  );
}
