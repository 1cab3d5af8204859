/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Bounds on waiting, not speed budgets: on a busy two-core machine a real server or a
    // WebAssembly realm can take far longer to start than Vitest's default 5 s allows.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Both cores: Vitest's default in a run is one worker fewer than the CPUs, one on this machine,
    // and the unit suite then took 208 s instead of 118 s, too much of CI's 20 minutes.
    maxWorkers: 2,
  },
});
