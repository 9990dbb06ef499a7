import { KNOWN_REDIRECTORS, SECURITY_WRAPPER_HOST } from '../../detectors/links/redirectors.ts';

const TARGET_PARAMS = ['url', 'u', 'q', 'adurl', 'target', 'dest', 'destination', 'redirect'];
const MAX_HOPS = 4;

/**
 * Where a link really leads: link-protection wrappers (Safe Links, URL Defense, ...) and known
 * redirectors (Google /url, Bing click, ...) carry the target in their query; unwrap up to a few
 * layers. A link that is not wrapped is its own target.
 */
export function realTarget(href: string): { target: string; via: string[] } {
  const via: string[] = [];
  let current = href;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    let url: URL;
    try {
      url = new URL(current);
    } catch {
      break;
    }
    const host = url.hostname.toLowerCase();
    const hostPath = `${host}${url.pathname}${url.search}`;
    const wrapper = SECURITY_WRAPPER_HOST.test(host) ? host : KNOWN_REDIRECTORS.find((r) => r.pattern.test(hostPath))?.name;
    if (!wrapper) break;
    const next = TARGET_PARAMS.map((p) => url.searchParams.get(p)).find((v): v is string => !!v && /^https?:\/\//i.test(v));
    if (!next) break;
    via.push(wrapper);
    current = next;
  }
  return { target: current, via };
}
