import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['src/generated/**', 'dist/**', 'node_modules/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through AppConfig (src/core/config).' },
      ],
    },
  },
  {
    // Arrows point one way: features call notifications, notifications call no feature (docs/notifications.md).
    files: ['src/notifications/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(accounts|analytics|calendar|campaigns|demo|media|posts|publishing|review|workspaces)(/|$)',
              message: 'src/notifications must not import a feature: the feature calls the Notifier instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/config/load-config.ts', 'test/**/*.ts', 'bench/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
