import { fileURLToPath } from 'node:url';
import { defineConfig, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';

const API_TARGET = 'http://127.0.0.1:3000';

const CHUNK_GROUPS: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/],
  ['antd', /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/],
];

/**
 * npm hoists @vitejs/plugin-react beside the Vite 8 that vitest brings, so its types name Vite 8's Plugin
 * while this config is built with the client's Vite 7; the plugin supports both at run time.
 */
const reactPlugin = react() as unknown as PluginOption;

function chunkFor(id: string): string | undefined {
  return CHUNK_GROUPS.find(([, pattern]) => pattern.test(id))?.[0];
}

export default defineConfig({
  plugins: [reactPlugin],
  resolve: {
    alias: {
      '@yunpin/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    proxy: {
      '/api': API_TARGET,
      '/healthz': API_TARGET,
      '/readyz': API_TARGET,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      output: { manualChunks: chunkFor },
    },
  },
});
