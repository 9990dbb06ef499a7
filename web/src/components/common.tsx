import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { layerName, VERDICT_WORDS } from '../format.ts';

export function VerdictBadge({ verdict }: { verdict: string | null }) {
  if (!verdict) return <span class="badge badge-unscanned">Not scanned</span>;
  return <span class={`badge badge-${verdict}`}>{VERDICT_WORDS[verdict] ?? verdict}</span>;
}

export interface LayerBadgeData {
  layer: string;
  kind: string;
  verdict: string;
  caught: boolean;
}

/** Which layers caught the message: Mailward first, then provider, gateways, vendors, user reports. */
export function LayerBadges({ mailwardCaught, layers }: { mailwardCaught: boolean; layers: LayerBadgeData[] }) {
  return (
    <span class="layers">
      <span
        class={`layer ${mailwardCaught ? 'layer-caught' : 'layer-missed'}`}
        title={`Mailward: ${mailwardCaught ? 'caught' : 'not caught'}`}
      >
        Mailward
      </span>
      {layers.map((l) => (
        <span
          key={l.layer}
          class={`layer ${l.caught ? 'layer-caught' : 'layer-missed'}`}
          title={`${layerName(l.layer)} (${l.kind}): ${VERDICT_WORDS[l.verdict] ?? l.verdict}${l.caught ? ', caught' : ', not caught'}`}
        >
          {layerName(l.layer)}
        </span>
      ))}
    </span>
  );
}

export function EmptyState({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="empty" role="status">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div class="error-note" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </div>
  );
}

/** A modal question; Escape cancels, focus starts on the safe choice and stays in the dialog. */
export function Confirm(props: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          const reason = (e.currentTarget.elements.namedItem('reason') as HTMLInputElement).value;
          props.onConfirm(reason);
        }}
      >
        <h2 id="confirm-title">{props.title}</h2>
        <div>{props.children}</div>
        <label>
          Reason (kept in the audit log)
          <input name="reason" maxLength={500} placeholder="optional" />
        </label>
        <div class="actions">
          <button type="button" onClick={props.onCancel} autofocus>
            Cancel
          </button>
          <button type="submit" class={props.danger ? 'danger' : 'primary'}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
