/**
 * The realm probe page: `window.scxmlRealmProbe` runs the observations in the page or in a module
 * worker, on demand, so the test can tell what was fetched before and after.
 */
import { type Observations, observe } from './observe';

type WorkerAnswer = { ok: true; observations: Observations } | { ok: false; error: string };

function inWorker(): Promise<Observations> {
  const worker = new Worker(new URL('./probe.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Observations>((resolve, reject) => {
    worker.addEventListener('message', (message: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if (message.data.ok) resolve(message.data.observations);
      else reject(new Error(message.data.error));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(`the probe worker failed: ${event.message}`));
    });
    worker.postMessage('observe');
  });
}

const probe = { inPage: observe, inWorker };

declare global {
  interface Window {
    scxmlRealmProbe?: typeof probe;
  }
}

window.scxmlRealmProbe = probe;
document.body.dataset.ready = 'true';
