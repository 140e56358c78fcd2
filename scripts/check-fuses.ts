import { fuseMismatches } from './lib/fuses.ts';

/**
 * `node scripts/check-fuses.ts <electron binary>`: reads the fuse wire back from a packed binary
 * and exits non-zero, naming each fuse, when any differs from DESIGN §11.
 */
const binary = process.argv[2];
if (!binary) {
  process.stderr.write('usage: node scripts/check-fuses.ts <path to the packed Electron binary>\n');
  process.exit(2);
}
try {
  const problems = await fuseMismatches(binary);
  for (const p of problems) process.stderr.write(`fuses: ${p}\n`);
  if (problems.length > 0) process.exit(1);
  process.stdout.write(`fuses: ${binary} carries every fuse DESIGN §11 requires\n`);
} catch (error) {
  process.stderr.write(`fuses: ${binary}: ${(error as Error).message}\n`);
  process.exit(1);
}
