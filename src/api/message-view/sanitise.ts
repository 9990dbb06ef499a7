import sanitizeHtml from 'sanitize-html';

/**
 * The body's HTML made safe to show: no scripts, event handlers, forms, frames, objects or style
 * sheets; only layout and text tags. Remote things stay inert: `<img src>` becomes `data-mw-src`
 * and `<a href>` becomes `data-mw-href`, which the console turns back only when the analyst asks
 * ("show images", "enable links"). The console also renders the result in a sandboxed frame
 * without scripts and with a Content-Security-Policy that forbids remote content.
 */
export function sanitiseForPreview(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'a'),
      'a',
      'img',
      'font',
      'center',
      'span',
      'div',
      'table',
      'tbody',
      'thead',
      'tr',
      'td',
      'th',
    ],
    allowedAttributes: {
      '*': ['style', 'align', 'valign', 'width', 'height', 'bgcolor', 'color', 'dir', 'title'],
      a: ['data-mw-href', 'title'],
      img: ['data-mw-src', 'alt', 'width', 'height'],
      font: ['color', 'face', 'size'],
      td: ['colspan', 'rowspan', 'style', 'align', 'valign', 'width', 'height', 'bgcolor'],
      th: ['colspan', 'rowspan', 'style', 'align', 'valign', 'width', 'height', 'bgcolor'],
    },
    allowedSchemes: [],
    allowedSchemesAppliedToAttributes: [],
    allowProtocolRelative: false,
    // Styles are kept (they make the preview look like the mail), but `url(...)` cannot load:
    // the frame's policy allows no remote images, and expressions are dropped here.
    allowedStyles: undefined,
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { 'data-mw-href': attribs.href ?? '', title: `Link to ${attribs.href ?? '(none)'}` },
      }),
      img: (tagName, attribs) => ({
        tagName,
        attribs: { 'data-mw-src': attribs.src ?? '', alt: attribs.alt ?? '', width: attribs.width ?? '', height: attribs.height ?? '' },
      }),
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['data-mw-src'],
  });
}
