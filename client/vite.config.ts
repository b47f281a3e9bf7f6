import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server in development; `npm run dev:client` proxies to it so the page keeps one origin. */
const API_TARGET = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API_TARGET },
      '/yjs': { target: API_TARGET, ws: true },
      '/socket.io': { target: API_TARGET, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
