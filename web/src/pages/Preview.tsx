import { useState } from 'preact/hooks';

/**
 * The body, rendered where it cannot act. The HTML arrives sanitised (no scripts, forms or event
 * handlers; images and links parked in data- attributes). It is shown in a frame whose sandbox has
 * no allow-scripts and no allow-same-origin, under a policy that loads nothing remote until the
 * analyst asks for images; links become clickable (opening a new window) only when asked too.
 */
export function Preview({ html, text }: { html: string | null; text: string }) {
  const [images, setImages] = useState(false);
  const [links, setLinks] = useState(false);
  const [plain, setPlain] = useState(!html);

  let body = html ?? '';
  if (images) body = body.replace(/\sdata-mw-src=/g, ' src=');
  if (links) body = body.replace(/\sdata-mw-href=/g, ' target="_blank" rel="noopener noreferrer" href=');
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src ${images ? 'https: http: data:' : 'data:'}; font-src 'none'; form-action 'none'`;
  const doc = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><base target="_blank"><style>body{font:14px/1.5 system-ui,sans-serif;margin:12px;color:#111;background:#fff}img:not([src]){outline:1px dashed #aaa;min-width:16px;min-height:16px}</style></head><body>${body}</body></html>`;

  return (
    <div role="tabpanel" aria-label="Preview" class="preview">
      <div class="preview-bar">
        {html && (
          <button type="button" onClick={() => setPlain(!plain)}>
            {plain ? 'Show formatted' : 'Show plain text'}
          </button>
        )}
        {html && !plain && (
          <>
            <button type="button" aria-pressed={images} onClick={() => setImages(!images)}>
              {images ? 'Hide remote images' : 'Show remote images'}
            </button>
            <button type="button" aria-pressed={links} onClick={() => setLinks(!links)}>
              {links ? 'Make links inert' : 'Enable links'}
            </button>
          </>
        )}
        <span class="muted small">Images and links stay inert until you enable them; scripts never run.</span>
      </div>
      {plain ? (
        <pre class="plain">{text || '(empty body)'}</pre>
      ) : (
        <iframe
          title="Message preview"
          sandbox={links ? 'allow-popups allow-popups-to-escape-sandbox' : ''}
          referrerpolicy="no-referrer"
          srcdoc={doc}
          data-testid="preview-frame"
        />
      )}
    </div>
  );
}
