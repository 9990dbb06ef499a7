/**
 * Well-known redirectors: pages of reputable sites that send the browser on to any URL given in
 * their query. Phishing uses them so the link a filter or reader checks is google.com or bing.com.
 * Each pattern is tested against `host/path?query` (lower-cased host, path as written).
 */
export interface Redirector {
  name: string;
  pattern: RegExp;
}

/** Cheap first test on the host: only these sites run the redirectors below. */
export const REDIRECTOR_SITE =
  /(?:^|\.)(?:google\.[a-z.]+|googleadservices\.com|doubleclick\.net|translate\.goog|bing\.com|youtube\.com|(?:facebook|instagram|messenger)\.com|linkedin\.com|vk\.com|yahoo\.com|duckduckgo\.com|yandex\.[a-z.]+|umblr\.com|slack-redir\.net|ok\.ru|baidu\.com|adobe\.com|twitter\.com|snapchat\.com)$/;

export const KNOWN_REDIRECTORS: readonly Redirector[] = [
  { name: 'Google /url', pattern: /^(?:www\.)?google\.[a-z.]+\/url\?/i },
  { name: 'Google AMP', pattern: /^(?:www\.)?google\.[a-z.]+\/amp\/s\//i },
  { name: 'Google ad click', pattern: /^(?:www\.)?(?:google\.[a-z.]+|googleadservices\.com)\/(?:pagead\/)?aclk\?/i },
  { name: 'DoubleClick', pattern: /^(?:[a-z0-9-]+\.)*doubleclick\.net\/.*[?&;]adurl=/i },
  { name: 'Google Translate proxy', pattern: /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.translate\.goog\//i },
  { name: 'Bing click', pattern: /^(?:www\.)?bing\.com\/(?:ck\/a|aclick|aclk)\?/i },
  { name: 'YouTube redirect', pattern: /^(?:www\.|m\.)?youtube\.com\/(?:redirect|attribution_link)\?/i },
  { name: 'Facebook link shim', pattern: /^l[m]?\.(?:facebook|instagram|messenger)\.com\/(?:l\.php)?\?/i },
  { name: 'LinkedIn redirect', pattern: /^(?:www\.)?linkedin\.com\/(?:redir\/redirect|slink)\?/i },
  { name: 'VK away', pattern: /^(?:away\.)?vk\.com\/away\.php\?/i },
  { name: 'Yahoo search redirect', pattern: /^r\.search\.yahoo\.com\//i },
  { name: 'DuckDuckGo redirect', pattern: /^duckduckgo\.com\/l\/\?/i },
  { name: 'Yandex click', pattern: /^(?:www\.)?yandex\.[a-z.]+\/clck\//i },
  { name: 'Tumblr redirect', pattern: /^t\.umblr\.com\/redirect\?/i },
  { name: 'Slack redirect', pattern: /^slack-redir\.net\/link\?/i },
  { name: 'Odnoklassniki redirect', pattern: /^(?:www\.)?ok\.ru\/dk\?.*st\.cmd=outlinkwarning/i },
  { name: 'Baidu link', pattern: /^(?:www\.)?baidu\.com\/link\?/i },
  { name: 'Adobe Campaign redirect', pattern: /^t\.info\.adobe\.com\/r\/\?/i },
  { name: 'Twitter redirect', pattern: /^(?:www\.)?twitter\.com\/i\/redirect\?/i },
  { name: 'Snapchat redirect', pattern: /^(?:www\.)?snapchat\.com\/(?:deeplink|redirect)\?/i },
];

/**
 * Link-protection gateways of mail security products: they wrap every link of a message in
 * transit. Their target is analysed like any link, but wrapping is not itself a redirect trick.
 */
export const SECURITY_WRAPPER_HOST =
  /(?:^|\.)(?:safelinks\.protection\.outlook\.com|urldefense\.com|urldefense\.proofpoint\.com|protect[a-z0-9-]*\.mimecast\.com|linkprotect\.cudasvc\.com|secure-web\.cisco\.com|scanner\.topsec\.com|clicktime\.cloud\.postoffice\.net|url\.emailprotection\.link|[a-z0-9-]+\.trendmicro\.com|fortimail\.[a-z0-9.-]+|eu\.smartlinks\.sophos\.com)$/;
