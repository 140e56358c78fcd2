// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** DESIGN §3: which folders each part may import. Each entry is a no-restricted-imports pattern group. */
const forbid = (group, message) => ({ group, message });
const ELECTRON = forbid(
  ['electron', 'electron/*'],
  'Only electron/main and electron/preload may import electron.',
);
const HOST = forbid(
  ['**/electron/host', '**/electron/host/**'],
  'Only electron/main may import the host.',
);
// Siblings inside electron/ reach each other with short relative paths, so those are listed too.
const HOST_SIBLING = forbid(['../host', '../host/**'], 'Only electron/main may import the host.');
const MAIN = forbid(
  [
    '**/electron/main',
    '**/electron/main/**',
    '**/electron/preload/**',
    '../main',
    '../main/**',
    '../preload',
    '../preload/**',
  ],
  'Electron wiring is imported by nothing.',
);
const BRIDGE = forbid(
  ['**/bridge', '**/bridge/**'],
  'The bridge is reached over socket.io, never imported.',
);
const CLOUD = forbid(
  ['**/cloud', '**/cloud/**'],
  'The cloud is reached over HTTP, never imported.',
);
const RENDERER = forbid(['**/renderer', '**/renderer/**'], 'The renderer is imported by nothing.');
const NODE = forbid(
  ['node:*', 'fs', 'path', 'child_process', 'os', 'net', 'http'],
  'The renderer runs in a browser sandbox: no Node modules.',
);
const NODE_IN_COMMON = forbid(
  ['node:*', 'fs', 'path', 'child_process', 'os', 'net', 'http'],
  'common/ runs in the renderer too: Node-only shared code lives in common/node/.',
);
const NODE_SHARED = forbid(
  ['**/common/node', '**/common/node/**'],
  'common/node/ is Node-only (SQLite, files): the host, cloud and bridge share it, the renderer may not.',
);
const ZOD = forbid(
  ['zod', 'zod/*'],
  'Keep zod out of the renderer bundle; import types only (import type) from common schemas.',
);
// Modules that build zod schemas: the renderer may take their types (erased) but not their values,
// or zod lands in the first-paint bundle (DESIGN §10 budget).
const SCHEMA_MODULES = {
  // Every module that builds zod schemas is named *.schema.ts (a unit test checks it), so this
  // list keeps itself.
  group: ['**/*.schema.ts'],
  message: 'Schema modules carry zod: import only types from them (import type) in the renderer.',
  allowTypeImports: true,
};
// Inside the renderer (DESIGN §3): features are independent; the app shell composes them.
const OTHER_FEATURE = {
  regex: '^\\.\\./(?!\\.\\./)[^/]+/|(^|/)features/',
  message:
    'A feature does not import another feature: move what both need to data/, safety/, ui/ or store/, or let app/ compose them.',
};
const FEATURES = {
  group: ['**/features', '**/features/**'],
  message: 'Shared renderer folders do not import features; features import them.',
};
const APP_SHELL = {
  group: ['**/app', '**/app/**', '../app', '../app/**'],
  message: 'Only main.tsx imports the app shell; the shell imports the rest.',
};
const SOCKET_SERVER = forbid(
  ['socket.io', 'fastify', 'fastify/*'],
  'Server libraries do not belong here.',
);

/** What the whole renderer may not import (DESIGN §3). */
const RENDERER_RULES = [
  ELECTRON,
  HOST,
  MAIN,
  BRIDGE,
  CLOUD,
  NODE,
  ZOD,
  SCHEMA_MODULES,
  SOCKET_SERVER,
  NODE_SHARED,
];

const restrict = (files, ...patterns) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: patterns.map((p) => ({ allowTypeImports: false, ...p })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  restrict(['renderer/**'], ...RENDERER_RULES),
  // Later entries replace the rule for their folders, so each repeats the renderer's own rules.
  restrict(['renderer/features/**'], ...RENDERER_RULES, OTHER_FEATURE, APP_SHELL),
  restrict(
    ['renderer/{store,data,safety,ui,vehicle,input,i18n,host}/**'],
    ...RENDERER_RULES,
    FEATURES,
    APP_SHELL,
  ),
  restrict(['common/**'], ELECTRON, HOST, MAIN, BRIDGE, CLOUD, RENDERER, NODE_IN_COMMON),
  // The one Node-only shared folder: what host, cloud and bridge share that needs Node.
  restrict(['common/node/**'], ELECTRON, HOST, MAIN, BRIDGE, CLOUD, RENDERER),
  restrict(['electron/host/**'], ELECTRON, MAIN, BRIDGE, CLOUD, RENDERER),
  restrict(['electron/main/**'], MAIN, BRIDGE, CLOUD, RENDERER),
  restrict(
    ['electron/preload/**'],
    HOST,
    HOST_SIBLING,
    MAIN,
    BRIDGE,
    CLOUD,
    RENDERER,
    ZOD,
    NODE_SHARED,
  ),
  restrict(['bridge/**'], ELECTRON, HOST, MAIN, CLOUD, RENDERER),
  restrict(['cloud/**'], ELECTRON, HOST, MAIN, BRIDGE, RENDERER),
  // The browser-mode kiosk's watchdog talks to Chromium alone.
  restrict(['kiosk/**'], ELECTRON, HOST, MAIN, BRIDGE, CLOUD, RENDERER),
);
