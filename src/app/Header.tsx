import { ConnectionBadge } from './ConnectionBadge';
import { ConnectionPicker } from './ConnectionPicker';
import { CommandsMenu } from './commands/CommandsMenu';
import { StrategiesMenu } from './strategies/StrategiesMenu';
import { TrafficControls } from './TrafficControls';

export function Header() {
  return (
    <header className="header">
      <h1 className="title">ORS inspector</h1>
      <ConnectionBadge />
      <ConnectionPicker />
      <TrafficControls />
      <CommandsMenu />
      <StrategiesMenu />
    </header>
  );
}
