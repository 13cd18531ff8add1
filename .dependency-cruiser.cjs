// dependency-cruiser: the import direction of issue 17 (docs/lint.md explains each rule).
// `npm run lint:deps` fails on any "error"; `npm run deps:report` writes the summary with the cycle count.

const TEST = '\\.(test|e2e)\\.tsx?$';

// Server layers, lowest first. A module may import only its own layer or layers below it.
const SERVER_LAYERS = [
  ['^server/(contract|engine|http|files)/', '^server/(config|log)\\.ts$'],
  ['^server/(db|characters|prompt|render)/'],
  ['^server/providers/'],
  ['^server/jobs/'],
  ['^server/downloads/'],
  ['^server/(routes|saymotion)/'],
  ['^server/(app|bootstrap|services|main)\\.ts$'],
];

// Client layers, lowest first (src/lib and src/ui are leaves with their own rules below).
const FEATURES = [
  'actions',
  'characters',
  'compare',
  'composer',
  'constraints',
  'dropzone',
  'edit',
  'help',
  'jobs',
  'library',
  'lineage',
  'player',
  'render',
  'timeline',
  'variants',
  'viewport',
];
const FEATURE = `^src/(${FEATURES.join('|')})/`;

const serverLayerRules = SERVER_LAYERS.slice(0, -1).map((layer, i) => ({
  name: `server-layer-${i + 1}`,
  comment: `Server layer ${i + 1} (${layer.join(' ')}) may not import a higher layer (see docs/lint.md).`,
  severity: 'error',
  from: { path: layer, pathNot: TEST },
  to: { path: SERVER_LAYERS.slice(i + 1).flat() },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles at module level (type-only imports count too).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'engine-pure',
      comment: 'server/engine is a pure library: nothing outside server/engine, no Node builtins.',
      severity: 'error',
      from: { path: '^server/engine/', pathNot: TEST },
      to: { pathNot: ['^server/engine/', '(^|/)node_modules/'] },
    },
    {
      name: 'engine-no-node-builtins',
      comment: 'server/engine runs in the browser too: no node: builtins.',
      severity: 'error',
      from: { path: '^server/engine/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-leaf',
      comment: 'server/contract imports nothing of server except server/engine types.',
      severity: 'error',
      from: { path: '^server/contract/' },
      to: { path: '^server/', pathNot: ['^server/contract/', '^server/engine/'] },
    },
    {
      name: 'contract-engine-types-only',
      comment: 'server/contract may use server/engine only for types (import type).',
      severity: 'error',
      from: { path: '^server/contract/' },
      to: { path: '^server/engine/', dependencyTypesNot: ['type-only'] },
    },
    ...serverLayerRules,
    {
      name: 'render-not-providers',
      comment: 'server/render may not import providers.',
      severity: 'error',
      from: { path: '^server/render/' },
      to: { path: '^server/providers/' },
    },
    {
      name: 'providers-independent',
      comment: 'providers/local, providers/saymotion and providers/meshy do not import each other; shared bits go to providers/ top level or lower.',
      severity: 'error',
      from: { path: '^server/providers/(local|saymotion|meshy)/' },
      to: { path: '^server/providers/(local|saymotion|meshy)/', pathNot: '^server/providers/$1/' },
    },
    {
      name: 'jobs-no-concrete-provider',
      comment: 'server/jobs knows only the provider interface (providers/provider.ts) and providers/ top-level shared files.',
      severity: 'error',
      from: { path: '^server/jobs/', pathNot: TEST },
      to: { path: '^server/providers/[^/]+/' },
    },
    {
      name: 'routes-saymotion-apart',
      comment: 'server/routes and server/saymotion (both the HTTP surface) do not import each other.',
      severity: 'error',
      from: { path: '^server/(routes|saymotion)/' },
      to: { path: '^server/(routes|saymotion)/', pathNot: '^server/$1/' },
    },
    {
      name: 'server-not-src',
      comment: 'The server never imports the client.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^src/' },
    },
    {
      name: 'src-server-contract-engine-only',
      comment: 'The client may import from server/ only server/contract and server/engine (pure).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^server/', pathNot: ['^server/contract/', '^server/engine/'] },
    },
    {
      name: 'src-lib-leaf',
      comment: 'src/lib imports nothing of src.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'src-ui-leaf',
      comment: 'src/ui imports only src/lib.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/', pathNot: ['^src/ui/', '^src/lib/'] },
    },
    {
      name: 'src-api-layer',
      comment: 'src/api (server state) imports only src/lib (and server/contract).',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/', pathNot: ['^src/api/', '^src/lib/'] },
    },
    {
      name: 'src-state-layer',
      comment: 'src/state (editor state) imports only src/api and src/lib.',
      severity: 'error',
      from: { path: '^src/state/' },
      to: { path: '^src/', pathNot: ['^src/state/', '^src/api/', '^src/lib/'] },
    },
    {
      name: 'src-feature-not-app',
      comment: 'Features do not import the composition root (src/app, src/main.tsx).',
      severity: 'error',
      from: { path: FEATURE },
      to: { path: ['^src/app/', '^src/main\\.tsx$'] },
    },
    {
      name: 'src-feature-public-entry',
      comment: 'A feature imports another feature only through its public entry src/<feature>/index.ts.',
      severity: 'error',
      from: { path: FEATURE },
      to: { path: FEATURE, pathNot: ['^src/$1/', `^src/(${FEATURES.join('|')})/index\\.ts$`] },
    },
    {
      name: 'no-orphans',
      comment: 'A module nobody imports is dead code (entry points, tests, configs and type declarations excepted).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          TEST,
          '\\.d\\.ts$',
          '^server/main\\.ts$',
          '^src/main\\.tsx$',
          // Worker entry points are loaded by path (new Worker(url)), not imported.
          'Worker\\.ts$',
        ],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a bug.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^dist/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      // Types-only packages (e.g. @pixiv/types-vrmc-vrm-animation-1.0) have an empty `main` and only `types`.
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
