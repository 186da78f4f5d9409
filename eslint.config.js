import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';

// Features never import each other; they meet only in src/app (bulletproof-react's rule).
const features = ['analysis', 'capture', 'history', 'pwa', 'model-card'];
const featureZones = features.map((name) => ({
  target: `./src/features/${name}`,
  from: './src/features',
  except: [`./${name}`],
}));

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'public', 'node_modules', 'training/cache', 'training/runs', 'bench/tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, import: importPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones,
            { target: './src/features', from: './src/app' },
            { target: './src/components', from: ['./src/features', './src/app'] },
            { target: './src/shared', from: ['./src/features', './src/app', './src/components'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
