import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/**
 * DESIGN §11's fuses, named as electron-builder.yml's `electronFuses` names them: the YAML says
 * what to flip, this reads back what a packed binary really carries.
 */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

type FuseName = keyof typeof REQUIRED_FUSES;

const WIRE_INDEX: Record<FuseName, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** The wire's byte values (@electron/fuses FuseState): '0' off, '1' on, 'r' removed. */
const OFF = 0x30;
const ON = 0x31;

/** Flips every required fuse in the binary (Electron's, or a stand-in carrying the fuse wire). */
export async function flipRequiredFuses(binary: string): Promise<void> {
  const config: Partial<Record<FuseV1Options, boolean>> = {};
  for (const [name, value] of Object.entries(REQUIRED_FUSES) as [FuseName, boolean][]) {
    config[WIRE_INDEX[name]] = value;
  }
  await flipFuses(binary, { version: FuseVersion.V1, ...config });
}

/** Every required fuse the binary does not carry as required; empty when all match. */
export async function fuseMismatches(binary: string): Promise<string[]> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
  const problems: string[] = [];
  for (const [name, value] of Object.entries(REQUIRED_FUSES) as [FuseName, boolean][]) {
    const found = wire[WIRE_INDEX[name]];
    const expected = value ? ON : OFF;
    if (found !== expected) {
      const seen =
        found === ON ? 'on' : found === OFF ? 'off' : found === undefined ? 'absent' : 'removed';
      problems.push(`${name}: must be ${value ? 'on' : 'off'}, the binary has it ${seen}`);
    }
  }
  return problems;
}
