import { useState } from 'react';
import { download, saveFile } from '../../api/http';
import { ErrorNotice } from '../../common/ErrorNotice';

const FORMATS = [
  { format: 'markdown', label: 'Export Markdown', title: 'One Obsidian note per page, in a ZIP' },
  { format: 'json', label: 'Export JSON Lines', title: 'Facts, entities and relations as JSON Lines, in a ZIP' },
] as const;

/** Downloads the channel's wiki (GET /api/wiki/{channel_id}/export), fetched with the tab's key. */
export function WikiExport({ channelId }: { channelId: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const save = async (format: (typeof FORMATS)[number]['format']) => {
    setBusy(format);
    setError(null);
    try {
      const path = `/api/wiki/${encodeURIComponent(channelId)}/export`;
      saveFile(await download(path, { format }, `${channelId}-${format === 'json' ? 'knowledge' : 'wiki'}.zip`));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="kn-wiki-export">
      {FORMATS.map(({ format, label, title }) => (
        <button
          key={format}
          type="button"
          className="secondary"
          title={title}
          disabled={busy !== null}
          onClick={() => void save(format)}
        >
          {busy === format ? 'Exporting…' : label}
        </button>
      ))}
      <ErrorNotice error={error} />
    </div>
  );
}
