// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import unicorn from 'eslint-plugin-unicorn';
import globals from 'globals';

// One direction of imports (see README "Project layout"):
// domain ← persistence ← pdf ← features ← app; shared UI in components, helpers in lib, text in i18n.
// Each layer lists the layers it may import. A feature never imports another feature.
const allowedImports = {
  domain: [],
  i18n: ['domain'],
  persistence: ['domain'],
  pdf: ['domain', 'i18n'],
  lib: ['domain', 'i18n'],
  components: ['domain', 'i18n', 'lib'],
  features: ['domain', 'i18n', 'lib', 'components', 'persistence', 'pdf'],
  cli: ['domain', 'i18n', 'pdf'],
  app: ['domain', 'i18n', 'lib', 'components', 'persistence', 'pdf', 'features'],
};

/** `{ layer, feature }` of a file under src/, or null outside src/. */
function locate(file) {
  const rel = path.relative(path.resolve('src'), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [layer, second] = rel.split(path.sep);
  return { layer, feature: layer === 'features' ? second : undefined };
}

const layersPlugin = {
  rules: {
    'one-way': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const from = locate(context.filename);
        if (!from || !(from.layer in allowedImports)) return {};
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const to = locate(path.resolve(path.dirname(context.filename), source));
          if (!to || to.layer === from.layer) {
            if (to && from.layer === 'features' && to.feature !== from.feature)
              context.report({
                node: node.source,
                message: `A feature never imports another feature (features/${from.feature} → features/${to.feature}); move shared code to components, lib or a lower layer.`,
              });
            return;
          }
          if (!allowedImports[from.layer].includes(to.layer))
            context.report({
              node: node.source,
              message: allowedImports[from.layer].length
                ? `src/${from.layer} may import only src/{${allowedImports[from.layer].join(',')}}, not src/${to.layer}.`
                : `src/${from.layer} imports nothing from other layers (found src/${to.layer}).`,
            });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

const heavyOrUiModules = [
  { name: 'react', message: 'src/domain is framework-free.' },
  { name: 'react-dom', message: 'src/domain is framework-free.' },
  { name: 'dexie', message: 'src/domain does no storage.' },
];
const heavyPatterns = [
  { group: ['react/*', 'react-dom/*'], message: 'src/domain is framework-free.' },
  { group: ['@react-pdf/*'], message: 'src/domain renders no PDF.' },
  { group: ['@tiptap/*'], message: 'src/domain knows rich text as JSON only.' },
  { group: ['dexie/*', 'fake-indexeddb', 'fake-indexeddb/*'], message: 'src/domain does no storage.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      '.bench-dist',
      'public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks, layers: layersPlugin, unicorn },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'layers/one-way': 'error',
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
      // No barrel files: a module re-exporting others hides where things live and defeats tree-shaking.
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No barrel files: import from the defining module.' },
        {
          selector: 'ExportNamedDeclaration[source]',
          message: 'No barrel files: import from the defining module.',
        },
      ],
    },
  },
  {
    // No import cycles: a module and its importers form a tree, so each can be read (and loaded) on its
    // own. Type-only imports are not followed (they vanish at build time).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: heavyOrUiModules, patterns: heavyPatterns }],
      'no-restricted-globals': [
        'error',
        // Node globals too: a type package (papaparse's) brings Node's types into the domain type check.
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'fetch',
          'process',
          'Buffer',
          'require',
          'setTimeout',
          'setInterval',
        ].map((name) => ({
          name,
          message: 'src/domain is pure: pass what you need in as an argument.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes in as an argument (`now`).' },
        { object: 'Math', property: 'random', message: 'src/domain is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No barrel files: import from the defining module.' },
        {
          selector: 'ExportNamedDeclaration[source]',
          message: 'No barrel files: import from the defining module.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in as an argument (`now`).',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx,mjs}', '*.config.{ts,js}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
