import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatTime } from '../format';
import { knowledgeApi } from '../knowledge-api';
import { LoadState } from '../LoadState';
import { knowledgePaths } from '../paths';
import type { WikiPageVersionSummary } from '../types';
import { useLoad } from '../use-load';
import type { DiffMode } from './text-diff';
import { VersionDiff } from './VersionDiff';

/** Every version of a page, and the change between two of them (the previous and the latest unless chosen). */
export function WikiVersions() {
  const { channelId = '', slug = '' } = useParams();
  const versions = useLoad(() => knowledgeApi.wikiVersions(channelId, slug), `${channelId}/${slug}`);

  return (
    <section className="kn-versions" aria-labelledby="kn-versions-title">
      <p>
        <Link to={knowledgePaths.wikiPage(channelId, slug)}>← Back to the page</Link>
      </p>
      <h2 id="kn-versions-title">Versions of {slug}</h2>
      <LoadState loaded={versions} what="the versions">
        {({ versions }) => <VersionsAndDiff channelId={channelId} slug={slug} versions={versions} />}
      </LoadState>
    </section>
  );
}

function VersionsAndDiff(props: { channelId: string; slug: string; versions: WikiPageVersionSummary[] }) {
  const { channelId, slug, versions } = props;
  const [search, setSearch] = useSearchParams();
  const numbers = versions.map((version) => version.version);
  const pick = (name: string, fallback: number | undefined) => {
    const value = Number(search.get(name));
    return numbers.includes(value) ? value : fallback;
  };
  const to = pick('to', numbers[0]);
  const from = pick('from', numbers[1] ?? numbers[0]);
  const mode: DiffMode = search.get('mode') === 'words' ? 'words' : 'lines';
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(name, value);
    setSearch(next, { replace: true });
  };
  const ids = { from: useId(), to: useId(), mode: useId() };

  return (
    <>
      <div className="kn-table-wrap">
        <table className="kn-table">
          <caption className="kn-visually-hidden">Versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Written</th>
              <th scope="col">By sync</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.version}>
                <td>
                  <Link to={`${knowledgePaths.wikiPage(channelId, slug)}?version=${version.version}`}>
                    Version {version.version}
                  </Link>
                </td>
                <td>
                  <time dateTime={version.created_at}>{formatTime(version.created_at)}</time>
                </td>
                <td className="kn-mono kn-small">{version.job_id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {numbers.length < 2 && <p className="kn-muted">This page has one version so far: nothing to compare yet.</p>}
      {numbers.length >= 2 && from !== undefined && to !== undefined && (
        <section aria-labelledby="kn-diff-title">
          <h3 id="kn-diff-title">Changes</h3>
          <div className="kn-form-row">
            <label htmlFor={ids.from}>From version</label>
            <select id={ids.from} value={from} onChange={(event) => set('from', event.target.value)}>
              {numbers.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <label htmlFor={ids.to}>to version</label>
            <select id={ids.to} value={to} onChange={(event) => set('to', event.target.value)}>
              {numbers.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <label htmlFor={ids.mode}>Compare by</label>
            <select id={ids.mode} value={mode} onChange={(event) => set('mode', event.target.value)}>
              <option value="lines">line</option>
              <option value="words">word</option>
            </select>
          </div>
          <LoadedDiff channelId={channelId} slug={slug} from={from} to={to} mode={mode} />
        </section>
      )}
    </>
  );
}

function LoadedDiff(props: { channelId: string; slug: string; from: number; to: number; mode: DiffMode }) {
  const { channelId, slug, from, to, mode } = props;
  const pages = useLoad(
    () => Promise.all([knowledgeApi.wikiPage(channelId, slug, from), knowledgeApi.wikiPage(channelId, slug, to)]),
    `${channelId}/${slug}/${from}/${to}`,
  );
  return (
    <LoadState loaded={pages} what="the two versions">
      {([before, after]) => <VersionDiff before={before.markdown} after={after.markdown} mode={mode} />}
    </LoadState>
  );
}
