import { type ChildProcess, spawn } from 'node:child_process';

/** Starts `vite preview` on `port` (built app in dist/) and waits until it answers. */
export async function startPreview(port: number): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    'node',
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${url}`);
}
