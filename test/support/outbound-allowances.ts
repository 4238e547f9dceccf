import { loadConfig } from '@atlas/config';

/**
 * The emulators and fake servers of the tests listen on 127.0.0.1 over plain http, which the outbound
 * URL policy refuses by default. Every test that talks to them turns these allowances on, from here:
 * the harnesses through the environment, tests that build connectors or clients themselves through
 * the policy read from that same environment.
 */
export const EMULATOR_OUTBOUND_ENV = {
  ATLAS_ALLOW_HTTP_PLATFORM_URLS: 'true',
  ATLAS_ALLOW_PRIVATE_PLATFORM_URLS: 'true',
} as const;

export const EMULATOR_OUTBOUND_POLICY = loadConfig({ ...EMULATOR_OUTBOUND_ENV }).outboundUrls;
