/** Injection tokens for what has no class of its own. */
export const ATLAS_CONFIG = Symbol('ATLAS_CONFIG');
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
export const SECRETS = Symbol('SECRETS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
