import { VerdictBadge } from '../../components/common.tsx';
import { layerName } from '../../format.ts';
import type { Layers } from './types.ts';

const KIND_WORDS: Record<string, string> = {
  provider: 'Mail provider',
  gateway: 'Gateway',
  vendor: 'Security vendor',
  'user-report': 'User report',
};

/** Mailward's verdict beside every other layer's (provider, gateways, vendors, user reports). */
export function LayerCards({ layers }: { layers: Layers }) {
  return (
    <>
      <h2>Verdicts, layer by layer</h2>
      <div class="layer-cards">
        <div class={`layer-card ${layers.mailward?.caught ? 'caught' : ''}`}>
          <div class="layer-card-head">
            <strong>Mailward</strong>
            <VerdictBadge verdict={layers.mailward?.verdict ?? null} />
          </div>
          <p>{layers.mailward ? `Score ${layers.mailward.score.toFixed(1)}` : 'Not scanned yet.'}</p>
        </div>
        {layers.layers.map((l) => (
          <div key={l.layer} class={`layer-card ${l.caught ? 'caught' : ''}`}>
            <div class="layer-card-head">
              <strong>{layerName(l.layer)}</strong>
              <VerdictBadge verdict={l.verdict} />
            </div>
            <p class="muted">
              {KIND_WORDS[l.kind] ?? l.kind} · {l.source === 'headers' ? 'from the headers' : 'reported through the API'}
            </p>
            <p>{l.details.summary}</p>
          </div>
        ))}
        {layers.layers.length === 0 && (
          <div class="layer-card muted">No other layer left a verdict in the headers or reported one through the API.</div>
        )}
      </div>
    </>
  );
}
