import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, searchForWorkspaceRoot } from 'vite';

// The API serves the built app under /app (its own routes have no prefix), so the app lives there
// in development too: Vite answers /app/..., everything else goes to the API (GAUNG_API, default :3000).
const api = process.env.GAUNG_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  server: {
    port: 5173,
    // The help pages import the guides and their screenshots from docs/ (outside web/).
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), fileURLToPath(new URL('../docs', import.meta.url))] },
    proxy: { '^/(?!app(/|$)).*': { target: api, changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
});
