import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes (`#/quarantine?state=quarantined`, `#/messages/<id>`): every view has a URL that
 * can be bookmarked or pasted, and the server needs no route table of its own.
 */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

function current(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path, search] = hash.split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search ?? '') };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(path: string, params?: Record<string, string | string[] | undefined>): void {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, one);
  }
  const text = search.toString();
  window.location.hash = `#${path}${text ? `?${text}` : ''}`;
}
