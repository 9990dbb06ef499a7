/** The detector id of the content model; training runs the engine without it. */
export const CONTENT_MODEL_DETECTOR_ID = 'model.content';
