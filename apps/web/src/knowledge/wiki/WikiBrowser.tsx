import { Link, useParams, useSearchParams } from 'react-router';
import { formatTime } from '../format';
import { knowledgeApi } from '../knowledge-api';
import { LoadState } from '../LoadState';
import { narrowScreen } from '../narrow-screen';
import { knowledgePaths } from '../paths';
import { useLoad } from '../use-load';
import { WikiArticle } from './WikiArticle';
import { WikiExport } from './WikiExport';

/** A channel's wiki: the page index beside the open page (the first one when none is named). */
export function WikiBrowser() {
  const { channelId = '', slug } = useParams();
  const index = useLoad(() => knowledgeApi.wikiIndex(channelId), channelId);

  return (
    <div className="kn-wiki">
      <nav className="kn-wiki-index" aria-label="Wiki pages">
        <details open={!narrowScreen()}>
          <summary>Pages</summary>
          <LoadState loaded={index} what="the page index">
            {({ pages }) =>
              pages.length === 0 ? (
                <p className="kn-muted">No pages yet: the wiki is written by the channel's first sync.</p>
              ) : (
                <ul>
                  {pages.map((page) => (
                    <li key={page.slug}>
                      <Link
                        to={knowledgePaths.wikiPage(channelId, page.slug)}
                        aria-current={page.slug === (slug ?? pages[0].slug) ? 'page' : undefined}
                      >
                        {page.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              )
            }
          </LoadState>
        </details>
        <WikiExport channelId={channelId} />
      </nav>
      <div className="kn-wiki-page">
        {slug ? (
          <WikiPageView channelId={channelId} slug={slug} />
        ) : (
          <LoadState loaded={index} what="the page index">
            {({ pages }) =>
              pages.length > 0 ? (
                <WikiPageView channelId={channelId} slug={pages[0].slug} />
              ) : (
                <p className="kn-muted">Sync the channel to write its wiki.</p>
              )
            }
          </LoadState>
        )}
      </div>
    </div>
  );
}

function WikiPageView({ channelId, slug }: { channelId: string; slug: string }) {
  const [search] = useSearchParams();
  const requested = Number(search.get('version'));
  const version = Number.isInteger(requested) && requested > 0 ? requested : undefined;
  const page = useLoad(() => knowledgeApi.wikiPage(channelId, slug, version), `${channelId}/${slug}/${version}`);

  return (
    <LoadState loaded={page} what="the page">
      {(page) => (
        <>
          <header className="kn-page-head">
            <p className="kn-muted kn-small">
              Version {page.version}, written {formatTime(page.updated_at)}
              {version !== undefined && (
                <>
                  {' · '}
                  <Link to={knowledgePaths.wikiPage(channelId, slug)}>Show the current version</Link>
                </>
              )}
              {' · '}
              <Link to={knowledgePaths.wikiVersions(channelId, slug)}>Versions and changes</Link>
            </p>
          </header>
          <WikiArticle html={page.html} citations={page.citations} title={page.title} />
        </>
      )}
    </LoadState>
  );
}
