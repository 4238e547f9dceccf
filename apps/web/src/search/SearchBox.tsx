import { FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { searchPath } from './paths';
import './search.css';

/** The search box of the top bar, on every page: it opens the results page. */
export function SearchBox() {
  const [params] = useSearchParams();
  const current = params.get('q') ?? '';
  const [q, setQ] = useState(current);
  const navigate = useNavigate();
  // Back and forward between results pages show the words of the page shown.
  useEffect(() => setQ(current), [current]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim() !== '') void navigate(searchPath(q.trim()));
  };
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="global-search" className="visually-hidden">
        Search the knowledge base
      </label>
      <input
        id="global-search"
        type="search"
        placeholder="Search facts, wiki, messages"
        value={q}
        maxLength={200}
        onChange={(event) => setQ(event.target.value)}
      />
      <button type="submit" className="secondary">
        Search
      </button>
    </form>
  );
}
