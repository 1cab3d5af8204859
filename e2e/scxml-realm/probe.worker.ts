/// <reference lib="webworker" />
/** Answers any message with what the realms look like from a module worker. */
import { observe } from './observe';

self.addEventListener('message', () => {
  observe().then(
    (observations) => self.postMessage({ ok: true, observations }),
    (error: unknown) => self.postMessage({ ok: false, error: String(error) }),
  );
});
