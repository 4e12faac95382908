// The direction dependencies may go in src/, checked by `npm run check:layers` inside `npm test`.
// The floors, lowest first, are in the README ("What is in here"): engine; i18n and browser;
// workshop, live, embed, lms and offline; stores; scripts and course; components; islands,
// layouts, pages, integrations, cli and peers. No allow-list: every rule holds everywhere.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'engine-is-self-contained',
      comment: 'The engine imports nothing of ours but itself, so it runs in the build, the browser, tests and tools alike.',
      severity: 'error',
      from: { path: '^src/engine/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: '^src/engine/' },
    },
    {
      name: 'stores-below-views',
      comment: 'Stores hold state and actions; components, islands, layouts and pages read them, never the other way.',
      severity: 'error',
      from: { path: '^src/stores/' },
      to: { path: '^src/(components|islands|layouts|pages)/' },
    },
    {
      name: 'no-views-below',
      comment:
        'Plain modules (course, workshop, embed, lms, live, i18n, browser, offline) never import a component, island, layout or page.',
      severity: 'error',
      from: { path: '^src/(course|workshop|embed|lms|live|i18n|browser|offline)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(components|islands|layouts|pages)/' },
    },
    {
      name: 'plain-modules-below-stores',
      comment:
        'The floors below the stores (i18n, browser, workshop, live, embed, lms, offline) never import a store, a page script or the content reader: what they need from above comes in as arguments or as their own types.',
      severity: 'error',
      from: { path: '^src/(workshop|embed|lms|live|i18n|browser|offline)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(stores|scripts|course)/' },
    },
    {
      name: 'nothing-ships-tests',
      comment: 'Only tests import from tests/ (shared fixtures); code that ships or runs as a tool never does.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Two folders that import each other are one layer in two places: move the shared piece down a floor.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'declared-dependencies-only',
      comment: 'Every package the code imports is named in package.json (a transitive one can vanish on any update).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests sit beside the code they test and may import any floor; the rules are about what ships.
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
