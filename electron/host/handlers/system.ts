import type { SystemInfo } from '../../../common/hostApi/contract.schema.ts';
import type { Variant } from '../../../common/variant.schema.ts';
import type { HostServices } from '../services.ts';
import type { NamespaceHandlers } from './types.ts';

export interface SystemFacts {
  variant: Variant;
  version: string;
  buildTime: string;
  transport: SystemInfo['transport'];
  testHooks: boolean;
  bridgeToken: string | null;
}

/**
 * The variant without what stays in the host: the cloud's address and the engineering PIN's
 * digest. The renderer gets this (app.config), and so does a diagnostics bundle.
 */
export function publicVariantOf(
  variant: Variant,
): Omit<Variant, 'cloudUrl' | '$schema' | 'engineering'> {
  const { cloudUrl: _cloudUrl, $schema: _schema, engineering: _engineering, ...rest } = variant;
  return rest;
}

export function systemHandlers(
  { monitor }: Pick<HostServices, 'monitor'>,
  facts: SystemFacts,
): NamespaceHandlers<'system' | 'app' | 'connectivity'> {
  const publicVariant = publicVariantOf(facts.variant);
  return {
    'system.info': () => ({
      name: 'dashport',
      version: facts.version,
      variant: facts.variant.name,
      buildTime: facts.buildTime,
      transport: facts.transport,
      testHooks: facts.testHooks,
    }),
    'app.config': () => publicVariant,
    // Apart from app.config, so the token never lands in the renderer's store.
    'app.bridgeAccess': () => ({ token: facts.bridgeToken }),
    'connectivity.get': () => monitor.current,
  };
}
