import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MailwardError } from '../core/errors.ts';
import type { Calibration } from './calibration.ts';
import type { LinearModel } from './linear-model.ts';

/**
 * A model on disk: `NAME.bin` holds the weights (float32, little-endian), `NAME.json` the header
 * (dimension, bias, calibration, the weights' sha256, and how the model was trained). The header
 * is read first and the weights are checked against it, so a truncated or mismatched file is
 * refused at start-up rather than scoring mail wrongly.
 */
export const MODEL_FORMAT = 'mailward-content-model';
export const MODEL_FORMAT_VERSION = 1;
export const SHIPPED_MODEL = resolve(import.meta.dirname, '../../models/content-v1');

export interface ModelHeader {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  dimension: number;
  bias: number;
  calibration: Calibration;
  weightsSha256: string;
  /** Free-form facts about training (data, seed, held-out figures), shown by the model card. */
  training: Record<string, unknown>;
}

export interface LoadedModel extends LinearModel {
  header: ModelHeader;
}

export function saveModel(basePath: string, model: LinearModel, training: Record<string, unknown>): ModelHeader {
  const bytes = new Uint8Array(model.weights.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [i, w] of model.weights.entries()) view.setFloat32(i * 4, w, true);
  const header: ModelHeader = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    dimension: model.dimension,
    bias: model.bias,
    calibration: model.calibration,
    weightsSha256: createHash('sha256').update(bytes).digest('hex'),
    training,
  };
  writeFileSync(`${basePath}.bin`, bytes);
  writeFileSync(`${basePath}.json`, `${JSON.stringify(header, null, 2)}\n`);
  return header;
}

export function loadModel(basePath: string = SHIPPED_MODEL): LoadedModel {
  let header: ModelHeader;
  let bytes: Buffer;
  try {
    header = JSON.parse(readFileSync(`${basePath}.json`, 'utf8')) as ModelHeader;
    bytes = readFileSync(`${basePath}.bin`);
  } catch (error) {
    throw new MailwardError('MODEL_UNREADABLE', `cannot read the content model at ${basePath}: ${(error as Error).message}`);
  }
  if (header.format !== MODEL_FORMAT || header.formatVersion !== MODEL_FORMAT_VERSION)
    throw new MailwardError('MODEL_UNREADABLE', `${basePath}.json is not a ${MODEL_FORMAT} v${MODEL_FORMAT_VERSION} header`);
  const { dimension } = header;
  if (!Number.isInteger(dimension) || dimension <= 0 || (dimension & (dimension - 1)) !== 0 || bytes.length !== dimension * 4)
    throw new MailwardError('MODEL_UNREADABLE', `${basePath}.bin does not hold ${dimension} float32 weights`);
  if (createHash('sha256').update(bytes).digest('hex') !== header.weightsSha256)
    throw new MailwardError('MODEL_UNREADABLE', `${basePath}.bin does not match the checksum in its header`);
  const weights = new Float32Array(dimension);
  for (let i = 0; i < dimension; i++) weights[i] = bytes.readFloatLE(i * 4);
  return { dimension, weights, bias: header.bias, calibration: header.calibration, header };
}
