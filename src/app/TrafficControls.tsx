import { useEffect, useState } from 'react';
import { TRAFFIC_RATE } from '../protocol/messages';
import { useActionContext, useInspector } from '../store/react';
import { selectCanWrite, selectTraffic } from '../store/selectors';
import { ResetButton } from './ResetButton';

/** Start, pause, rate (1 to 10,000 events/s), seed, reset: the live traffic generator. */
export function TrafficControls() {
  const { connection, store } = useActionContext();
  const traffic = useInspector(selectTraffic);
  const canWrite = useInspector(selectCanWrite);
  const [rate, setRate] = useState(String(traffic.rate));
  const [seed, setSeed] = useState(String(traffic.seed));
  useEffect(() => setRate(String(traffic.rate)), [traffic.rate]);
  useEffect(() => setSeed(String(traffic.seed)), [traffic.seed]);

  const run = (work: () => Promise<unknown>) => {
    work().catch((error: unknown) =>
      store.getState().toast({ tone: 'error', title: 'Traffic', text: String(error) }),
    );
  };
  const applyRate = () => {
    const value = Math.round(Number(rate));
    if (!Number.isFinite(value) || value < TRAFFIC_RATE.min || value > TRAFFIC_RATE.max) {
      store.getState().toast({
        tone: 'error',
        title: 'Rate',
        text: `rate must be ${TRAFFIC_RATE.min} to ${TRAFFIC_RATE.max} events/s`,
      });
      setRate(String(traffic.rate));
      return;
    }
    run(() => connection.traffic({ rate: value }));
  };
  const seedValue = () => {
    const value = Number(seed);
    return Number.isInteger(value) && value >= 0 && value < 2 ** 32 ? value : null;
  };

  return (
    <fieldset className="traffic" disabled={!canWrite}>
      <legend className="sr-only">Traffic</legend>
      <button
        type="button"
        data-testid="traffic-toggle"
        onClick={() => run(() => connection.traffic({ running: !traffic.running }))}
      >
        {traffic.running ? 'Pause traffic' : 'Start traffic'}
      </button>
      <label>
        Rate
        <input
          type="number"
          min={TRAFFIC_RATE.min}
          max={TRAFFIC_RATE.max}
          value={rate}
          data-testid="traffic-rate"
          onChange={(e) => setRate(e.target.value)}
          onBlur={applyRate}
          onKeyDown={(e) => e.key === 'Enter' && applyRate()}
        />
        ev/s
      </label>
      <label>
        Seed
        <input
          type="number"
          min={0}
          value={seed}
          data-testid="traffic-seed"
          onChange={(e) => setSeed(e.target.value)}
        />
      </label>
      <ResetButton
        canReset={() => {
          if (seedValue() !== null) return true;
          store.getState().toast({
            tone: 'error',
            title: 'Seed',
            text: 'seed must be a whole number from 0 to 4294967295',
          });
          return false;
        }}
        onConfirm={() => {
          const value = seedValue();
          if (value !== null) run(() => connection.reset(value));
        }}
      />
    </fieldset>
  );
}
