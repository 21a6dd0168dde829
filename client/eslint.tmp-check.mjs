import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import js from '@eslint/js';
export default tseslint.config(
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'] ?? reactHooks.configs.flat.recommended,
  { files: ['src/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
);
