import { ConnectionBadge } from './ConnectionBadge';
import { ConnectionPicker } from './ConnectionPicker';
import { CommandsMenu } from './commands/CommandsMenu';
import { RecordingBadge } from './recording/RecordingBadge';
import { RecordingMenu } from './recording/RecordingMenu';
import { StrategiesMenu } from './strategies/StrategiesMenu';
import { TrafficControls } from './TrafficControls';

export function Header() {
  return (
    <header className="header">
      <h1 className="title">ORS inspector</h1>
      <ConnectionBadge />
      <RecordingBadge />
      <ConnectionPicker />
      <TrafficControls />
      <CommandsMenu />
      <StrategiesMenu />
      <RecordingMenu />
    </header>
  );
}
