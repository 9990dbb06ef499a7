import type { DetectedType } from './types.ts';

/**
 * Text files typed by what they say: HTA/WSF script hosts, SVG, HTML (also after a line of
 * text, as smuggling pages do), iCalendar, internet shortcuts and Windows scripts. Scripts need
 * several independent markers, so a mail that quotes one PowerShell line stays plain text.
 */

const TEXT_SNIFF_BYTES = 64 * 1024;

/** Text formats, by what they say rather than by magic numbers. */
export function textKind(bytes: Uint8Array): DetectedType | undefined {
  const head = decodeHead(bytes.subarray(0, TEXT_SNIFF_BYTES));
  if (head === undefined) return undefined;
  const start = head
    .replace(/^\s+/, '')
    .slice(0, 4096)
    .replace(/^(<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)+/i, '');
  const lower = start.toLowerCase();
  if (/<hta:application\b/i.test(head)) return { ext: 'hta', mime: 'application/hta' };
  if (/^<(package|job)\b/.test(lower) && /<script\b[^>]*language\s*=\s*["']?(jscript|vbscript|javascript)/i.test(head)) {
    return { ext: 'wsf', mime: 'text/x-wsf' };
  }
  if (/^(<!doctype svg[^>]*>\s*)?<svg\b/.test(lower)) return { ext: 'svg', mime: 'image/svg+xml' };
  // Smuggling pages often put a line of text before the markup, so a clear <html> near the start counts too.
  const tagFirst = lower.startsWith('<') && /<(!doctype html|html|head|body|script|form|meta|iframe|div|table|title)\b/.test(lower);
  if (tagFirst || /<(!doctype html|html)\b/.test(lower.slice(0, 1024))) {
    return { ext: 'html', mime: 'text/html' };
  }
  if (/^begin:vcalendar/.test(lower)) return { ext: 'ics', mime: 'text/calendar' };
  if (/^\[(internetshortcut|\{000214a0-0000-0000-c000-000000000046\}|default)\]/.test(lower) && /^url\s*=/im.test(head)) {
    return { ext: 'url', mime: 'application/x-mswinurl' };
  }
  return scriptKind(head);
}

/** Windows script languages, each needing at least two independent markers so prose that quotes one line stays text. */
const SCRIPT_MARKERS: { type: DetectedType; markers: RegExp[]; needed: number }[] = [
  {
    type: { ext: 'ps1', mime: 'text/x-powershell' },
    markers: [
      /\b(invoke-expression|iex)\b/i,
      /new-object\s+(system\.)?net\.webclient/i,
      /\.download(string|file|data)\s*\(/i,
      /\binvoke-webrequest\b|\biwr\s+http/i,
      /\bstart-process\b/i,
      /\[(system\.)?convert\]::frombase64string/i,
      /-(enc|encodedcommand)\s+[a-z0-9+/=]{20,}/i,
      /\$env:\w+/i,
      /\bset-executionpolicy\b|-executionpolicy\s+bypass/i,
      /\[(system\.)?text\.encoding\]::/i,
    ],
    needed: 2,
  },
  {
    type: { ext: 'vbs', mime: 'text/vbscript' },
    markers: [
      /createobject\s*\(\s*"(wscript\.shell|scripting\.filesystemobject|msxml2\.|microsoft\.xmlhttp|adodb\.stream|shell\.application)/i,
      /\bwscript\.(shell|sleep|createobject|scriptfullname|quit|arguments)/i,
      /^\s*on error resume next\b/im,
      /^\s*dim\s+\w+/im,
      /^\s*set\s+\w+\s*=\s*(createobject|getobject|wscript)/im,
      /\b(execute|executeglobal)\s*\(?\s*\w/i,
      /^\s*end\s+(sub|function)\b/im,
    ],
    needed: 3,
  },
  {
    type: { ext: 'js', mime: 'application/javascript' },
    markers: [
      /new\s+activexobject\s*\(/i,
      /\bwscript\.(shell|sleep|createobject|scriptfullname|quit|arguments)/i,
      /\bgetobject\s*\(\s*["']winmgmts/i,
      /["'](wscript\.shell|scripting\.filesystemobject|adodb\.stream|msxml2\.xmlhttp)["']/i,
      /\bvar\s+\w+\s*=|\bfunction\s+\w*\s*\(/,
    ],
    needed: 3,
  },
  {
    type: { ext: 'bat', mime: 'application/x-bat' },
    markers: [
      /^\s*@echo\s+off\b/i,
      /%~dp0|%~f0|%comspec%/i,
      /^\s*(start\s+("[^"]*"\s+)?\/(b|min)|cmd(\.exe)?\s+\/[ck])\b/im,
      /^\s*set\s+\w+=/im,
      /^\s*(goto\s+:?\w+|:\w+\s*$)/im,
      /\b(bitsadmin\s+\/transfer|certutil(\.exe)?\s+-(urlcache|decode)|powershell(\.exe)?\s+-)/i,
    ],
    needed: 2,
  },
];

function scriptKind(text: string): DetectedType | undefined {
  for (const { type, markers, needed } of SCRIPT_MARKERS) {
    let seen = 0;
    for (const marker of markers) {
      if (marker.test(text) && ++seen >= needed) return type;
    }
  }
  return undefined;
}

/** Text decoded for sniffing, or undefined when the bytes are clearly binary. */
function decodeHead(head: Uint8Array): string | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return Buffer.from(head.subarray(2)).toString('utf16le');
  let control = 0;
  const probe = Math.min(head.length, 1024);
  for (let i = 0; i < probe; i++) {
    const c = head[i];
    if (c === 0) return undefined;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  if (control > probe / 20) return undefined;
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return Buffer.from(head.buffer, head.byteOffset + start, head.byteLength - start).toString('latin1');
}
