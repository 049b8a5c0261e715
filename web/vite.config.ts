import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// root = web/ (see package.json: `vite build web --emptyOutDir`); output to web/dist, served by the backend.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/v1': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
