import { useMemo } from 'react';
import { diffCounts, textDiff, type DiffMode } from './text-diff';

/**
 * The change between two versions of a page's Markdown. Added text is `<ins>`, removed `<del>`, each also marked
 * by a sign and by words a screen reader reads, so colour is never the only cue.
 */
export function VersionDiff({ before, after, mode }: { before: string; after: string; mode: DiffMode }) {
  const parts = useMemo(() => textDiff(before, after, mode), [before, after, mode]);
  const counts = diffCounts(parts);
  if (parts.every((part) => part.kind === 'same')) return <p className="kn-muted">The two versions are the same.</p>;

  return (
    <div className="kn-diff">
      <p className="kn-small" role="status">
        {mode === 'lines'
          ? `${counts.added} line${counts.added === 1 ? '' : 's'} added, ${counts.removed} removed`
          : 'Changed words are marked: added underlined, removed struck through'}
      </p>
      <pre className={`kn-diff-body kn-diff-${mode}`}>
        {parts.map((part, i) =>
          mode === 'lines' ? <DiffLines key={i} kind={part.kind} text={part.text} /> : <DiffWords key={i} {...part} />,
        )}
      </pre>
    </div>
  );
}

const SIGN = { added: '+', removed: '−', same: ' ' } as const;
const SPOKEN = { added: 'Added: ', removed: 'Removed: ', same: '' } as const;

function DiffLines({ kind, text }: { kind: 'added' | 'removed' | 'same'; text: string }) {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const Tag = kind === 'added' ? 'ins' : kind === 'removed' ? 'del' : 'span';
  return (
    <>
      {lines.map((line, i) => (
        <Tag key={i} className={`kn-diff-line kn-diff-${kind}`}>
          <span className="kn-diff-sign" aria-hidden="true">
            {SIGN[kind]}
          </span>
          {SPOKEN[kind] && <span className="kn-visually-hidden">{SPOKEN[kind]}</span>}
          {line}
          {'\n'}
        </Tag>
      ))}
    </>
  );
}

function DiffWords({ kind, text }: { kind: 'added' | 'removed' | 'same'; text: string }) {
  if (kind === 'same') return <span>{text}</span>;
  const Tag = kind === 'added' ? 'ins' : 'del';
  return (
    <Tag className={`kn-diff-${kind}`}>
      <span className="kn-visually-hidden">[{kind}: </span>
      {text}
      <span className="kn-visually-hidden">]</span>
    </Tag>
  );
}
