import { MailwardError } from '../core/errors.ts';
import { threatLogit } from '../model/linear-model.ts';
import { sharedFeaturizer, shippedModel } from '../model/shipped-model.ts';
import { learnDecision } from '../model/tenant-layer.ts';
import { vectorize } from '../model/vectorize.ts';
import { sha256Hex } from '../storage/raw-mime.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ModelFeedback, StoredModelLayer } from '../storage/tenant-model.ts';

/** A user's report teaches half as much as an analyst's decision: users also report unwanted newsletters. */
const STRENGTH: Record<ModelFeedback['source'], number> = { analyst: 1, 'user-report': 0.5 };

/**
 * Teaches one tenant's model layer from one judged message: reads the message as the content
 * model does and takes one learning step on that tenant's weights only.
 */
export async function teachTenantModel(
  repos: Pick<Repositories, 'tenantModel'>,
  tenantId: string,
  raw: Uint8Array,
  judgement: { label: ModelFeedback['label']; source: ModelFeedback['source']; actor: string },
): Promise<StoredModelLayer> {
  const features = await sharedFeaturizer().features(raw);
  if (!features) throw new MailwardError('INPUT_NOT_EMAIL', 'the judged message cannot be read as email; nothing was learned');
  const model = shippedModel();
  const sharedLogit = threatLogit(model, vectorize(features.shared, model.dimension));
  const x = vectorize([...features.shared, ...features.tenant], model.dimension);
  const label = judgement.label === 'threat' ? 1 : 0;
  return repos.tenantModel.learn(tenantId, { ...judgement, messageSha256: sha256Hex(raw) }, (weights) =>
    learnDecision(weights, x, sharedLogit, label, STRENGTH[judgement.source]),
  );
}
