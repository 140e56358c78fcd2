import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/devVariant.ts';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(PROJECT_ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('folder dependency rules (DESIGN §3) are enforced by lint', () => {
  it.each([
    ['renderer/x.ts', "import { createHost } from '../electron/host/host.ts';\ncreateHost;"],
    ['renderer/features/x.ts', "import { startCloud } from '../../cloud/server.ts';\nstartCloud;"],
    ['renderer/x.ts', "import { app } from 'electron';\napp;"],
    ['renderer/x.ts', "import { readFileSync } from 'node:fs';\nreadFileSync;"],
    ['renderer/x.ts', "import { z } from 'zod';\nz;"],
    [
      'renderer/x.ts',
      "import { OrderSchema } from '../common/cloudApi/orders.schema.ts';\nOrderSchema;",
    ],
    ['renderer/x.ts', "import { transaction } from '../common/node/transaction.ts';\ntransaction;"],
    [
      'electron/preload/x.ts',
      "import { openDatabase } from '../../common/node/sqlite.ts';\nopenDatabase;",
    ],
    ['common/x.ts', "import { readFileSync } from 'node:fs';\nreadFileSync;"],
    ['renderer/x.ts', "import { startBridge } from '../bridge/server.ts';\nstartBridge;"],
    ['common/x.ts', "import { app } from 'electron';\napp;"],
    ['common/x.ts', "import { createHost } from '../electron/host/host.ts';\ncreateHost;"],
    ['electron/host/x.ts', "import { app } from 'electron';\napp;"],
    ['bridge/x.ts', "import { startCloud } from '../cloud/server.ts';\nstartCloud;"],
    ['cloud/x.ts', "import { createHost } from '../electron/host/host.ts';\ncreateHost;"],
    ['electron/preload/x.ts', "import { createHost } from '../host/host.ts';\ncreateHost;"],
    // Inside the renderer: features are independent, shared folders do not reach into them.
    [
      'renderer/features/home/x.ts',
      "import { HomeContext } from '../services/home/HomeContext.tsx';\nHomeContext;",
    ],
    [
      'renderer/features/home/x.ts',
      "import type { Cart } from '../services/cart.ts';\nexport type C = Cart;",
    ],
    [
      'renderer/features/lease/x.ts',
      "import { useOffers } from '../../features/offers/useOffers.ts';\nuseOffers;",
    ],
    ['renderer/store/x.ts', "import { addLine } from '../features/services/cart.ts';\naddLine;"],
    [
      'renderer/data/x.ts',
      "import { OffersScreen } from '../features/offers/OffersScreen.tsx';\nOffersScreen;",
    ],
    ['renderer/safety/x.ts', "import { SCREENS } from '../app/screens.ts';\nSCREENS;"],
    ['renderer/features/home/x.ts', "import { SCREENS } from '../../app/screens.ts';\nSCREENS;"],
  ])('%s may not import: %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['renderer/x.ts', "import { SIGNAL } from '../common/vss/signals.ts';\nSIGNAL;"],
    [
      'renderer/x.ts',
      "import type { Settings } from '../common/settings.schema.ts';\nexport type S = Settings;",
    ],
    ['common/node/x.ts', "import { DatabaseSync } from 'node:sqlite';\nDatabaseSync;"],
    [
      'electron/host/x.ts',
      "import { transaction } from '../../common/node/transaction.ts';\ntransaction;",
    ],
    ['cloud/x.ts', "import { openDatabase } from '../common/node/sqlite.ts';\nopenDatabase;"],
    [
      'electron/main/x.ts',
      "import { createHost } from '../host/host.ts';\nimport { app } from 'electron';\ncreateHost; app;",
    ],
    ['bridge/x.ts', "import { SIGNAL } from '../common/vss/signals.ts';\nSIGNAL;"],
    [
      'renderer/features/home/x.ts',
      "import { useAppStore } from '../../store/context.tsx';\nuseAppStore;",
    ],
    [
      'renderer/features/home/x.ts',
      "import { useHostQuery } from '../../data/useHostQuery.ts';\nuseHostQuery;",
    ],
    [
      'renderer/features/services/x.ts',
      "import { searchFor } from './searchSource.ts';\nsearchFor;",
    ],
    [
      'renderer/app/x.ts',
      "import { HomeScreen } from '../features/home/HomeScreen.tsx';\nHomeScreen;",
    ],
    ['renderer/store/x.ts', "import { addLine } from './cart.ts';\naddLine;"],
  ])('%s may import: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
