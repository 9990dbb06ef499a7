/**
 * Platforms where anyone can publish a page or file for free under the platform's domain:
 * app and static hosting, site builders, cloud storage buckets, form builders, tunnels and
 * dynamic DNS. Phishing kits live there because the domain has a good reputation and costs nothing.
 * `suffix` matches any subdomain of it (the customer's part; the platform's own `www` does not count).
 * A `shared` platform serves customers' content under its own host, so the host itself matches;
 * `path`, when given, must match the path too.
 */
export type HostingKind = 'app hosting' | 'site builder' | 'cloud storage' | 'form builder' | 'tunnel' | 'dynamic DNS' | 'IPFS gateway';

export interface HostingPlatform {
  suffix: string;
  kind: HostingKind;
  path?: RegExp;
  /** Blogs and project pages where honest links far outnumber abuse: they weigh half. */
  commonlyLegit?: boolean;
  shared?: boolean;
}

const platforms = (kind: HostingKind, suffixes: string[]): HostingPlatform[] => suffixes.map((suffix) => ({ suffix, kind }));
const sharedHosts = (kind: HostingKind, hosts: string[]): HostingPlatform[] => hosts.map((suffix) => ({ suffix, kind, shared: true }));

export const HOSTING_PLATFORMS: readonly HostingPlatform[] = [
  ...['github.io', 'gitlab.io', 'gitbook.io', 'notion.site', 'blogspot.com', 'wordpress.com'].map(
    (suffix): HostingPlatform => ({ suffix, kind: 'site builder', commonlyLegit: true }),
  ),
  ...platforms('app hosting', [
    'firebaseapp.com',
    'web.app',
    'pages.dev',
    'workers.dev',
    'netlify.app',
    'netlify.com',
    'vercel.app',
    'now.sh',
    'glitch.me',
    'herokuapp.com',
    'onrender.com',
    'fly.dev',
    'replit.app',
    'repl.co',
    'replit.dev',
    'surge.sh',
    'azurewebsites.net',
    'azurestaticapps.net',
    'appspot.com',
    'cloudfunctions.net',
    'run.app',
    'amplifyapp.com',
    'web.core.windows.net',
    'pantheonsite.io',
    'tiiny.site',
    'codesandbox.io',
    'csb.app',
    'stackblitz.io',
    'deno.dev',
    'bubbleapps.io',
    'adalo.com',
    'glideapp.io',
    'ngrok.app',
    'webhostapp.com',
    '000webhostapp.com',
    'mybluehost.me',
    'hostingersite.com',
    'infinityfreeapp.com',
    'epizy.com',
    'rf.gd',
    'freecluster.eu',
    'byethost.com',
    'wuaze.com',
  ]),
  ...platforms('site builder', [
    'weebly.com',
    'weeblysite.com',
    'wixsite.com',
    'wixstudio.io',
    'square.site',
    'godaddysites.com',
    'webflow.io',
    'framer.app',
    'framer.website',
    'carrd.co',
    'myportfolio.com',
    'yolasite.com',
    'mystrikingly.com',
    'strikingly.com',
    'jimdosite.com',
    'jimdofree.com',
    'site123.me',
    'ukit.me',
    'canva.site',
    'mailchimpsites.com',
    'webador.com',
    'wpcomstaging.com',
    'start.page',
    'taplink.cc',
  ]),
  { suffix: 'sites.google.com', kind: 'site builder', shared: true },
  { suffix: 'docs.google.com', kind: 'form builder', path: /^\/forms\//i, shared: true },
  { suffix: 'docs.google.com', kind: 'cloud storage', path: /^\/(?:presentation|drawings)\/d\/.+\/(?:pub|present)/i, shared: true },
  ...sharedHosts('form builder', [
    'forms.gle',
    'forms.office.com',
    'forms.cloud.microsoft',
    'form.jotform.com',
    'form.typeform.com',
    'forms.yandex.ru',
    'forms.yandex.com',
  ]),
  ...sharedHosts('cloud storage', [
    'storage.googleapis.com',
    'firebasestorage.googleapis.com',
    's3.amazonaws.com',
    'storage.cloud.google.com',
  ]),
  ...sharedHosts('IPFS gateway', [
    'ipfs.io',
    'dweb.link',
    'cloudflare-ipfs.com',
    'gateway.pinata.cloud',
    'w3s.link',
    'nftstorage.link',
    'ipfs.fleek.co',
    'infura-ipfs.io',
  ]),
  ...platforms('form builder', [
    'typeform.com',
    'jotform.com',
    'formstack.com',
    'wufoo.com',
    'formcrafts.com',
    'paperform.co',
    '123formbuilder.com',
    'cognitoforms.com',
    'zohopublic.com',
    'tally.so',
  ]),
  ...platforms('cloud storage', [
    'r2.dev',
    'storage.googleapis.com',
    'firebasestorage.googleapis.com',
    'blob.core.windows.net',
    's3.amazonaws.com',
    'digitaloceanspaces.com',
    'backblazeb2.com',
    'wasabisys.com',
    'linodeobjects.com',
    'objectstorage.oraclecloud.com',
    'cloudflarestorage.com',
    'ufs.sh',
    'utfs.io',
  ]),
  ...platforms('tunnel', [
    'ngrok.io',
    'ngrok-free.app',
    'ngrok.dev',
    'trycloudflare.com',
    'loca.lt',
    'serveo.net',
    'localtunnel.me',
    'pinggy.link',
  ]),
  ...platforms('dynamic DNS', [
    'duckdns.org',
    'ddns.net',
    'hopto.org',
    'zapto.org',
    'sytes.net',
    'no-ip.org',
    'no-ip.biz',
    'servehttp.com',
    'myftp.org',
    'dynu.net',
    'freeddns.org',
  ]),
  ...platforms('IPFS gateway', [
    'ipfs.io',
    'dweb.link',
    'cloudflare-ipfs.com',
    'gateway.pinata.cloud',
    'mypinata.cloud',
    'w3s.link',
    'nftstorage.link',
    'fleek.co',
    'ipfs.fleek.co',
    '4everland.io',
    'infura-ipfs.io',
  ]),
];

/** Regional S3 endpoints (`bucket.s3.eu-west-1.amazonaws.com`, `s3-website-us-east-1`) are too many to list. */
export const S3_REGIONAL_HOST = /(?:^|\.)s3[.-](?:website[.-])?[a-z0-9-]+\.amazonaws\.com$/;
/** Content addresses on any gateway: `/ipfs/Qm...` or `/ipfs/bafy...`, or `<cid>.ipfs.<gateway>`. */
export const IPFS_PATH =
  /\/ip[fn]s\/(?:Qm[1-9A-HJ-NP-Za-km-z]{44}|baf[a-z0-9]{50,})|^[a-z][a-z0-9+.-]*:\/\/(?:baf[a-z0-9]{50,}|Qm[1-9A-HJ-NP-Za-km-z]{44})\.ip[fn]s\./i;
