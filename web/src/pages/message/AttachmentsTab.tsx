import { bytes } from '../../format.ts';
import type { View } from './types.ts';

/** Each attachment (and what archives hold): declared and real type, hashes, findings. */
export function AttachmentsTab({ attachments }: { attachments: View['attachments'] }) {
  return (
    <div role="tabpanel" aria-label="Attachments">
      {attachments.length === 0 ? (
        <p class="muted">No attachments.</p>
      ) : (
        attachments.map((a) => (
          <div class="attachment" key={a.path}>
            <strong>{a.path || a.filename || '(unnamed)'}</strong> <span class="muted">{bytes(a.size)}</span>
            <dl class="facts small">
              <dt>Declared type</dt>
              <dd>{a.declaredType || '–'}</dd>
              <dt>Actual type</dt>
              <dd>{a.detectedType ?? 'not recognised'}</dd>
              <dt>SHA-256</dt>
              <dd>
                <code>{a.sha256}</code>
              </dd>
              {a.sha1 && (
                <>
                  <dt>SHA-1</dt>
                  <dd>
                    <code>{a.sha1}</code>
                  </dd>
                </>
              )}
              {a.md5 && (
                <>
                  <dt>MD5</dt>
                  <dd>
                    <code>{a.md5}</code>
                  </dd>
                </>
              )}
              <dt>Found inside</dt>
              <dd>{a.findings.length > 0 ? a.findings.join('; ') : a.encrypted ? 'encrypted: could not be read' : 'nothing suspicious'}</dd>
            </dl>
          </div>
        ))
      )}
    </div>
  );
}
